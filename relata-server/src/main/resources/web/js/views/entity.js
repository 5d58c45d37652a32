// An entity's profile: every value with the records that give it, conflicting values side by side, each record with
// its source and load date, data-quality flags, a timeline of the records' events, the entity's history, and why two
// of its records are one entity.
import { h, replace } from '../dom.js';
import { get, post } from '../api.js';
import { state, hasRole } from '../state.js';
import { field, select, problem, notice, table, when, pct, num, matchKey, recordChip, ask, input } from '../ui.js';

const FIELD_ORDER = ['given name', 'surname', 'organization name', 'dob', 'gender', 'nationality', 'phone', 'email', 'address'];
const FIELD_LABEL = { dob: 'birth date', email: 'e-mail' };

export async function render(main, arg) {
  const id = Number(arg);
  if (!Number.isInteger(id) || id < 1) {
    main.append(notice('error', 'No such entity', 'An entity is named by a positive number.'));
    return;
  }
  let p;
  try {
    p = await get(`/api/entities/${id}`);
  } catch (e) {
    main.append(h('h1', null, `Entity ${id}`), problem(e, 'open this entity'));
    if (e.status === 404) {
      main.append(h('p', null, 'Only the subjects of your case can be opened. Find the entity with ',
        h('a', { href: '#/search' }, 'Search'), ' and add it to the case with a reason.'));
    }
    return;
  }
  const name = displayName(p);
  const where = h('div', { 'aria-live': 'polite' });
  main.append(
    h('h1', null, name, ' ', h('span', { class: 'muted small' }, `entity #${p.entity}`)),
    h('p', { class: 'muted' }, `${p.record_count} record${p.record_count === 1 ? '' : 's'} from `,
      `${new Set(p.records.map((r) => r.record.split(':')[0])).size} source systems; first seen ${when(p.created_at)}, last changed ${when(p.updated_at)}.`,
      p.retired_at ? ` Retired ${when(p.retired_at)}.` : ''),
    h('div', { class: 'actions' },
      hasRole('ANALYST', 'SUPERVISOR') ? h('a', { class: 'button', href: `#/graph/${p.entity}`, id: 'open-graph' }, 'Relationship graph') : null,
      hasRole('ANALYST', 'SUPERVISOR') ? h('button', { type: 'button', class: 'secondary', onclick: () => watch(p.entity, name, where) }, 'Watch this entity…') : null),
    where);
  main.append(valuesSection(p), correctionsSection(p), qualitySection(p), recordsSection(p), timelineSection(p), whySection(p), historySection(p));
}

function displayName(p) {
  const v = p.values || {};
  const first = (f) => (v[f] && v[f].length ? v[f][0].value : '');
  const org = first('organization name');
  if (org) return titleCase(org);
  const n = `${first('given name')} ${first('surname')}`.trim();
  return n ? titleCase(n) : `Entity ${p.entity}`;
}

