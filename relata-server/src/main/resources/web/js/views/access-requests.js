// Access requests (privacy officer): the list with due dates (overdue flagged), the register form, and a request's
// page: the records found with their score and explanation, a decision per record, the response package and the log.
import { h, replace, append } from '../dom.js';
import { get, post } from '../api.js';
import { state } from '../state.js';
import { field, input, select, problem, notice, table, when, num, matchKey, recordChip } from '../ui.js';

const STATUS = [['', 'any'], ['OPEN', 'open'], ['IN_REVIEW', 'in review'], ['RESPONDED', 'responded'], ['CLOSED', 'closed']];

export async function render(main, arg) {
  if (arg) return request(main, Number(arg));
  main.append(h('h1', null, 'Access requests'),
    h('p', { class: 'muted' }, 'Individuals asking what Relata holds about them. Registering a request finds every record that may be theirs; you then decide record by record what is released.'));
  const status = select(STATUS, { id: 'ar-status' });
  const filter = h('form', { class: 'panel' }, h('div', { class: 'fields' }, field('Status', status)),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Show')));
  const list = h('div', { id: 'ar-list' });
  const where = h('div', { 'aria-live': 'polite', id: 'ar-message' });
  const refresh = async () => {
    try {
      const answer = await get('/api/access-requests', { status: status.value, limit: 500 });
      replace(list, table(`${answer.items.length} request(s), the soonest due first`, ['#', 'Requester', 'Received', 'Due', 'Status', ''],
        answer.items.map((r) => ({
          class: r.overdue ? 'overdue' : undefined,
          cells: [String(r.id), r.requester, r.received_on,
            h('span', null, r.due_on, r.overdue ? h('span', { class: 'badge open', title: 'past its due date and not answered' }, ' overdue') : null),
            r.status.toLowerCase().replace('_', ' '), h('a', { href: `#/access-requests/${r.id}` }, 'Open')],
        })), 'No access request with this status.'));
    } catch (e) {
      replace(list, problem(e, 'list the access requests'));
    }
  };
  filter.addEventListener('submit', (ev) => {
    ev.preventDefault();
    refresh();
  });
  main.append(filter, list, registerForm(where, refresh), where);
  await refresh();
}

function lines(value) {
  return value.split('\n').map((s) => s.trim()).filter(Boolean);
}

function registerForm(where, refresh) {
  const names = h('textarea', { id: 'ar-names', rows: '2', required: true });
  const dob = input({ id: 'ar-dob', placeholder: 'e.g. 1980-03-04' });
  const addresses = h('textarea', { id: 'ar-addresses', rows: '2' });
  const phones = input({ id: 'ar-phones' });
  const emails = input({ id: 'ar-emails' });
  const ids = input({ id: 'ar-ids', placeholder: 'PASSPORT:X1234567' });
  const received = input({ id: 'ar-received', type: 'date' });
  const due = input({ id: 'ar-due', type: 'date' });
  const notes = h('textarea', { id: 'ar-notes', rows: '2' });
  const form = h('form', { class: 'panel stack', id: 'ar-form' }, h('h2', null, 'Register a request'),
    field('Names (one a line: every name the person was known by)', names),
    h('div', { class: 'fields' }, field('Birth date', dob), field('Received on', received, 'today when empty'),
      field('Due on', due, 'the configured days after receipt when empty')),
    field('Addresses (one a line)', addresses),
    h('div', { class: 'fields' }, field('Phones (comma-separated)', phones), field('E-mails (comma-separated)', emails),
      field('Identifiers (TYPE:VALUE, comma-separated)', ids)),
    field('Notes', notes),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'ar-submit' }, 'Register and find records')));
  const split = (v) => v.split(',').map((s) => s.trim()).filter(Boolean);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const r = await post('/api/access-requests', {
        names: lines(names.value), dob: dob.value.trim() || null, addresses: lines(addresses.value), phones: split(phones.value),
        emails: split(emails.value), identifiers: split(ids.value), notes: notes.value.trim() || null,
        received_on: received.value || null, due_on: due.value || null,
      });
      replace(where, notice('ok', null, `Request ${r.id} registered: ${r.found} record(s) found, due ${r.due_on}. `,
        h('a', { href: `#/access-requests/${r.id}` }, 'Open it')));
      form.reset();
      await refresh();
    } catch (e) {
      replace(where, problem(e, 'register the request'));
    }
  });
  return form;
}

/** A record's content as (path, value) lines: the paths a partial release names. */
function flatten(node, prefix = '', out = []) {
  if (node === null || node === undefined) return out;
  if (Array.isArray(node)) node.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
  else if (typeof node === 'object') Object.entries(node).forEach(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k, out));
  else out.push([prefix, String(node)]);
  return out;
}

