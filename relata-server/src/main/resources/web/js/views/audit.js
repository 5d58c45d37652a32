// For auditors: who looked at a person (or what a user did), unusual activity, and the verification of the chain.
import { h, replace } from '../dom.js';
import { get } from '../api.js';
import { field, input, select, problem, notice, table, when } from '../ui.js';

export async function render(main) {
  main.append(h('h1', null, 'Audit'),
    h('p', { class: 'muted' }, 'Every access to personal data, sign-in and change is an entry of a hash chain, with its case and purpose.'));
  const kind = select([['object', 'Who looked at a person or record?'], ['actor', 'What did a user do?']], { id: 'audit-kind' });
  const term = input({ id: 'audit-term', placeholder: 'entity:123', required: true });
  const from = input({ type: 'date', id: 'audit-from' });
  const to = input({ type: 'date', id: 'audit-to' });
  kind.addEventListener('change', () => { term.placeholder = kind.value === 'object' ? 'entity:123' : 'analyst'; });
  const results = h('section', { id: 'audit-results', 'aria-live': 'polite' });
  const form = h('form', { class: 'panel stack', id: 'audit-form' },
    h('div', { class: 'fields' }, field('Question', kind), field('About', term, 'entity:ID or record:SOURCE:ID; or a user name'), field('From (UTC)', from), field('To (UTC, inclusive)', to)),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'audit-submit' }, 'Search the trail')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const query = { [kind.value]: term.value.trim(), limit: 500 };
    if (from.value) query.from = `${from.value}T00:00:00Z`;
    if (to.value) query.to = new Date(Date.parse(`${to.value}T00:00:00Z`) + 86400000).toISOString();
    try {
      const answer = await get('/api/audit/entries', query);
      replace(results, h('section', { class: 'panel' }, table(`${answer.items.length} entr${answer.items.length === 1 ? 'y' : 'ies'}${answer.next_offset ? ' (more exist: narrow the dates)' : ''}`,
        [{ label: 'Seq', class: 'num' }, 'When', 'Who', 'Action', 'Outcome', 'Case', 'Purpose', { label: 'Results', class: 'num' }, 'Detail'],
        answer.items.map((e) => ({
          class: 'audit-entry',
          cells: [String(e.seq), when(e.at), e.actor, h('span', { class: 'mono' }, e.action),
            h('span', { class: `badge ${e.outcome === 'ALLOWED' ? '' : 'conflict'}` }, e.outcome.toLowerCase()),
            e.case ? `#${e.case}` : '–', e.purpose || '–', String(e.result_count ?? ''), e.detail || ''],
        })), 'Nothing in the trail for this question.')));
    } catch (e) {
      replace(results, problem(e, 'search the audit trail'));
    }
  });
  const verifyOut = h('div', { 'aria-live': 'polite', id: 'audit-verify-result' });
  const verify = h('section', { class: 'panel' }, h('h2', null, 'Is the trail intact?'),
    h('p', { class: 'small muted' }, 'Checks every entry\'s hash against the one before it and every signed checkpoint against the key kept outside the database.'),
    h('button', { type: 'button', class: 'secondary', id: 'audit-verify', onclick: async () => {
      replace(verifyOut, h('p', { role: 'status' }, 'Verifying…'));
      try {
        const v = await get('/api/audit/verify');
        replace(verifyOut, v.ok
          ? notice('ok', 'The chain is intact', `${v.entries_checked} entries and ${v.checkpoints_checked} checkpoints checked.`)
          : notice('error', `The chain is broken at entry ${v.first_bad_seq}`, v.problem));
      } catch (e) {
        replace(verifyOut, problem(e, 'verify the trail'));
      }
    } }, 'Verify the chain'), verifyOut);
  const alertsPane = h('section', { class: 'panel', id: 'audit-alerts' }, h('h2', null, 'Unusual activity'));
  main.append(form, results, h('div', { class: 'side-by-side' }, verify, alertsPane));
  try {
    const alerts = (await get('/api/audit/alerts', { limit: 50 })).items;
    alertsPane.append(table(null, ['When', 'Who', 'What', 'Status'], alerts.map((a) => [when(a.at), a.actor, `${a.kind.toLowerCase().replace(/_/g, ' ')}: ${a.detail}`, a.status.toLowerCase()]),
      'No unusual activity raised.'));
  } catch (e) {
    alertsPane.append(problem(e, 'list unusual activity'));
  }
  term.focus();
}
