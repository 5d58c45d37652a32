// Leads: what the pattern scan found, best score first. Open one for its evidence and members; record a disposition.
import { h, replace } from '../dom.js';
import { get, post } from '../api.js';
import { PATTERNS, field, select, problem, notice, table, num, recordChip, subjects, entityAction, entityName, nice } from '../ui.js';

const STATUSES = ['OPEN', 'REVIEWED', 'ESCALATED', 'DISMISSED', 'RETIRED'];

let filter = { pattern: '', status: 'OPEN' };

export async function render(main) {
  main.append(h('h1', null, 'Leads'),
    h('p', { class: 'muted' }, 'Groups of entities the pattern scan found worth a look. A lead is a possible connection for you to judge, never a finding.'));
  const pattern = select([['', 'All patterns'], ...Object.entries(PATTERNS).map(([k, v]) => [k, `${k}: ${v}`])], { id: 'lead-pattern' });
  const status = select([['', 'Any status'], ...STATUSES.map((s) => [s, s.toLowerCase()])], { id: 'lead-status' });
  pattern.value = filter.pattern;
  status.value = filter.status;
  const form = h('form', { class: 'panel', id: 'lead-filter' },
    h('div', { class: 'fields' }, field('Pattern', pattern), field('Status', status)),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Show')));
  const where = h('div', { 'aria-live': 'polite', id: 'lead-status-message' });
  const list = h('div', { id: 'lead-list' });
  const pane = h('section', { class: 'panel', id: 'lead-detail', 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Open a lead to see its evidence.'));
  main.append(form, where, h('div', { class: 'split' }, list, pane));
  const refresh = async () => {
    filter = { pattern: pattern.value, status: status.value };
    try {
      const [answer, known] = [await get('/api/leads', { pattern: filter.pattern, status: filter.status, limit: 100 }), await subjects()];
      replace(list, table(`${answer.items.length} lead(s)`, [{ label: 'Score', class: 'num' }, 'Pattern', 'Entities', 'Status', ''],
        answer.items.map((l) => ({
          cells: [num(l.score, 2), l.pattern, l.members.map((m) => nice(m.label)).slice(0, 4).join(', ') + (l.members.length > 4 ? ` and ${l.members.length - 4} more` : ''),
            h('span', { class: `badge ${l.status === 'OPEN' ? 'open' : ''}` }, l.status.toLowerCase()),
            h('button', { type: 'button', class: 'small secondary', dataset: { lead: String(l.id) }, onclick: () => open(pane, where, l, known, refresh) }, 'Open')],
        })), 'No lead with this pattern and status.'));
    } catch (e) {
      replace(where, problem(e, 'list the leads'));
    }
  };
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    refresh();
  });
  await refresh();
}

function open(pane, where, l, known, refresh) {
  const note = h('textarea', { id: 'lead-note', maxlength: '2000' });
  const choice = (value, text) => h('label', null, h('input', { type: 'radio', name: 'lead-disposition', value }), ' ', text);
  const message = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'stack', id: 'lead-form' },
    h('fieldset', null, h('legend', null, 'Disposition'), h('div', { class: 'checks' },
      choice('REVIEWED', 'Reviewed: nothing further'), choice('ESCALATED', 'Escalate for follow-up'), choice('DISMISSED', 'Dismiss: not worth pursuing'))),
    field('Note', note, 'What you concluded and why.'),
    message,
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'lead-submit' }, 'Record disposition')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const picked = form.querySelector('input[name="lead-disposition"]:checked');
    if (!picked || note.value.trim().length < 3) {
      replace(message, notice('error', null, 'Choose a disposition and write a note.'));
      return;
    }
    try {
      await post(`/api/leads/${l.id}/disposition`, { status: picked.value, note: note.value.trim() });
      replace(where, notice('ok', null, `Lead ${l.id} recorded as ${picked.value.toLowerCase()}.`));
      replace(pane, h('p', { class: 'muted' }, 'Open a lead to see its evidence.'));
      await refresh();
    } catch (e) {
      replace(message, problem(e, 'record the disposition'));
    }
  });
  replace(pane,
    h('h2', null, `Lead ${l.id}: ${l.pattern}`),
    h('p', { class: 'muted' }, PATTERNS[l.pattern] || '', ` · score ${num(l.score, 2)} · ${l.status.toLowerCase()}`,
      l.disposed_by ? ` by ${l.disposed_by}` : '', l.note ? ` · “${l.note}”` : ''),
    h('h3', null, 'Evidence'),
    h('ul', { class: 'evidence' }, (l.evidence || []).map((e) => h('li', null, typeof e === 'string' ? e : JSON.stringify(e)))),
    h('h3', null, `Entities (${l.members.length})`),
    table(null, ['Entity', 'Records', ''], l.members.map((m) => [entityName(m.entity, m.label),
      h('div', { class: 'chips' }, (m.records || []).map(recordChip)), entityAction(m.entity, m.label, known, where)])),
    h('h3', null, 'Your view of it'), form);
}
