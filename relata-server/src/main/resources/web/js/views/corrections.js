// Corrections (privacy officer): requests to correct one field of one record; accept or reject each with a note. An
// accepted correction is shown on the entity's profile beside the source's value; the record itself never changes.
import { h, replace } from '../dom.js';
import { get, post } from '../api.js';
import { field, input, select, problem, notice, table, when, recordChip } from '../ui.js';

export async function render(main) {
  main.append(h('h1', null, 'Corrections'),
    h('p', { class: 'muted' }, 'What individuals asked to be corrected. The source\'s record is never changed: an accepted correction is shown beside it, with who decided and why, and whoever was sent the data earlier is listed to be told.'));
  const status = select([['PENDING', 'pending'], ['ACCEPTED', 'accepted'], ['REJECTED', 'rejected'], ['', 'any']], { id: 'corr-status' });
  const filter = h('form', { class: 'panel' }, h('div', { class: 'fields' }, field('Status', status)),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Show')));
  const list = h('div', { id: 'corr-list' });
  const pane = h('section', { class: 'panel', id: 'corr-detail', 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Open a correction to decide it.'));
  const where = h('div', { 'aria-live': 'polite', id: 'corr-message' });
  const refresh = async () => {
    try {
      const answer = await get('/api/corrections', { status: status.value, limit: 500 });
      replace(list, table(`${answer.items.length} correction(s)`, ['#', 'Record', 'Field', 'Asked for', 'Status', ''],
        answer.items.map((c) => [String(c.id), recordChip(c.record), c.field, c.value, c.status.toLowerCase(),
          h('button', { type: 'button', class: 'small secondary', onclick: () => open(pane, where, c.id, refresh) }, 'Open')]),
        'No correction with this status.'));
    } catch (e) {
      replace(list, problem(e, 'list the corrections'));
    }
  };
  filter.addEventListener('submit', (ev) => {
    ev.preventDefault();
    refresh();
  });
  main.append(filter, where, h('div', { class: 'split' }, list, pane), registerForm(where, refresh));
  await refresh();
}

function registerForm(where, refresh) {
  const record = input({ id: 'corr-record', placeholder: 'SOURCE:ID', required: true });
  const path = input({ id: 'corr-field', placeholder: 'dob, names[0].surname, addresses[1]…', required: true });
  const value = input({ id: 'corr-value', required: true });
  const reason = h('textarea', { id: 'corr-reason', rows: '2', required: true });
  const request = input({ id: 'corr-request', placeholder: 'optional', inputmode: 'numeric' });
  const form = h('form', { class: 'panel stack', id: 'corr-form' }, h('h2', null, 'Register a correction request'),
    h('div', { class: 'fields' }, field('Record', record), field('Field', path, 'a path into the record'), field('Value asked for', value),
      field('Access request #', request)),
    field('Reason', reason),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Register')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const c = await post('/api/corrections', {
        record: record.value.trim(), field: path.value.trim(), value: value.value.trim(), reason: reason.value.trim(),
        access_request: request.value.trim() ? Number(request.value.trim()) : null,
      });
      replace(where, notice('ok', null, `Correction ${c.id} registered.`));
      form.reset();
      await refresh();
    } catch (e) {
      replace(where, problem(e, 'register the correction'));
    }
  });
  return form;
}

async function open(pane, where, id, refresh) {
  let c;
  try {
    c = await get(`/api/corrections/${id}`);
  } catch (e) {
    replace(pane, problem(e, 'open the correction'));
    return;
  }
  const note = h('textarea', { id: 'corr-note', rows: '2' });
  const choice = (value, text) => h('label', null, h('input', { type: 'radio', name: 'corr-decision', value }), ' ', text);
  const message = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'stack', id: 'corr-decide' },
    h('fieldset', null, h('legend', null, 'Decision'), h('div', { class: 'checks' },
      choice('ACCEPT', 'Accept: annotate the record'), choice('REJECT', 'Reject: the source is right'))),
    field('Note', note), message, h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Record decision')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const picked = form.querySelector('input[name="corr-decision"]:checked');
    if (!picked || note.value.trim().length < 3) {
      replace(message, notice('error', null, 'Choose a decision and write a note.'));
      return;
    }
    try {
      await post(`/api/corrections/${id}/decision`, { decision: picked.value, note: note.value.trim() });
      replace(where, notice('ok', null, `Correction ${id} ${picked.value === 'ACCEPT' ? 'accepted' : 'rejected'}.`));
      await refresh();
      await open(pane, where, id, refresh);
    } catch (err) {
      replace(message, problem(err, 'record the decision'));
    }
  });
  replace(pane,
    h('h2', null, `Correction ${c.id}`),
    h('dl', { class: 'facts' },
      h('dt', null, 'Record'), h('dd', null, recordChip(c.record)),
      h('dt', null, 'Field'), h('dd', null, c.field),
      h('dt', null, 'The source gives'), h('dd', { id: 'corr-source-value' }, c.source_value === null ? '(nothing)' : c.source_value),
      h('dt', null, 'Asked for'), h('dd', null, c.value),
      h('dt', null, 'Reason'), h('dd', null, c.reason),
      h('dt', null, 'Registered'), h('dd', null, `${when(c.requested_at)} by ${c.requested_by}`),
      c.access_request ? [h('dt', null, 'Access request'), h('dd', null, h('a', { href: `#/access-requests/${c.access_request}` }, `#${c.access_request}`))] : null,
      h('dt', null, 'Status'), h('dd', null, c.status.toLowerCase(), c.decided_by ? ` by ${c.decided_by}, ${when(c.decided_at)}: ${c.note}` : '')),
    h('h3', null, 'To be told'),
    table('Recipients of earlier disclosures that held this record\'s data', ['Recipient', 'What was sent', 'When'],
      c.recipients.map((r) => [r.recipient, r.disclosure, when(r.disclosed_at)]), 'Nobody was sent this record\'s data.'),
    form);
}
