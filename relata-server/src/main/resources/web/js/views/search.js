// Search by name, birth date, phone, e-mail, identifier or address: ranked hits, each with why it matched.
import { h, replace } from '../dom.js';
import { get } from '../api.js';
import { state } from '../state.js';
import { field, input, problem, table, pct, matchKey, recordChip, subjects, entityAction, entityName } from '../ui.js';

const FIELDS = [
  ['name', 'Name', 'Any order; spelling variants and nicknames count'],
  ['dob', 'Birth date', 'Any common form, e.g. 1980-05-03'],
  ['phone', 'Phone', null],
  ['email', 'E-mail', null],
  ['identifier', 'Identifier', 'TYPE:VALUE, e.g. PASSPORT:X1234567'],
  ['address', 'Address', 'One line'],
];

// The last search, so that coming back from a profile shows it again without asking (and auditing) it twice.
let last = { query: {}, hits: null, caseId: null };

export async function render(main) {
  if (last.caseId !== state.caseId) last = { query: {}, hits: null, caseId: state.caseId };
  main.append(h('h1', null, 'Search'));
  const inputs = {};
  const form = h('form', { class: 'panel stack', id: 'search-form', role: 'search' },
    h('div', { class: 'fields' }, FIELDS.map(([name, label, hint]) => {
      inputs[name] = input({ id: `search-${name}`, name, value: last.query[name] || '', autocomplete: 'off' });
      return field(label, inputs[name], hint);
    })),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', id: 'search-submit' }, 'Search'),
      h('button', { type: 'reset', class: 'secondary' }, 'Clear')));
  const results = h('section', { id: 'search-results', 'aria-live': 'polite', 'aria-label': 'Results' });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const query = {};
    for (const [name] of FIELDS) if (inputs[name].value.trim()) query[name] = inputs[name].value.trim();
    if (!Object.keys(query).length) {
      replace(results, problem(new Error('Fill in at least one field.'), 'search'));
      return;
    }
    replace(results, h('p', { role: 'status' }, 'Searching…'));
    try {
      const answer = await get('/api/search', { ...query, limit: 25 });
      last = { query, hits: answer.items, caseId: state.caseId };
      await show(results, answer.items);
    } catch (e) {
      replace(results, problem(e, 'search'));
    }
  });
  form.addEventListener('reset', () => {
    last = { query: {}, hits: null, caseId: state.caseId };
    replace(results);
  });
  main.append(form, results);
  if (last.hits) await show(results, last.hits);
  else inputs.name.focus();
}

async function show(results, hits) {
  const where = h('div', { 'aria-live': 'polite' });
  let known = new Map();
  try {
    known = await subjects();
  } catch (e) {
    where.append(problem(e, 'read the case\'s subjects'));
  }
  replace(results,
    h('h2', null, `${hits.length} ${hits.length === 1 ? 'entity' : 'entities'} found`),
    h('p', { class: 'muted small' },
      'Ranked by how well a record of each entity fits what you asked. A hit is a possible match for you to judge: the chips say which details agreed and which did not.'),
    where,
    table(null, ['#', 'Entity', 'Record that fits best', { label: 'Fit', class: 'num' }, 'Why it matched', ''],
      hits.map((hit, i) => ({
        class: 'hit',
        cells: [
          String(i + 1),
          h('span', null, entityName(hit.entity, hit.label), known.has(hit.entity) ? [' ', h('span', { class: 'badge subject' }, 'in case')] : null),
          recordChip(hit.record),
          h('span', { title: `weight ${hit.weight.toFixed(1)}` }, pct(hit.probability), hit.match ? h('div', { class: 'small muted' }, 'match') : null),
          matchKey(hit.match_key),
          entityAction(hit.entity, hit.label, known, where),
        ],
      })), 'Nothing matched. Try fewer details or another spelling.'));
}
