// Reports of the current case: compose (title, markings, narrative, subjects, a chart), save versions, preview them,
// disseminate an approved version to a partner organization, revoke a dissemination.
import { h, replace } from '../dom.js';
import { get, post } from '../api.js';
import { state } from '../state.js';
import { field, input, select, problem, notice, table, when, subjects, ask } from '../ui.js';
import { go } from '../app.js';

const MARKINGS = 'UNCLASSIFIED//LAW ENFORCEMENT SENSITIVE';

/** A link to a route that answers a file: the case and purpose go in the query, as a link cannot send headers. */
export function fileLink(path, query) {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries({ ...query, case: state.caseId, purpose: state.purpose })) {
    if (v !== undefined && v !== null) url.searchParams.set(k, String(v));
  }
  return url.pathname + url.search;
}

const base = () => `/api/cases/${state.caseId}/reports`;

export async function render(main, arg) {
  if (arg === 'new') return editor(main, null, null);
  if (arg && /^\d+$/.test(arg)) return report(main, Number(arg));
  return list(main);
}

async function list(main) {
  main.append(h('h1', null, `Reports of case ${state.caseName}`),
    h('p', { class: 'muted' }, 'Every save freezes a version; a supervisor other than its author approves a version before it can be sent to a partner agency.'),
    h('p', null, h('a', { href: '#/reports/new', class: 'button', id: 'report-new' }, 'Compose a report')));
  const where = h('div', { 'aria-live': 'polite' });
  main.append(where);
  try {
    const answer = await get(base(), { limit: 200 });
    main.append(table(`${answer.items.length} report(s)`, ['Title', 'Latest version', 'Status', 'By', 'Opened', ''],
      answer.items.map((r) => [r.title, String(r.latest_version), badge(r.latest_status), r.latest_author, when(r.created_at),
        h('a', { href: `#/reports/${r.id}`, dataset: { report: String(r.id) } }, 'Open')]),
      'No report in this case yet.'));
  } catch (e) {
    replace(where, problem(e, 'list the reports'));
  }
}

function badge(status) {
  return h('span', { class: `badge ${status === 'PENDING' ? 'open' : ''}` }, status.toLowerCase());
}

async function report(main, id) {
  const where = h('div', { 'aria-live': 'polite', id: 'report-message' });
  let r;
  try {
    r = await get(`${base()}/${id}`);
  } catch (e) {
    main.append(problem(e, `open report ${id}`));
    return;
  }
  main.append(h('h1', null, r.title), h('p', { class: 'muted' }, `Report ${r.id}, opened by ${r.created_by} ${when(r.created_at)}`), where);
  const latest = r.versions[0];
  const versionPath = (v) => `${base()}/${id}/versions/${v.version}`;
  main.append(h('h2', null, 'Versions'),
    table(null, ['Version', 'By', 'Saved', 'Status', 'Review', 'Preview', ''], r.versions.map((v) => [
      String(v.version), v.author, when(v.created_at), badge(v.status),
      v.reviewed_by ? `${v.reviewed_by}${v.review_note ? `: ${v.review_note}` : ''}` : '–',
      h('span', null, h('a', { href: fileLink(`${versionPath(v)}/document`, { format: 'pdf' }) }, 'PDF'), ' · ',
        h('a', { href: fileLink(`${versionPath(v)}/document`, { format: 'html' }) }, 'HTML')),
      h('span', { class: 'actions' },
        h('button', { type: 'button', class: 'small secondary', onclick: () => startFrom(main, r, v) }, 'New version from this'),
        v.status === 'APPROVED'
          ? h('button', { type: 'button', class: 'small', dataset: { disseminate: String(v.version) }, onclick: () => disseminate(main, r, v, where) }, 'Disseminate')
          : null)])));
  main.append(h('h2', null, 'Disseminations'),
    table(null, ['To', 'Version', 'Sent', 'By', 'Purpose', 'Agreement', 'Status', ''], r.disseminations.map((d) => [
      d.organization, String(d.version), when(d.sent_at), d.sent_by, d.purpose, d.agreement,
      d.revoked ? `revoked by ${d.revoked_by}: ${d.revoke_reason}` : 'active',
      d.revoked ? '' : h('button', { type: 'button', class: 'small secondary', dataset: { revoke: String(d.id) }, onclick: () => revoke(main, r, d, where) }, 'Revoke')]),
    'Not sent to anyone.'));
  try {
    const v = await get(versionPath(latest));
    if (v.content.chart) {
      main.append(h('h2', null, `Chart of version ${latest.version}`), h('p', { class: 'muted' }, v.content.chart.description),
        h('img', { class: 'chart', alt: v.content.chart.description, src: fileLink(`${versionPath(latest)}/chart.png`) }));
    }
  } catch (e) {
    main.append(problem(e, 'show the latest version'));
  }
}

async function startFrom(main, r, v) {
  try {
    const full = await get(`${base()}/${r.id}/versions/${v.version}`);
    replace(main);
    await editor(main, r, full.draft);
  } catch (e) {
    main.append(problem(e, 'open the version'));
  }
}

