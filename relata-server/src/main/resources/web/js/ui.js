// Pieces every screen uses: notices, fields, tables, the reason dialog, match keys, case subjects.
import { h, replace, uid } from './dom.js';
import { get, post } from './api.js';
import { state } from './state.js';

export const FEATURES = {
  NAME: 'given name', SURNAME: 'surname', SUFFIX: 'name suffix', ORGNAME: 'organization name', DOB: 'birth date',
  GENDER: 'gender', NATIONALITY: 'nationality', ADDRESS: 'address', PHONE: 'phone', EMAIL: 'e-mail', ID: 'identifier',
};

export const RELATION_TYPES = {
  DISCLOSED: 'Disclosed link (family, employer, school, sponsor)',
  SHARED_ADDRESS: 'Shared address',
  SHARED_PHONE: 'Shared phone',
  SHARED_EMAIL: 'Shared e-mail',
  SHARED_IDENTIFIER: 'Shared identifier',
  SHARED_EMPLOYER: 'Same employer',
  SHARED_SPONSOR: 'Same sponsor',
  SHARED_SCHOOL: 'Same school',
  CO_TRAVEL: 'Travelled together',
  POSSIBLY_SAME: 'Possibly the same person',
};

export const PATTERNS = {
  'shared-address': 'Unrelated people registered at one address',
  'shared-contact': 'Unrelated people sharing a phone or e-mail',
  'identity-conflict': 'One identity with conflicting personal details',
  'identity-ring': 'Several identities sharing identifiers, phones and addresses',
  'co-travel': 'Unrelated people on the same trips more than once',
  'org-concentration': 'One small organization linked to several leads',
};

export function notice(kind, title, ...text) {
  return h('div', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    title ? h('strong', null, title) : null, ...text);
}

/** An API failure as people read it: the problem's title and detail. */
export function problem(error, doing) {
  const title = doing ? `Could not ${doing}` : 'Something went wrong';
  if (error && error.problem) {
    return notice('error', `${title}: ${error.title}`, error.message);
  }
  return notice('error', title, String(error && error.message ? error.message : error));
}

export function field(label, control, hint) {
  if (!control.id) control.id = uid();
  let hintEl = null;
  if (hint) {
    hintEl = h('span', { class: 'hint', id: `${control.id}-hint` }, hint);
    control.setAttribute('aria-describedby', hintEl.id);
  }
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hintEl);
}

export function input(props) {
  return h('input', { type: 'text', ...props });
}

export function select(options, props) {
  return h('select', props, options.map(([value, label]) => h('option', { value }, label)));
}

/** A table; `rows` are arrays of cells (text or nodes), or {cells, class, onclick} objects. */
export function table(caption, columns, rows, empty = 'Nothing to show.') {
  if (!rows.length) return h('p', { class: 'muted' }, empty);
  return h('div', { class: 'table-wrap' },
    h('table', null,
      caption ? h('caption', null, caption) : null,
      h('thead', null, h('tr', null, columns.map((c) => (typeof c === 'string'
        ? h('th', { scope: 'col' }, c) : h('th', { scope: 'col', class: c.class }, c.label))))),
      h('tbody', null, rows.map((r) => {
        const cells = Array.isArray(r) ? r : r.cells;
        return h('tr', Array.isArray(r) ? null : { class: r.class }, cells.map((c, i) => {
          const cls = typeof columns[i] === 'object' ? columns[i].class : undefined;
          return h('td', { class: cls }, c);
        }));
      }))));
}

export function pct(p) {
  if (p === null || p === undefined || Number.isNaN(p)) return '–';
  if (p > 0.999) return '>99.9%';
  if (p < 0.001) return '<0.1%';
  return `${(p * 100).toFixed(p > 0.99 || p < 0.01 ? 1 : 0)}%`;
}

export function num(x, digits = 2) {
  return x === null || x === undefined ? '–' : Number(x).toFixed(digits);
}