function titleCase(s) {
  return s.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

function fields(p) {
  const names = Object.keys(p.values || {});
  const rank = (f) => {
    const i = FIELD_ORDER.indexOf(f);
    return i < 0 ? FIELD_ORDER.length + (f.startsWith('identifier') ? 0 : 1) : i;
  };
  return names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function label(f) {
  return FIELD_LABEL[f] || f;
}

function valuesSection(p) {
  const conflicting = new Set(p.conflicting || []);
  const rows = [];
  for (const f of fields(p)) {
    const values = p.values[f];
    if (conflicting.has(f)) {
      rows.push({
        class: 'conflict-row',
        cells: [h('span', null, label(f), ' ', h('span', { class: 'badge conflict' }, 'values differ')),
          h('div', { class: 'conflict-values' }, values.map((v) => h('div', null,
            h('div', null, h('strong', null, v.value)),
            h('div', { class: 'chips' }, v.records.map(recordChip)))))],
      });
    } else {
      rows.push([label(f), h('div', null, h('strong', null, values[0].value), ' ',
        h('span', { class: 'chips' }, values[0].records.map(recordChip)))]);
    }
  }
  return h('section', { class: 'panel', id: 'values' },
    h('h2', null, 'Values and the records that give them'),
    conflicting.size
      ? h('p', { class: 'small' }, `Where the sources disagree (${[...conflicting].map(label).join(', ')}) the values are shown side by side, each with its records. Relata does not decide which one is right.`)
      : h('p', { class: 'small muted' }, 'The sources agree on every value.'),
    table(null, ['Detail', 'Value and sources'], rows));
}

function describe(content) {
  const out = [];
  const names = (content.names || []).map((n) => n.full || [n.given, n.middle, n.surname].filter(Boolean).join(' '));
  if (names.length) out.push(['Name', names.join('; ')]);
  if (content.dob) out.push(['Birth date', content.dob]);
  if (content.gender) out.push(['Gender', content.gender]);
  if (content.nationalities && content.nationalities.length) out.push(['Nationality', content.nationalities.join(', ')]);
  if (content.phones && content.phones.length) out.push(['Phone', content.phones.join('; ')]);
  if (content.emails && content.emails.length) out.push(['E-mail', content.emails.join('; ')]);
  for (const a of content.addresses || []) {
    out.push(['Address', a.full || [a.line1, a.line2, a.city, a.region, a.postcode, a.country].filter(Boolean).join(', ')]);
  }
  for (const i of content.identifiers || []) out.push([`Identifier`, `${i.type} ${i.value}${i.country ? ` (${i.country})` : ''}`]);
  for (const r of content.relationships || []) out.push(['Discloses', `${r.type}${r.role ? ` (${r.role})` : ''} → ${r.source}:${r.id}`]);
  for (const e of content.events || []) out.push(['Event', [e.type, e.date, e.place, e.ref].filter(Boolean).join(' · ')]);
  return out;
}

function recordsSection(p) {
  return h('section', { class: 'panel', id: 'records' },
    h('h2', null, 'Records, each with its source'),
    h('div', { class: 'side-by-side' }, p.records.map((r) => {
      const [source] = r.record.split(':');
      return h('article', { class: 'panel record' },
        h('h3', null, recordChip(r.record), ' ', h('span', { class: 'muted small' }, `from ${r.source || source}`)),
        h('p', { class: 'small muted' }, `Source ${r.source || source}; loaded ${r.loaded_at ? when(r.loaded_at) : 'at an unknown time'}.`),
        h('dl', { class: 'facts' }, describe(r.content).map(([k, v]) => [h('dt', null, k), h('dd', null, v)])),
        h('details', null, h('summary', { class: 'small' }, 'As received'), h('pre', { class: 'json' }, JSON.stringify(r.content, null, 2))));
    })));
}

function correctionsSection(p) {
  const corrections = p.corrections || [];
  if (!corrections.length) return document.createDocumentFragment();
  return h('section', { class: 'panel', id: 'corrections' },
    h('h2', null, 'Corrections'),
    h('p', { class: 'small' }, 'Accepted corrections an individual asked for. The source\'s record is unchanged: its value is shown beside the corrected one.'),
    table('Accepted corrections, with their provenance', ['Record', 'Field', 'The source gives', 'Corrected to', 'Provenance'],
      corrections.map((c) => [recordChip(c.record), c.field, c.source_value === null ? '(nothing)' : c.source_value,
        h('strong', null, c.corrected_value),
        `correction #${c.correction}, decided by ${c.decided_by} ${when(c.decided_at)}: ${c.reason}${c.note ? ` (${c.note})` : ''}`])));
}

function timelineSection(p) {
  const events = p.timeline || [];
  return h('section', { class: 'panel', id: 'timeline' },
    h('h2', null, 'Timeline'),
    h('p', { class: 'small muted' }, 'Entries, exits, applications and encounters the records tell of, by date. Dates are as the sources give them; those that do not read as a date come last.'),
    table(`Events of entity #${p.entity} by date`, ['Date', 'Type', 'Place', 'Reference', 'Record'],
      events.map((e) => [e.date || '–', e.type ? e.type.replace(/_/g, ' ').toLowerCase() : '–', e.place || '–',
        e.ref || '–', recordChip(e.record)]),
      'The records tell of no events.'));
}

function qualitySection(p) {
  const quality = p.quality || [];
  return h('section', { class: 'panel', id: 'quality' },
    h('h2', null, 'Data-quality flags'),
    quality.length
      ? h('p', { class: 'small' }, 'What could not be read or looks implausible in each record, and where a record disagrees with the others. A flag is a reason to check the source, not a verdict.')
      : null,
    table(quality.length ? 'Data-quality flags by record' : null, ['Record', 'Flags'],
      quality.map((q) => [recordChip(q.record), h('ul', { class: 'flags' }, q.flags.map((f) => h('li', null, plainFlag(f))))]),
      'No data-quality flags: every value could be read and the records agree.'));
}

// "dob: implausible date …" → "Birth date: implausible date …"
const FLAG_FIELD = { dob: 'birth date', nationalities: 'nationality', phones: 'phone', emails: 'e-mail', identifiers: 'identifier' };
function plainFlag(flag) {
  const i = flag.indexOf(': ');
  if (i < 0) return flag;
  const f = flag.slice(0, i);
  const name = FLAG_FIELD[f] || label(f);
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}: ${flag.slice(i + 2)}`;
}

function historySection(p) {
  return h('section', { class: 'panel', id: 'history' },
    h('h2', null, 'History: how the entity formed, merged and split'),
    table(null, ['When', 'What', 'Record', 'Other entity', 'Match key'],
      (p.history || []).map((e) => [when(e.at), e.kind.replace(/_/g, ' ').toLowerCase(), e.trigger ? recordChip(e.trigger) : '–',
        e.other_entity ? `#${e.other_entity}` : '–', e.match_key ? matchKey(e.match_key) : '–']),
      'No history recorded.'));
}