async function disseminate(main, r, v, where) {
  let organizations;
  try {
    organizations = (await get('/api/partner-organizations', { limit: 500 })).items.map((o) => o.organization);
  } catch (e) {
    replace(where, problem(e, 'list the partner organizations'));
    return;
  }
  if (!organizations.length) {
    replace(where, notice('warn', null, 'No partner organization has an account yet.'));
    return;
  }
  const organization = select(organizations.map((o) => [o, o]), { id: 'dissemination-organization' });
  const agreement = input({ id: 'dissemination-agreement', maxlength: '500', required: true });
  const purpose = await ask({
    title: `Send version ${v.version} of "${r.title}"`,
    text: 'The partner receives a copy redacted for what its accounts may see and watermarked with its name and the dissemination number.',
    label: 'Purpose',
    confirm: 'Disseminate',
    extra: h('div', null, field('Partner organization', organization), field('Sharing agreement', agreement, 'The MOU or agreement this goes under')),
  });
  if (purpose === null) return;
  try {
    const d = await post(`${base()}/${r.id}/versions/${v.version}/disseminations`,
      { organization: organization.value, purpose, agreement: agreement.value.trim() });
    replace(main);
    await report(main, r.id);
    main.querySelector('#report-message').append(notice('ok', null, `Sent to ${d.organization} as dissemination ${d.id} (PDF SHA-256 ${d.pdf_sha256}).`));
  } catch (e) {
    replace(where, problem(e, 'disseminate'));
  }
}

async function revoke(main, r, d, where) {
  const reason = await ask({ title: `Revoke dissemination ${d.id} to ${d.organization}`, text: 'The partner will no longer see it.', confirm: 'Revoke' });
  if (reason === null) return;
  try {
    await post(`/api/cases/${state.caseId}/disseminations/${d.id}/revocation`, { reason });
    replace(main);
    await report(main, r.id);
  } catch (e) {
    replace(where, problem(e, 'revoke'));
  }
}

async function editor(main, r, draft) {
  const d = draft || { title: '', markings: MARKINGS, handling: '', narrative: '', entities: [], chart: null };
  main.append(h('h1', null, r ? `New version of "${r.title}"` : 'Compose a report'),
    h('p', { class: 'muted' }, 'Saving freezes what the report shows now; a supervisor approves that version before it can leave.'));
  let known;
  try {
    known = await subjects(true);
  } catch (e) {
    main.append(problem(e, 'list the case\'s subjects'));
    return;
  }
  if (!known.size) {
    main.append(notice('warn', null, 'The case has no subject yet: add entities to the case from their profiles first.'));
    return;
  }
  const title = input({ id: 'report-title', maxlength: '300', required: true, value: d.title });
  const markings = input({ id: 'report-markings', maxlength: '200', required: true, value: d.markings || MARKINGS });
  const handling = h('textarea', { id: 'report-handling', maxlength: '2000' });
  handling.value = d.handling || '';
  const narrative = h('textarea', { id: 'report-narrative', maxlength: '20000', rows: '8' });
  narrative.value = d.narrative || '';
  const picks = [...known.entries()].map(([id, label]) => h('label', null,
    h('input', { type: 'checkbox', name: 'report-entity', value: String(id), checked: d.entities.includes(id) }), ' ', `${label} #${id}`));
  const options = [...known.entries()].map(([id, label]) => [String(id), `${label} #${id}`]);
  const kind = select([['', 'no chart'], ['NETWORK', 'network around a subject'], ['PATH', 'paths between two subjects']], { id: 'report-chart-kind' });
  const from = select(options, { id: 'report-chart-from' });
  const to = select(options, { id: 'report-chart-to' });
  const hops = select([['1', '1 hop'], ['2', '2 hops'], ['3', '3 hops']], { id: 'report-chart-hops' });
  if (d.chart) {
    kind.value = d.chart.kind;
    from.value = String(d.chart.from);
    if (d.chart.to) to.value = String(d.chart.to);
    if (d.chart.hops) hops.value = String(d.chart.hops);
  }
  const message = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'panel stack', id: 'report-editor' },
    h('div', { class: 'fields' }, field('Title', title), field('Markings', markings, 'The classification and caveat line printed on every page')),
    field('Handling instructions', handling), field('Narrative', narrative, 'Blank lines separate paragraphs'),
    h('fieldset', null, h('legend', null, 'Subjects the report covers'), h('div', { class: 'checks' }, picks)),
    h('fieldset', null, h('legend', null, 'Relationship chart'),
      h('div', { class: 'fields' }, field('Chart', kind), field('From (or centre)', from), field('To (paths)', to), field('Hops (network)', hops))),
    message,
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'report-save' }, r ? 'Save new version' : 'Save version 1')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const entities = [...form.querySelectorAll('input[name="report-entity"]:checked')].map((c) => Number(c.value));
    const chart = kind.value === 'NETWORK' ? { kind: 'NETWORK', from: from.value, hops: Number(hops.value) }
      : kind.value === 'PATH' ? { kind: 'PATH', from: from.value, to: to.value } : null;
    if (chart && !entities.includes(Number(chart.from))) entities.push(Number(chart.from));
    if (chart && chart.to && !entities.includes(Number(chart.to))) entities.push(Number(chart.to));
    const body = { title: title.value, markings: markings.value, handling: handling.value, narrative: narrative.value, entities, chart };
    try {
      const v = r ? await post(`${base()}/${r.id}/versions`, body) : await post(base(), body);
      go(`#/reports/${v.report}`);
    } catch (e) {
      replace(message, problem(e, 'save the report'));
    }
  });
  main.append(form);
}
