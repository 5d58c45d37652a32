// The accounting of disclosures: for a person (entity id or SOURCE:ID), which disseminated reports held their data.
import { h, replace } from '../dom.js';
import { get } from '../api.js';
import { field, input, problem, table, when } from '../ui.js';

export async function render(main, arg) {
  main.append(h('h1', null, 'Accounting of disclosures'),
    h('p', { class: 'muted' }, 'Which disseminated reports held a person\'s data, to whom, when, why and under which agreement; through the person\'s current records, so it follows merges.'));
  const person = input({ id: 'disclosure-person', required: true, placeholder: 'entity id or SOURCE:ID', value: arg || '' });
  const form = h('form', { class: 'panel' }, h('div', { class: 'fields' }, field('Person', person)),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Show')));
  const out = h('div', { id: 'disclosure-list', 'aria-live': 'polite' });
  main.append(form, out);
  const show = async () => {
    try {
      const answer = await get('/api/disclosures', { person: person.value, limit: 500 });
      replace(out, table(`${answer.items.length} dissemination(s) held this person's data`,
        ['Report', 'Version', 'To', 'Sent', 'By', 'Purpose', 'Agreement', 'Records', 'Status'],
        answer.items.map((d) => [d.title, String(d.version), d.organization, when(d.sent_at), d.sent_by, d.purpose, d.agreement,
          d.records.join(', ') + (d.records_of_sources_you_may_not_see ? ` (+${d.records_of_sources_you_may_not_see} you may not see)` : ''),
          d.revoked ? `revoked ${when(d.revoked_at)}` : 'active']),
        'No report holding this person\'s data was disseminated.'));
    } catch (e) {
      replace(out, problem(e, 'account for the disclosures'));
    }
  };
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    show();
  });
  if (arg) await show();
}
