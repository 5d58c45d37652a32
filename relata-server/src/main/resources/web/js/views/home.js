// For a role with no screen of its own here (a partner agency's account): what it can expect.
import { h } from '../dom.js';
import { state } from '../state.js';

export async function render(main) {
  main.append(h('h1', null, `Welcome, ${state.user.display_name || state.user.username}`),
    h('section', { class: 'panel' },
      h('p', null, `Your role (${state.user.roles.join(', ').toLowerCase().replace(/_/g, ' ')}) opens no screen of this application.`),
      state.user.organization
        ? h('p', null, `Reports shared with ${state.user.organization} on a need-to-know basis will be available to you; the raw data is never shared.`)
        : null,
      h('p', { class: 'muted' }, 'Ask an administrator if you need other access.')));
}