async function request(main, id) {
  if (!Number.isInteger(id) || id < 1) {
    main.append(notice('error', 'No such request', 'A request is named by a positive number.'));
    return;
  }
  let r;
  try {
    r = await get(`/api/access-requests/${id}`);
  } catch (e) {
    main.append(h('h1', null, `Access request ${id}`), problem(e, 'open this request'));
    return;
  }
  const where = h('div', { 'aria-live': 'polite', id: 'ar-message' });
  const reload = () => { replace(main); return request(main, id); };
  const data = r.requester_data || {};
  const pending = r.status === 'OPEN' || r.status === 'IN_REVIEW';
  const packageLink = h('a', { class: 'button', id: 'ar-package', href: `/api/access-requests/${id}/package?purpose=${encodeURIComponent(state.purpose || '')}` }, 'Download the response package (PDF)');
  append(main, [
    h('h1', null, `Access request ${id}: ${r.requester}`),
    h('dl', { class: 'facts' },
      h('dt', null, 'Status'), h('dd', { id: 'ar-current-status' }, r.status.toLowerCase().replace('_', ' ')),
      h('dt', null, 'Received'), h('dd', null, r.received_on),
      h('dt', null, 'Due'), h('dd', null, r.due_on, r.overdue ? h('strong', { class: 'badge open' }, ' overdue') : null),
      h('dt', null, 'Names'), h('dd', null, (data.names || []).join('; ')),
      h('dt', null, 'Birth date'), h('dd', null, data.dob || '–'),
      h('dt', null, 'Other details'), h('dd', null, [...(data.addresses || []), ...(data.phones || []), ...(data.emails || []), ...(data.identifiers || [])].join('; ') || '–'),
      h('dt', null, 'Notes'), h('dd', null, r.notes || '–')),
    where,
    h('div', { class: 'actions' }, packageLink, statusControls(r, id, where, reload)),
    r.not_visible ? notice('warn', null, `${r.not_visible} record(s) come from sources you are not cleared for: an officer who is must decide them.`) : null,
    h('section', { class: 'panel', id: 'ar-candidates' }, h('h2', null, `Records found (${r.candidates.length}), best fitting first`),
      h('p', { class: 'small muted' }, 'Recall comes first: every record of every entity that may be the requester is listed, so some are others\'. Withhold those as not about the requester.'),
      r.candidates.map((c) => candidate(c, id, pending, where, reload))),
    h('section', { class: 'panel', id: 'ar-log' }, h('h2', null, 'Log'),
      table('Every step of the request', ['When', 'Who', 'What', 'Detail'],
        r.log.map((e) => [when(e.at), e.actor, e.kind.toLowerCase(), e.detail])))]);
}

function statusControls(r, id, where, reload) {
  const next = { OPEN: ['IN_REVIEW', 'CLOSED'], IN_REVIEW: ['RESPONDED', 'CLOSED'], RESPONDED: ['CLOSED'], CLOSED: [] }[r.status];
  if (!next.length) return null;
  const to = select(next.map((s) => [s, s.toLowerCase().replace('_', ' ')]), { id: 'ar-next-status' });
  const note = input({ id: 'ar-status-note', placeholder: 'note (e.g. sent by post)' });
  const form = h('form', { class: 'inline', id: 'ar-status-form' }, field('Move to', to), field('Note', note),
    h('button', { type: 'submit' }, 'Change status'));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await post(`/api/access-requests/${id}/status`, { status: to.value, note: note.value.trim() || null });
      await reload();
    } catch (e) {
      replace(where, problem(e, 'change the status'));
    }
  });
  return form;
}

function candidate(c, id, pending, where, reload) {
  const lines = c.content ? flatten(c.content).filter(([k]) => k !== 'source' && k !== 'id') : [];
  const decided = c.decision
    ? h('p', { class: 'small' }, h('strong', null, c.decision.toLowerCase()),
      c.withheld_fields.length ? ` withholding ${c.withheld_fields.join(', ')}` : '', c.reason ? ` (${c.reason})` : '',
      ` by ${c.decided_by}, ${when(c.decided_at)}`)
    : h('p', { class: 'small muted' }, 'Not decided yet.');
  return h('article', { class: 'panel record', dataset: { record: c.record } },
    h('h3', null, `#${c.rank} `, recordChip(c.record), ' ', c.entity ? h('a', { href: `#/entity/${c.entity}` }, `entity #${c.entity}`) : 'withdrawn'),
    h('p', null, `Score ${num(c.score)} (${c.outcome.toLowerCase().replace('_', ' ')}) `, matchKey(c.match_key)),
    h('p', { class: 'small muted' }, c.explanation_text),
    h('dl', { class: 'facts' }, lines.map(([k, v]) => [h('dt', null, k), h('dd', null, v)])),
    decided,
    pending ? decisionForm(c, id, where, reload) : null);
}

function decisionForm(c, id, where, reload) {
  const decision = select([['RELEASE', 'release'], ['WITHHOLD', 'withhold'], ['PARTIAL', 'release in part']], { class: 'ar-decision' });
  if (c.decision) decision.value = c.decision;
  const fields = input({ class: 'ar-withheld', placeholder: 'fields to withhold, e.g. dob, phones[0]', value: c.withheld_fields.join(', ') });
  const reason = input({ class: 'ar-reason', placeholder: 'exemption or reason', value: c.reason || '' });
  const form = h('form', { class: 'inline' }, field('Decision', decision), field('Withheld fields', fields), field('Exemption or reason', reason),
    h('button', { type: 'submit' }, 'Record decision'));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const withheld = fields.value.split(',').map((s) => s.trim()).filter(Boolean);
    try {
      await post(`/api/access-requests/${id}/decisions`, {
        record: c.record, decision: decision.value, withheld_fields: decision.value === 'PARTIAL' ? withheld : [],
        reason: reason.value.trim() || null,
      });
      await reload();
    } catch (e) {
      replace(where, problem(e, `record the decision on ${c.record}`));
    }
  });
  return form;
}
