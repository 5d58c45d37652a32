import { h, replace } from '../dom.js';
import { post } from '../api.js';
import { field, input, problem, notice } from '../ui.js';
import { signedIn } from '../app.js';

export async function render(main) {
  const username = input({ name: 'username', autocomplete: 'username', required: true, id: 'username' });
  const password = input({ type: 'password', name: 'password', autocomplete: 'current-password', required: true, id: 'password' });
  const message = h('div', { 'aria-live': 'polite' });
  const ended = sessionStorage.getItem('relata.signedOut');
  if (ended) {
    sessionStorage.removeItem('relata.signedOut');
    message.append(notice('info', null, ended));
  }
  const form = h('form', { class: 'stack', id: 'signin-form' },
    field('User name', username),
    field('Password', password),
    message,
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'signin-submit' }, 'Sign in')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    replace(message);
    try {
      const me = await post('/api/session', { username: username.value.trim(), password: password.value });
      password.value = '';
      signedIn(me);
    } catch (e) {
      password.value = '';
      replace(message, problem(e, 'sign in'));
      password.focus();
    }
  });
  main.append(h('section', { class: 'signin panel' },
    h('h1', null, 'Sign in to Relata'),
    h('p', { class: 'muted' }, 'Every look-up you make is recorded with your case and purpose.'),
    form));
  username.focus();
}