export function when(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

export function recordChip(key) {
  return h('span', { class: 'chip source', title: 'record (source:id)' }, key);
}

/**
 * A match key such as +NAME+SURNAME+DOB-ADDRESS! as chips: what agreed, what disagreed, and whether a personal
 * detail conflicts (which keeps two records apart whatever else they share).
 */
export function matchKey(key) {
  if (!key) return h('span', { class: 'muted' }, 'no detail compared');
  const parts = [];
  const conflict = key.endsWith('!');
  const re = /([+-])([A-Z]+)/g;
  let m;
  while ((m = re.exec(key)) !== null) {
    const name = FEATURES[m[2]] || m[2].toLowerCase();
    parts.push(m[1] === '+'
      ? h('span', { class: 'chip agree' }, h('span', { 'aria-hidden': 'true' }, '✓ '), `same ${name}`)
      : h('span', { class: 'chip disagree' }, h('span', { 'aria-hidden': 'true' }, '✗ '), `different ${name}`));
  }
  if (conflict) parts.push(h('span', { class: 'chip disagree' }, 'conflicting personal detail'));
  return h('span', { class: 'chips', title: key }, parts);
}

/** Asks for a reason (or a note) in a modal dialog; resolves to the text, or null when cancelled. */
export function ask({ title, text, label = 'Reason', confirm = 'Confirm', extra = null, value = '' }) {
  return new Promise((resolve) => {
    const area = h('textarea', { required: true, minlength: '3', maxlength: '1000' });
    area.value = value;
    const error = h('div', { 'aria-live': 'polite' });
    const dialog = h('dialog', { 'aria-labelledby': 'dialog-title' });
    const close = (result) => {
      dialog.close();
      dialog.remove();
      resolve(result);
    };
    const form = h('form', { class: 'stack', method: 'dialog' },
      h('h2', { id: 'dialog-title' }, title),
      text ? h('p', null, text) : null,
      extra,
      field(label, area),
      error,
      h('div', { class: 'actions' },
        h('button', { type: 'submit' }, confirm),
        h('button', { type: 'button', class: 'secondary', onclick: () => close(null) }, 'Cancel')));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const v = area.value.trim();
      if (v.length < 3) {
        replace(error, notice('error', null, `Please write the ${label.toLowerCase()} (at least 3 characters).`));
        area.focus();
        return;
      }
      close(v);
    });
    dialog.addEventListener('cancel', (ev) => {
      ev.preventDefault();
      close(null);
    });
    dialog.append(form);
    document.body.append(dialog);
    dialog.showModal();
    area.focus();
  });
}

// The entities the current case works on (need-to-know): a profile, a network or a path needs them.
let subjectCache = null;

export async function subjects(refresh = false) {
  if (!state.caseId) return new Map();
  if (!subjectCache || refresh) {
    const answer = await get(`/api/cases/${state.caseId}/subjects`, { limit: 500 });
    subjectCache = new Map(answer.items.map((s) => [s.entity, nice(s.label)]));
  }
  return subjectCache;
}

export function forgetSubjects() {
  subjectCache = null;
}

/** Makes an entity a subject of the case, with the reason the analyst gives; true when done. */
export async function addToCase(entity, label) {
  const reason = await ask({
    title: `Add ${label || `entity ${entity}`} to case ${state.caseName}`,
    text: 'A subject of the case can be opened, explored and watched by its members. The reason is kept in the audit trail.',
    confirm: 'Add to case',
  });
  if (!reason) return false;
  await post(`/api/cases/${state.caseId}/subjects`, { entity: String(entity), reason });
  forgetSubjects();
  await subjects(true);
  return true;
}

/** "Open profile" for a subject; "Add to case…" (then open) for anyone else. */
export function entityAction(entity, label, known, where) {
  if (known.has(entity)) return h('a', { class: 'button small secondary', href: `#/entity/${entity}` }, 'Open profile');
  const button = h('button', {
    type: 'button',
    class: 'small secondary',
    onclick: async () => {
      try {
        if (await addToCase(entity, label)) {
          known.set(entity, label);
          button.replaceWith(h('a', { class: 'button small secondary', href: `#/entity/${entity}` }, 'Open profile'));
        }
      } catch (e) {
        if (where) replace(where, problem(e, 'add to the case'));
      }
    },
  }, 'Add to case…');
  return button;
}

/** A label as people write names: "fang wong" -> "Fang Wong" (labels come standardized, in lower case). */
export function nice(label) {
  return label ? label.replace(/(^|[\s'-])(\p{Ll})/gu, (m, sep, c) => sep + c.toUpperCase()) : label;
}

export function entityName(entity, label) {
  return h('span', null, h('strong', null, nice(label) || `entity ${entity}`), ' ', h('span', { class: 'muted small' }, `#${entity}`));
}
