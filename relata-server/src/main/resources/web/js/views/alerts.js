// Alerts: what the case's watches raised as new data arrived; acknowledge or dismiss each with a note.
import { h, replace } from '../dom.js';
import { get, post } from '../api.js';
import { state } from '../state.js';
import { field, select, problem, notice, table, when, num, recordChip, subjects, entityName } from '../ui.js';

const KIND = {
  RESOLVED_INTO: 'New data resolved into the watched entity',
  NEW_RELATIONSHIP: 'New data brought a connection near the watched entity',
};

export async function render(main) {
  main.append(h('h1', null, `Alerts of case ${state.caseName}`),
    h('p', { class: 'muted' }, 'Raised by the case\'s watch list as records were loaded. Each says what arrived and how it touches the watched entity.'));
  const status = select([['OPEN', 'open'], ['ACKNOWLEDGED', 'acknowledged'], ['DISMISSED', 'dismissed'], ['', 'any']], { id: 'alert-status' });
  const form = h('form', { class: 'panel' }, h('div', { class: 'fields' }, field('Status', status)),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Show')));
  const where = h('div', { 'aria-live': 'polite', id: 'alert-message' });
  const list = h('div', { id: 'alert-list' });
  const pane = h('section', { class: 'panel', id: 'alert-detail', 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Open an alert to see its evidence.'));
  main.append(form, where, h('div', { class: 'split' }, list, pane));
  const refresh = async () => {
    try {
      const [answer, known] = [await get(`/api/cases/${state.caseId}/alerts`, { status: status.value, limit: 200 }), await subjects()];
      replace(list, table(`${answer.items.length} alert(s)`, ['When', 'What', 'Watched', 'Status', ''],
        answer.items.map((a) => [when(a.at), KIND[a.kind] || a.kind, `#${a.entity}${known.has(a.entity) ? ` ${known.get(a.entity)}` : ''}`,
          h('span', { class: `badge ${a.status === 'OPEN' ? 'open' : ''}` }, a.status.toLowerCase()),
          h('button', { type: 'button', class: 'small secondary', dataset: { alert: String(a.id) }, onclick: () => open(pane, where, a, known, refresh) }, 'Open')]),
        'No alert with this status.'));
    } catch (e) {
      replace(where, problem(e, 'list the alerts'));
    }
  };
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    refresh();
  });
  await refresh();
}

function open(pane, where, a, known, refresh) {
  const ev = a.evidence || {};
  const note = h('textarea', { id: 'alert-note', maxlength: '2000' });
  const choice = (value, text) => h('label', null, h('input', { type: 'radio', name: 'alert-disposition', value }), ' ', text);
  const message = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'stack', id: 'alert-form' },
    h('fieldset', null, h('legend', null, 'Disposition'), h('div', { class: 'checks' },
      choice('ACKNOWLEDGED', 'Acknowledge: seen, worth knowing'), choice('DISMISSED', 'Dismiss: not relevant'))),
    field('Note', note), message,
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'alert-submit' }, 'Record disposition')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const picked = form.querySelector('input[name="alert-disposition"]:checked');
    if (!picked || note.value.trim().length < 3) {
      replace(message, notice('error', null, 'Choose a disposition and write a note.'));
      return;
    }
    try {
      await post(`/api/cases/${state.caseId}/alerts/${a.id}/disposition`, { status: picked.value, note: note.value.trim() });
      replace(where, notice('ok', null, `Alert ${a.id} recorded as ${picked.value.toLowerCase()}.`));
      replace(pane, h('p', { class: 'muted' }, 'Open an alert to see its evidence.'));
      await refresh();
    } catch (err) {
      replace(message, problem(err, 'record the disposition'));
    }
  });
  const link = (entity) => (known.has(entity) ? h('a', { href: `#/entity/${entity}` }, entityName(entity, known.get(entity))) : entityName(entity, null));
  replace(pane,
    h('h2', null, `Alert ${a.id}`),
    h('dl', { class: 'facts' },
      h('dt', null, 'What'), h('dd', null, KIND[a.kind] || a.kind),
      h('dt', null, 'When'), h('dd', null, when(a.at)),
      h('dt', null, 'Watched entity'), h('dd', null, link(a.entity)),
      h('dt', null, 'Entity the new data touched'), h('dd', null, link(a.touched_entity)),
      h('dt', null, 'Hops between them'), h('dd', null, String(a.distance)),
      h('dt', null, 'Record that arrived'), h('dd', null, a.trigger ? recordChip(a.trigger) : '–')),
    ev.relations ? [h('h3', null, 'Connections the record brought'),
      h('ul', { class: 'evidence' }, ev.relations.map((r) => h('li', null, `to #${r.to}, strength ${num(r.strength)}: `, (r.evidence || []).join('; '))))] : null,
    ev.changes && ev.changes.length ? h('p', null, `Changes to the entity: ${ev.changes.join(', ').toLowerCase()}`) : null,
    a.status === 'OPEN' ? [h('h3', null, 'Your view of it'), form] : h('p', { class: 'muted' }, `Already ${a.status.toLowerCase()}.`));
}
