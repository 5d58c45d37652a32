// The review queue: pairs of records that may be one person, side by side with their comparison; the analyst decides
// "the same" or "not the same" with a reason, or skips when unsure.
import { h, replace } from '../dom.js';
import { get, post } from '../api.js';
import { FEATURES, field, problem, notice, pct, num, matchKey, recordChip, subjects, entityName } from '../ui.js';
import { explanation } from './entity.js';

export async function render(main) {
  main.append(h('h1', null, 'Review queue'),
    h('p', { class: 'muted' }, 'Pairs of records the engine scored just under a match: they may describe one person. Your decision holds through every later load.'));
  const where = h('div', { 'aria-live': 'polite', id: 'review-status' });
  main.append(where);
  let items;
  let known = new Map();
  try {
    items = (await get('/api/review', { limit: 100 })).items;
    known = await subjects();
  } catch (e) {
    where.append(problem(e, 'read the review queue'));
    return;
  }
  const list = h('ul', { class: 'list-buttons', id: 'review-list', 'aria-label': 'Possible matches' });
  const pane = h('section', { class: 'panel', id: 'review-item', 'aria-live': 'polite' });
  main.append(h('div', { class: 'split' }, h('div', { class: 'panel' }, h('h2', null, `${items.length} waiting`), list), pane));
  let current = 0;
  const skipped = new Set();

  const drawList = () => {
    replace(list, items.map((it, i) => h('li', null, h('button', {
      type: 'button', 'aria-pressed': String(i === current), dataset: { item: String(it.id) }, onclick: () => open(i),
    }, h('span', { class: 'mono small' }, `${it.first}  ~  ${it.second}`), h('br'),
    h('span', { class: 'small muted' }, `${pct(it.probability)}${skipped.has(it.id) ? ' · skipped' : ''}`)))));
  };

  const open = async (i) => {
    current = i;
    drawList();
    if (!items.length) {
      replace(pane, h('p', null, 'Nothing is waiting for review.'));
      return;
    }
    const it = items[i];
    replace(pane, h('h2', null, 'Possibly the same person?'),
      h('p', null, `Probability ${pct(it.probability)} · weight ${num(it.weight, 1)}. `, matchKey(it.match_key)),
      h('div', { class: 'side-by-side' }, side(it.first, it.first_entity, known), side(it.second, it.second_entity, known)),
      comparison(it.match_key),
      h('div', { id: 'review-why' }));
    if (it.first_entity === it.second_entity && known.has(it.first_entity)) {
      try {
        const w = await get(`/api/entities/${it.first_entity}/why`, { a: it.first, b: it.second });
        replace(pane.querySelector('#review-why'), h('h3', null, 'The full comparison'), explanation(w));
      } catch (e) {
        replace(pane.querySelector('#review-why'), problem(e, 'compare the records'));
      }
    }
    pane.append(decisionForm(it, async (same, reason) => {
      await post('/api/review/decisions', { first: it.first, second: it.second, same, reason });
      items.splice(i, 1);
      replace(where, notice('ok', null, `Recorded: ${it.first} and ${it.second} are ${same ? 'the same person' : 'not the same person'}.`));
      await open(Math.min(i, Math.max(0, items.length - 1)));
    }, async () => {
      skipped.add(it.id);
      replace(where, notice('info', null, 'Skipped: the pair stays in the queue for later or for someone else.'));
      await open(items.length ? (i + 1) % items.length : 0);
    }));
  };

  if (items.length) await open(0);
  else {
    drawList();
    replace(pane, h('p', null, 'Nothing is waiting for review.'));
  }
}

function side(record, entity, known) {
  const [source, id] = [record.slice(0, record.indexOf(':')), record.slice(record.indexOf(':') + 1)];
  return h('div', { class: 'panel' },
    h('h3', null, recordChip(record)),
    h('dl', { class: 'facts' },
      h('dt', null, 'Source'), h('dd', null, source),
      h('dt', null, 'Record id'), h('dd', { class: 'mono' }, id),
      h('dt', null, 'Now in'), h('dd', null, entity ? entityName(entity, known.get(entity) || null) : 'no entity (withdrawn)')),
    entity && known.has(entity) ? h('a', { class: 'small', href: `#/entity/${entity}` }, 'Open its entity') : h('p', { class: 'small muted' }, 'Its entity is not a subject of your case.'));
}

/** The match key as a comparison table: which details agreed and which did not. */
function comparison(key) {
  const rows = [];
  const re = /([+-])([A-Z]+)/g;
  let m;
  while ((m = re.exec(key || '')) !== null) {
    rows.push(h('tr', null, h('td', null, FEATURES[m[2]] || m[2]),
      h('td', null, m[1] === '+' ? h('span', { class: 'chip agree' }, 'agree') : h('span', { class: 'chip disagree' }, 'disagree'))));
  }
  if (!rows.length) return h('p', { class: 'muted' }, 'No detail weighed either way.');
  return h('div', { class: 'table-wrap' }, h('table', { id: 'review-comparison' },
    h('caption', null, 'How the two records compare (details with real weight)'),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Detail'), h('th', { scope: 'col' }, 'The two records'))),
    h('tbody', null, rows)));
}

function decisionForm(it, decide, skip) {
  const reason = h('textarea', { id: 'review-reason', maxlength: '2000' });
  const message = h('div', { 'aria-live': 'polite' });
  const choice = (value, text) => h('label', null, h('input', { type: 'radio', name: 'decision', value }), ' ', text);
  const form = h('form', { class: 'stack', id: 'review-form' },
    h('fieldset', null, h('legend', null, 'Your decision'), h('div', { class: 'checks' },
      choice('same', 'The same person'), choice('different', 'Not the same person'), choice('unsure', 'Unsure: skip for now'))),
    field('Reason', reason, 'What you saw that decides it (kept with the decision and in the audit trail).'),
    message,
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'review-submit' }, 'Record decision')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const picked = form.querySelector('input[name="decision"]:checked');
    if (!picked) {
      replace(message, notice('error', null, 'Choose a decision.'));
      return;
    }
    if (picked.value === 'unsure') {
      await skip();
      return;
    }
    if (reason.value.trim().length < 3) {
      replace(message, notice('error', null, 'Give the reason for your decision.'));
      reason.focus();
      return;
    }
    try {
      await decide(picked.value === 'same', reason.value.trim());
    } catch (e) {
      replace(message, problem(e, 'record the decision'));
    }
  });
  return form;
}
