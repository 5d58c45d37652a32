// Choosing the case to work in and declaring the purpose: both go with every request for personal data.
import { h, replace } from '../dom.js';
import { get, post } from '../api.js';
import { state, save, hasRole, needsCase } from '../state.js';
import { field, input, problem, notice, forgetSubjects } from '../ui.js';
import { go, home, refreshChrome } from '../app.js';

const SUGGESTED = [
  'Investigation: identify the subjects and their associates',
  'Resolve identity: check whether these records describe one person',
  'Review of leads and alerts for the case',
  'Individual access request: find every record about the requester',
];

export async function render(main) {
  main.append(h('h1', null, 'Case and purpose'));
  main.append(h('p', { class: 'muted' },
    'Choose the case you are working on and say why you need personal data. Both are sent with every request and kept in the audit trail.'));
  const where = h('div', { 'aria-live': 'polite' });
  main.append(where);
  let cases = [];
  try {
    cases = (await get('/api/cases', { limit: 500 })).items.filter((c) => c.status !== 'CLOSED');
  } catch (e) {
    where.append(problem(e, 'list your cases'));
  }
  const caseRequired = needsCase();
  const radios = h('fieldset', { id: 'case-choice' }, h('legend', null, caseRequired ? 'Case' : 'Case (optional for a privacy officer)'),
    cases.length === 0 ? h('p', { class: 'muted' }, 'You are not a member of any case yet.') : null,
    !caseRequired ? h('label', { class: 'check-row' }, h('input', { type: 'radio', name: 'case', value: '', checked: !state.caseId }), ' No case') : null,
    cases.map((c) => h('div', { class: 'check-row' },
      h('label', null,
        h('input', { type: 'radio', name: 'case', value: String(c.id), checked: state.caseId === c.id || (!state.caseId && cases.length === 1), dataset: { name: c.name } }),
        ' ', h('strong', null, c.name), ' ', h('span', { class: 'muted small' }, `#${c.id} · ${c.description || ''}`)))));
  const purpose = input({ id: 'purpose', name: 'purpose', list: 'purpose-suggestions', maxlength: '300', required: true, value: state.purpose || '' });
  const datalist = h('datalist', { id: 'purpose-suggestions' }, SUGGESTED.map((s) => h('option', { value: s })));
  const message = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'stack panel', id: 'context-form' },
    radios,
    field('Purpose', purpose, 'What you are doing and why, in a few words (the audit trail keeps it).'),
    datalist,
    message,
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'context-submit' }, 'Start working')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const chosen = form.querySelector('input[name="case"]:checked');
    const text = purpose.value.trim();
    if (caseRequired && (!chosen || !chosen.value)) {
      replace(message, notice('error', null, 'Choose a case: personal data is only shown inside a case you work on.'));
      return;
    }
    if (text.length < 5) {
      replace(message, notice('error', null, 'Declare the purpose in at least 5 characters.'));
      purpose.focus();
      return;
    }
    if (!/^[\x20-\x7E\u00A0-\u00FF]+$/.test(text)) {
      replace(message, notice('error', null, 'The purpose can use letters, digits and common punctuation (Latin characters).'));
      purpose.focus();
      return;
    }
    state.caseId = chosen && chosen.value ? Number(chosen.value) : null;
    state.caseName = chosen && chosen.value ? chosen.dataset.name : null;
    state.purpose = text;
    save();
    forgetSubjects();
    refreshChrome();
    go(`#/${home()}`);
  });
  main.append(form);
  if (hasRole('ANALYST', 'SUPERVISOR')) main.append(newCaseForm(where));
}

function newCaseForm(where) {
  const name = input({ id: 'new-case-name', maxlength: '200' });
  const description = h('textarea', { id: 'new-case-description', maxlength: '2000' });
  const form = h('form', { class: 'stack' },
    h('div', { class: 'fields' }, field('Name', name), field('Description', description)),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary' }, 'Open the case')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await post('/api/cases', { name: name.value.trim(), description: description.value.trim() || null });
      go('#/context');
    } catch (e) {
      replace(where, problem(e, 'open the case'));
    }
  });
  return h('details', { class: 'panel' }, h('summary', null, 'Open a new case'), form);
}