function whySection(p) {
  const section = h('section', { class: 'panel', id: 'why' }, h('h2', null, 'Why are two of its records one entity?'));
  if (p.records.length < 2) {
    section.append(h('p', { class: 'muted' }, 'The entity has one record: there is nothing to compare.'));
    return section;
  }
  const options = p.records.map((r) => [r.record, r.record]);
  const a = select(options, { id: 'why-a' });
  const b = select(options, { id: 'why-b' });
  b.selectedIndex = 1;
  const out = h('div', { 'aria-live': 'polite', id: 'why-result' });
  const form = h('form', { class: 'stack' },
    h('div', { class: 'fields' }, field('First record', a), field('Second record', b)),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary', id: 'why-submit' }, 'Compare')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (a.value === b.value) {
      replace(out, notice('error', null, 'Choose two different records.'));
      return;
    }
    try {
      const w = await get(`/api/entities/${p.entity}/why`, { a: a.value, b: b.value });
      replace(out, explanation(w));
    } catch (e) {
      replace(out, problem(e, 'compare the records'));
    }
  });
  section.append(form, out);
  return section;
}

/** A comparison of two records: the outcome, and each feature's level and weight. */
export function explanation(w) {
  return h('div', null,
    h('p', null, h('strong', null, w.outcome.replace(/_/g, ' ').toLowerCase()), ` · probability ${pct(w.probability)} · total weight ${num(w.weight, 1)} · `, matchKey(w.match_key)),
    table(null, ['Detail', 'Comparison', { label: 'Weight', class: 'num' }, ''],
      w.features.map((f) => [f.feature.replace(/_/g, ' ').toLowerCase(), f.level.replace(/_/g, ' ').toLowerCase(),
        f.weight === 0 ? '0' : `${f.weight > 0 ? '+' : ''}${num(f.weight, 2)}`,
        f.conflict ? h('span', { class: 'badge conflict' }, 'conflict') : ''])));
}

async function watch(entity, name, where) {
  const hops = input({ type: 'number', min: '0', max: '3', value: '1', id: 'watch-hops' });
  const note = await ask({
    title: `Watch ${name} for case ${state.caseName}`,
    text: 'An alert is raised when new data resolves into this entity, or brings a relation to it within the hops you choose.',
    label: 'Note (why the case watches it)',
    confirm: 'Watch',
    extra: field('Hops (0-3)', hops),
  });
  if (!note) return;
  try {
    await post(`/api/cases/${state.caseId}/watches`, { entity: String(entity), hops: Number(hops.value), note });
    replace(where, notice('ok', null, `Case ${state.caseName} now watches ${name} within ${hops.value} hop(s).`));
  } catch (e) {
    replace(where, problem(e, 'add the watch'));
  }
}
