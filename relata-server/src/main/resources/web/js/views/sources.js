// The registered source systems: owner, purpose, retention and access label.
import { h, replace } from '../dom.js';
import { get, put } from '../api.js';
import { hasRole } from '../state.js';
import { field, input, problem, table } from '../ui.js';
import { go } from '../app.js';

export async function render(main) {
  main.append(h('h1', null, 'Sources'),
    h('p', { class: 'muted' }, 'The systems records come from. A source\'s access label decides who may see its records.'));
  const where = h('div', { 'aria-live': 'polite', id: 'sources-message' });
  main.append(where);
  let sources;
  try {
    sources = (await get('/api/sources', { limit: 500 })).items;
  } catch (e) {
    where.append(problem(e, 'list the sources'));
    return;
  }
  const editor = h('section', { id: 'source-editor' });
  main.append(h('section', { class: 'panel' }, table(null, ['Code', 'Name', 'Owner', 'Purpose', 'Country', 'Retention', 'Access label', ''],
    sources.map((s) => [h('span', { class: 'mono' }, s.code), s.name || '', s.owner || '', s.purpose || '', s.default_country || '',
      s.retention_days === null || s.retention_days === undefined ? '–' : `${s.retention_days} days`, s.access_label,
      hasRole('ADMIN') ? h('button', { type: 'button', class: 'small secondary', onclick: () => edit(editor, where, s) }, 'Edit') : '']))), editor);
}

function edit(editor, where, s) {
  const f = {
    name: input({ value: s.name || '' }), owner: input({ value: s.owner || '' }), purpose: input({ value: s.purpose || '' }),
    default_country: input({ value: s.default_country || '', maxlength: '2' }),
    retention_days: input({ type: 'number', min: '0', value: s.retention_days ?? '' }),
    access_label: input({ value: s.access_label || '' }),
  };
  const form = h('form', { class: 'panel stack' }, h('h2', null, `Edit ${s.code}`),
    h('div', { class: 'fields' }, field('Name', f.name), field('Owner', f.owner), field('Purpose', f.purpose),
      field('Default country', f.default_country, 'ISO alpha-2'), field('Retention (days)', f.retention_days),
      field('Access label', f.access_label, 'Upper-case; users need the clearance to see its records')),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save'), h('button', { type: 'button', class: 'secondary', onclick: () => replace(editor) }, 'Cancel')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = {};
    for (const [k, el] of Object.entries(f)) if (el.value.trim() !== '') body[k] = k === 'retention_days' ? Number(el.value) : el.value.trim();
    try {
      await put(`/api/sources/${encodeURIComponent(s.code)}`, body);
      go('#/sources');
    } catch (e) {
      replace(where, problem(e, 'change the source'));
    }
  });
  replace(editor, form);
}
