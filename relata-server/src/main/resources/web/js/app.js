// The application shell: who is signed in, for which case and purpose, the screens the user's roles allow, and a
// hash router (#/search, #/entity/12, ...). Each screen is a module with render(main, arg).
import { h, replace } from './dom.js';
import { api, get, whenSignedOut } from './api.js';
import { state, load, save, forget, hasRole, worksOnPersonalData, needsCase } from './state.js';
import { notice } from './ui.js';

const screens = {
  signin: { title: 'Sign in', load: () => import('./views/signin.js'), open: true },
  context: { title: 'Case and purpose', load: () => import('./views/context.js') },
  home: { title: 'Welcome', load: () => import('./views/home.js') },
  search: { title: 'Search', load: () => import('./views/search.js'), roles: ['ANALYST', 'SUPERVISOR', 'PRIVACY_OFFICER'], personal: true },
  entity: { title: 'Entity profile', load: () => import('./views/entity.js'), roles: ['ANALYST', 'SUPERVISOR', 'PRIVACY_OFFICER'], personal: true },
  graph: { title: 'Relationship graph', load: () => import('./views/graph.js'), roles: ['ANALYST', 'SUPERVISOR'], personal: true },
  review: { title: 'Review queue', load: () => import('./views/review.js'), roles: ['ANALYST', 'SUPERVISOR'], personal: true },
  leads: { title: 'Leads', load: () => import('./views/leads.js'), roles: ['ANALYST', 'SUPERVISOR'], personal: true },
  alerts: { title: 'Alerts', load: () => import('./views/alerts.js'), roles: ['ANALYST', 'SUPERVISOR'], personal: true },
  cases: { title: 'Cases and watch lists', load: () => import('./views/cases.js'), roles: ['ANALYST', 'SUPERVISOR', 'ADMIN'] },
  users: { title: 'Users', load: () => import('./views/users.js'), roles: ['ADMIN'] },
  sources: { title: 'Sources', load: () => import('./views/sources.js'), roles: ['ADMIN', 'AUDITOR'] },
  audit: { title: 'Audit', load: () => import('./views/audit.js'), roles: ['AUDITOR'] },
  reports: { title: 'Reports', load: () => import('./views/reports.js'), roles: ['ANALYST', 'SUPERVISOR'], personal: true },
  approvals: { title: 'Approvals', load: () => import('./views/approvals.js'), roles: ['SUPERVISOR'], personal: true },
  disclosures: { title: 'Accounting of disclosures', load: () => import('./views/disclosures.js'), roles: ['SUPERVISOR', 'PRIVACY_OFFICER'], personal: true },
  inbox: { title: 'Reports received', load: () => import('./views/inbox.js'), roles: ['PARTNER'] },
  retention: { title: 'Retention and legal holds', load: () => import('./views/retention.js'), roles: ['PRIVACY_OFFICER', 'ADMIN', 'AUDITOR', 'SUPERVISOR'] },
  'access-requests': { title: 'Access requests', load: () => import('./views/access-requests.js'), roles: ['PRIVACY_OFFICER'], personal: true },
  corrections: { title: 'Corrections', load: () => import('./views/corrections.js'), roles: ['PRIVACY_OFFICER'], personal: true },
};

const NAV = [
  ['search', 'Search'], ['review', 'Review queue'], ['leads', 'Leads'], ['alerts', 'Alerts'], ['cases', 'Cases & watches'],
  ['users', 'Users'], ['sources', 'Sources'], ['audit', 'Audit'], ['retention', 'Retention'],
  ['reports', 'Reports'], ['approvals', 'Approvals'], ['disclosures', 'Disclosures'], ['inbox', 'Reports received'],
  ['users', 'Users'], ['sources', 'Sources'], ['audit', 'Audit'],
  ['access-requests', 'Access requests'], ['corrections', 'Corrections'],
];

const main = document.getElementById('main');

function allowed(name) {
  const s = screens[name];
  return s && (!s.roles || hasRole(...s.roles));
}

export function home() {
  if (!state.user) return 'signin';
  if (worksOnPersonalData()) return 'search';
  if (hasRole('ADMIN')) return 'users';
  if (hasRole('AUDITOR')) return 'audit';
  if (hasRole('PARTNER')) return 'inbox';
  return 'home';
}

