// Administration: users, their roles and privacy training.
import { h, replace } from '../dom.js';
import { get, post, put } from '../api.js';
import { field, input, problem, notice, table } from '../ui.js';
import { go } from '../app.js';

const ROLES = ['ANALYST', 'SUPERVISOR', 'PRIVACY_OFFICER', 'AUDITOR', 'ADMIN', 'PARTNER'];

export async function render(main) {
  main.append(h('h1', null, 'Users'));
  const where = h('div', { 'aria-live': 'polite', id: 'users-message' });
  main.append(where);
  let users;
  try {
    users = (await get('/api/users', { limit: 500 })).items;
  } catch (e) {
    where.append(problem(e, 'list the users'));
    return;
  }
  const editor = h('section', { class: 'panel', id: 'user-editor', 'aria-live': 'polite' });
  main.append(h('section', { class: 'panel' }, table(`${users.length} users`, ['User', 'Roles', 'Privacy training', 'Organization', ''],
    users.map((u) => [h('span', null, h('strong', null, u.username), h('br'), h('span', { class: 'small muted' }, u.display_name || '')),
      u.roles.map((r) => r.toLowerCase().replace(/_/g, ' ')).join(', '),
      u.training_valid ? `valid until ${u.training_valid_until}` : h('span', { class: 'badge conflict' }, u.training_valid_until ? `lapsed ${u.training_valid_until}` : 'none on record'),
      (u.organization || '') + (u.disabled ? ' (disabled)' : ''),
      u.disabled ? '' : h('button', { type: 'button', class: 'small secondary', dataset: { user: u.username }, onclick: () => edit(editor, where, u) }, 'Edit')]))),
  editor, createForm(where));
}

function roleBoxes(name, chosen) {
  return h('fieldset', null, h('legend', null, 'Roles'), h('div', { class: 'checks' }, ROLES.map((r) => h('label', null,
    h('input', { type: 'checkbox', name, value: r, checked: chosen.includes(r) }), ' ', r.toLowerCase().replace(/_/g, ' ')))));
}

function picked(form, name) {
  return [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);
}

function edit(editor, where, u) {
  const training = input({ type: 'date', id: 'user-training' });
  const disable = h('input', { type: 'checkbox', id: 'user-disable' });
  const form = h('form', { class: 'stack', id: 'user-form' },
    h('h2', null, `Edit ${u.username}`),
    roleBoxes('edit-roles', u.roles),
    h('div', { class: 'fields' }, field('Privacy training completed on', training, 'Counts for a year; leave empty to keep the current date.')),
    h('label', null, disable, ' Disable the account (sign-ins stop, sessions and tokens end)'),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save'), h('button', { type: 'button', class: 'secondary', onclick: () => replace(editor) }, 'Cancel')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = { roles: picked(form, 'edit-roles') };
    if (training.value) body.training_completed = training.value;
    if (disable.checked) body.disabled = true;
    try {
      await put(`/api/users/${encodeURIComponent(u.username)}`, body);
      go('#/users');
    } catch (e) {
      replace(where, problem(e, 'change the user'));
    }
  });
  replace(editor, form);
  training.focus();
}

function createForm(where) {
  const username = input({ id: 'new-username', maxlength: '64', autocomplete: 'off' });
  const display = input({ id: 'new-display', maxlength: '200' });
  const organization = input({ id: 'new-organization', maxlength: '200' });
  const password = input({ type: 'password', id: 'new-password', autocomplete: 'new-password' });
  const form = h('form', { class: 'stack' },
    h('div', { class: 'fields' }, field('User name', username, '2-64 of a-z, 0-9, ".", "_", "-"'), field('Display name', display),
      field('Organization', organization, 'For a partner agency'), field('First password', password, 'At least 12 characters; tell it to the user in person.')),
    roleBoxes('new-roles', []),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary' }, 'Create the user')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await post('/api/users', { username: username.value.trim(), display_name: display.value.trim() || null,
        organization: organization.value.trim() || null, roles: picked(form, 'new-roles'), password: password.value });
      password.value = '';
      go('#/users');
      replace(where, notice('ok', null, 'User created.'));
    } catch (e) {
      password.value = '';
      replace(where, problem(e, 'create the user'));
    }
  });
  return h('details', { class: 'panel' }, h('summary', null, 'Create a user'), form);
}
