// Retention and legal holds (privacy officer): each source's period, what a run would remove, the run itself with a
// confirmation, the last runs from the audit trail, and the cases' legal holds.
import { h, replace } from '../dom.js';
import { api, get, post, put } from '../api.js';
import { hasRole } from '../state.js';
import { ask, field, input, notice, problem, table, when } from '../ui.js';
import { go } from '../app.js';

/** What the last run did, shown once when the page is drawn again after it. */
let done = null;

export async function render(main) {
  main.append(h('h1', null, 'Retention and legal holds'),
    h('p', { class: 'muted' }, 'A record is removed, with everything derived from it, once it was loaded longer ago than its '
      + 'source\'s retention period. A case under legal hold keeps its subjects\' records. Only an audit entry remains of a run.'));
  const where = h('div', { 'aria-live': 'polite', id: 'retention-message' });
  main.append(where);
  if (done) where.append(done);
  done = null;
  if (hasRole('PRIVACY_OFFICER', 'ADMIN')) await preview(main, where);
  if (hasRole('PRIVACY_OFFICER', 'ADMIN', 'AUDITOR')) await runs(main, where);
  if (hasRole('PRIVACY_OFFICER', 'SUPERVISOR')) await holds(main, where);
}

async function preview(main, where) {
  const asOf = input({ type: 'date', id: 'retention-as-of' });
  const pane = h('section', { class: 'panel', id: 'retention-preview' });
  const show = async () => {
    let plan;
    try {
      plan = await get('/api/retention', { as_of: asOf.value });
    } catch (e) {
      replace(where, problem(e, 'work out what would expire'));
      return;
    }
    const later = plan.as_of > plan.today;
    replace(pane, h('h2', null, `What expires by ${plan.as_of}`),
      table(null, ['Source', 'Retention', 'Records', 'Expired', 'Kept under legal hold', 'Would be removed'],
        plan.sources.map((s) => [h('span', { class: 'mono' }, s.source), s.retention_days === null ? 'kept' : `${s.retention_days} days`,
          String(s.records), String(s.expired), String(s.held), String(s.removable)]), 'No sources.'),
      h('p', null, `${plan.removed + plan.remaining} records would be removed; ${plan.held} are kept under legal hold.`
        + (plan.remaining > 0 ? ` A run removes at most ${plan.removed}: run again for the other ${plan.remaining}.` : '')),
      hasRole('PRIVACY_OFFICER') && !later && plan.removed > 0
        ? h('button', { type: 'button', id: 'retention-run', onclick: () => run(plan, where) }, `Remove ${plan.removed} expired records`)
        : later ? h('p', { class: 'small muted' }, 'A date after today is a preview only: a run removes what has expired by today.') : null);
  };
  const form = h('form', { class: 'stack' }, h('div', { class: 'fields' }, field('As of', asOf, 'Empty for today')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary' }, 'Preview')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    show();
  });
  main.append(h('section', { class: 'panel' }, h('h2', null, 'Preview a run'), form), pane);
  await show();
}

async function run(plan, where) {
  const typed = await ask({
    title: `Remove ${plan.removed} expired records?`,
    text: 'They are removed for good with everything derived from them; their entities are re-formed. This cannot be undone.',
    label: `Type ${plan.removed} to confirm`,
    confirm: 'Remove them',
  });
  if (typed === null) return;
  if (typed !== String(plan.removed)) {
    replace(where, notice('error', null, 'The number typed does not match: nothing was removed.'));
    return;
  }
  try {
    const result = await post('/api/retention/runs', { confirm: true, as_of: plan.as_of });
    done = notice('ok', 'Retention run done', `${result.removed} records removed, ${result.held} kept under legal hold; `
      + `${result.entities_changed} entities re-formed, ${result.entities_retired} retired.`);
    go('#/retention');
  } catch (e) {
    replace(where, problem(e, 'run retention'));
  }
}

async function runs(main, where) {
  try {
    const past = (await get('/api/retention/runs', { limit: 20 })).items;
    main.append(h('section', { class: 'panel', id: 'retention-runs' }, h('h2', null, 'Last runs'),
      table(null, ['When', 'By', 'Outcome', 'What'], past.map((r) => [when(r.at), r.actor, r.outcome.toLowerCase(), r.detail || '']),
        'No runs yet.')));
  } catch (e) {
    where.append(problem(e, 'list the past runs'));
  }
}

async function holds(main, where) {
  try {
    const cases = (await get('/api/legal-holds', { limit: 500 })).items;
    main.append(h('section', { class: 'panel', id: 'legal-holds' }, h('h2', null, 'Legal holds'),
      table(null, ['Case', 'Status', 'Legal hold', ''], cases.map((c) => [h('strong', null, c.name), c.status.toLowerCase(),
        c.legal_hold ? `since ${when(c.held_at)} by ${c.held_by}: ${c.reason}` : 'none',
        holdButton(c, where)]), 'No cases.')));
  } catch (e) {
    where.append(problem(e, 'list the legal holds'));
  }
}

/** Sets or releases a case's legal hold, asking why; shared with the cases page. */
export function holdButton(c, where, after = '#/retention') {
  const held = c.legal_hold;
  const id = c.case ?? c.id;
  return h('button', { type: 'button', class: 'small secondary', onclick: async () => {
    const reason = await ask({
      title: held ? `Release the legal hold on ${c.name}?` : `Put ${c.name} under legal hold?`,
      text: held ? 'The next retention run may remove the records the hold kept.'
        : 'Retention will keep the case\'s subjects and every record of their entities until the hold is released.',
      confirm: held ? 'Release' : 'Hold',
    });
    if (reason === null) return;
    try {
      if (held) await api('DELETE', `/api/cases/${id}/legal-hold`, { query: { reason } });
      else await put(`/api/cases/${id}/legal-hold`, { reason });
      go(after);
    } catch (e) {
      replace(where, problem(e, held ? 'release the hold' : 'set the hold'));
    }
  } }, held ? 'Release hold' : 'Legal hold');
}