export function go(hash) {
  if (window.location.hash === hash) route();
  else window.location.hash = hash;
}

function parse() {
  const hash = window.location.hash.replace(/^#\/?/, '');
  const [name, ...rest] = hash.split('/');
  return { name: name || '', arg: rest.length ? decodeURIComponent(rest.join('/')) : undefined };
}

let rendering = 0;

async function route() {
  const ticket = ++rendering;
  let { name, arg } = parse();
  if (!state.user) name = 'signin';
  else if (!name || name === 'signin') name = home();
  else if (!allowed(name) || (name === 'context' && !worksOnPersonalData())) name = home();
  if (state.user && screens[name].personal && (!state.purpose || (needsCase() && !state.caseId))) {
    name = 'context';
    arg = undefined;
  }
  renderChrome(name);
  const screen = screens[name];
  document.title = `${screen.title} · Relata`;
  replace(main, h('p', { class: 'loading', role: 'status' }, 'Loading…'));
  try {
    const module = await screen.load();
    if (ticket !== rendering) return;
    replace(main);
    await module.render(main, arg);
  } catch (e) {
    if (ticket !== rendering) return;
    replace(main, notice('error', 'This screen could not be shown', String(e && e.message ? e.message : e)));
  }
  if (ticket === rendering) {
    const heading = main.querySelector('h1');
    if (heading && document.activeElement === document.body) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    }
  }
}

function renderChrome(current) {
  const context = document.getElementById('context');
  const account = document.getElementById('account');
  const nav = document.getElementById('nav');
  const notices = document.getElementById('notices');
  if (!state.user) {
    replace(context);
    replace(account);
    replace(notices);
    nav.hidden = true;
    return;
  }
  replace(context,
    worksOnPersonalData() ? [
      h('span', null, h('span', { class: 'label' }, 'Case: '), h('strong', { id: 'current-case' }, state.caseName || 'none')),
      h('span', null, h('span', { class: 'label' }, 'Purpose: '), h('strong', { id: 'current-purpose' }, state.purpose || 'not declared')),
      h('a', { href: '#/context' }, 'Change'),
    ] : null);
  replace(account,
    h('span', null, state.user.display_name || state.user.username, ' ',
      h('span', { class: 'label' }, `(${state.user.roles.join(', ').toLowerCase().replace(/_/g, ' ')})`)),
    h('button', { type: 'button', class: 'linklike', id: 'sign-out', onclick: signOut }, 'Sign out'));
  nav.hidden = false;
  replace(nav, h('ul', null, NAV.filter(([name]) => allowed(name)).map(([name, label]) => h('li', null,
    h('a', { href: `#/${name}`, 'aria-current': name === current || (current === 'entity' || current === 'graph') && name === 'search' ? 'page' : undefined }, label)))));
  replace(notices, trainingNotice());
}

function trainingNotice() {
  const u = state.user;
  // only roles whose work is personal data need it (an administrator or an auditor sees none)
  if (!u || u.training_valid || !worksOnPersonalData()) return null;
  return notice('warn', 'Your privacy training has lapsed',
    u.training_valid_until
      ? `It was valid until ${u.training_valid_until}. `
      : 'No privacy training is on record for you. ',
    'Personal data stays closed to you until an administrator records your renewed training.');
}

async function signOut() {
  try {
    await api('DELETE', '/api/session');
  } catch (e) {
    // the session may be gone already; signing out here is what counts
  }
  forget();
  go('#/signin');
}

/** After a successful sign-in: keep who it is and the CSRF token, then go to the case and purpose. */
export function signedIn(me) {
  const { csrf_token: csrf, expires_at: expires, ...user } = me;
  state.user = user;
  state.csrf = csrf;
  state.caseId = null;
  state.caseName = null;
  state.purpose = null;
  save();
  go(worksOnPersonalData() ? '#/context' : `#/${home()}`);
  return expires;
}

export function refreshChrome() {
  renderChrome(parse().name);
}

whenSignedOut(() => {
  if (!state.user) return;
  forget();
  sessionStorage.setItem('relata.signedOut', 'Your session has ended. Please sign in again.');
  go('#/signin');
});

async function boot() {
  load();
  if (state.csrf) {
    try {
      state.user = await get('/api/me');
    } catch (e) {
      forget();
    }
  }
  window.addEventListener('hashchange', route);
  await route();
}


boot();
