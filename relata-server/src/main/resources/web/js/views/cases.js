// Cases: the ones you work in, the current case's subjects, its watch list and its members.
import { h, replace } from '../dom.js';
import { get, post } from '../api.js';
import { state, hasRole, needsCase } from '../state.js';
import { field, input, select, problem, notice, table, when, subjects, entityName } from '../ui.js';
import { go } from '../app.js';
import { holdButton } from './retention.js';

export async function render(main) {
  main.append(h('h1', null, 'Cases and watch lists'));
  const where = h('div', { 'aria-live': 'polite', id: 'cases-message' });
  main.append(where);
  let cases = [];
  try {
    cases = (await get('/api/cases', { limit: 500 })).items;
  } catch (e) {
    where.append(problem(e, 'list the cases'));
    return;
  }
  main.append(h('section', { class: 'panel' }, h('h2', null, hasRole('ADMIN') ? 'All cases' : 'Your cases'),
    table(null, ['Case', 'Description', 'Status', 'Opened', ''], cases.map((c) => ({
      class: c.id === state.caseId ? 'selected' : '',
      cells: [h('strong', null, c.name), c.description || '', c.status.toLowerCase() + (c.legal_hold ? ' · legal hold' : ''),
        `${when(c.created_at)} by ${c.created_by}`,
        h('span', { class: 'actions' }, c.id === state.caseId ? h('span', { class: 'badge subject' }, 'current') : needsCase() ? h('a', { href: '#/context' }, 'Work in it') : '',
          hasRole('SUPERVISOR') ? holdButton(c, where, '#/cases') : '')],
    })), 'No cases.')));
  if (hasRole('SUPERVISOR', 'ADMIN') && cases.length) main.append(memberForm(cases, where));
  if (!state.caseId || !needsCase()) return;

  const watchesPane = h('section', { class: 'panel', id: 'watches' }, h('h2', null, `Watch list of ${state.caseName}`));
  const subjectsPane = h('section', { class: 'panel', id: 'subjects' }, h('h2', null, `Subjects of ${state.caseName}`));
  main.append(h('div', { class: 'side-by-side' }, subjectsPane, watchesPane));
  try {
    const known = await subjects(true);
    subjectsPane.append(h('p', { class: 'small muted' }, 'The entities the case works on: only these can be opened, explored and watched by its members.'),
      table(null, ['Entity', ''], [...known.entries()].map(([id, label]) => [entityName(id, label),
        h('span', { class: 'actions' }, h('a', { href: `#/entity/${id}` }, 'Profile'), ' ', h('a', { href: `#/graph/${id}` }, 'Graph'))]), 'No subjects yet: add them from Search or a lead.'));
    const watches = (await get(`/api/cases/${state.caseId}/watches`, { limit: 500 })).items;
    watchesPane.append(table(null, ['Entity', 'Hops', 'Note', 'Since'], watches.map((w) => [
      h('span', null, entityName(w.entity, w.label), w.active ? '' : ' (inactive)'), String(w.hops), w.note || '', `${when(w.created_at)} by ${w.created_by}`]),
      'Nothing watched yet.'));
    watchesPane.append(watchForm(known, where));
  } catch (e) {
    where.append(problem(e, 'read the case'));
  }
}

function watchForm(known, where) {
  const entity = select([...known.entries()].map(([id, label]) => [String(id), `${label} (#${id})`]), { id: 'watch-entity' });
  const hops = select([['0', '0: the entity itself'], ['1', '1 hop'], ['2', '2 hops'], ['3', '3 hops']], { id: 'watch-hops' });
  hops.value = '1';
  const note = input({ id: 'watch-note', maxlength: '1000' });
  const form = h('form', { class: 'stack' }, h('h3', null, 'Watch a subject'),
    h('div', { class: 'fields' }, field('Entity', entity), field('Within', hops), field('Note', note)),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary' }, 'Watch')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await post(`/api/cases/${state.caseId}/watches`, { entity: entity.value, hops: Number(hops.value), note: note.value.trim() || null });
      go('#/cases');
    } catch (e) {
      replace(where, problem(e, 'add the watch'));
    }
  });
  return form;
}

function memberForm(cases, where) {
  const which = select(cases.map((c) => [String(c.id), c.name]), { id: 'member-case' });
  const username = input({ id: 'member-username', maxlength: '64' });
  const role = select([['MEMBER', 'member'], ['OWNER', 'owner']], { id: 'member-role' });
  const form = h('form', { class: 'stack' },
    h('div', { class: 'fields' }, field('Case', which), field('User name', username), field('Role in the case', role)),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary' }, 'Add member')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await post(`/api/cases/${which.value}/members`, { username: username.value.trim(), role: role.value });
      replace(where, notice('ok', null, `${username.value.trim()} is now a ${role.value.toLowerCase()} of the case.`));
    } catch (e) {
      replace(where, problem(e, 'add the member'));
    }
  });
  return h('details', { class: 'panel' }, h('summary', null, 'Add a member to a case'), form);
}
