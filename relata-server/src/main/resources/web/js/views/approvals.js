// A supervisor's queue: the case's report versions awaiting approval; preview, then approve or reject with a note.
import { h, replace } from '../dom.js';
import { get, post } from '../api.js';
import { state } from '../state.js';
import { problem, notice, table, when, ask } from '../ui.js';
import { fileLink } from './reports.js';

export async function render(main) {
  main.append(h('h1', null, `Report versions awaiting approval in case ${state.caseName}`),
    h('p', { class: 'muted' }, 'Read the preview: what you approve is exactly what can be sent, redacted for each recipient. You cannot approve a version you wrote.'));
  const where = h('div', { 'aria-live': 'polite', id: 'approval-message' });
  const list = h('div', { id: 'approval-list' });
  main.append(where, list);
  const refresh = async () => {
    try {
      const answer = await get(`/api/cases/${state.caseId}/approvals`, { limit: 200 });
      replace(list, table(`${answer.items.length} version(s) waiting`, ['Report', 'Version', 'By', 'Saved', 'Preview', ''],
        answer.items.map((v) => {
          const path = `/api/cases/${state.caseId}/reports/${v.report}/versions/${v.version}`;
          const decide = async (decision) => {
            const note = await ask({ title: `${decision === 'APPROVE' ? 'Approve' : 'Reject'} version ${v.version} of "${v.title}"`,
              label: 'Note', confirm: decision === 'APPROVE' ? 'Approve' : 'Reject' });
            if (note === null) return;
            try {
              await post(`${path}/review`, { decision, note });
              replace(where, notice('ok', null, `Version ${v.version} of "${v.title}" ${decision === 'APPROVE' ? 'approved' : 'rejected'}.`));
              await refresh();
            } catch (e) {
              replace(where, problem(e, 'record the review'));
            }
          };
          return [h('a', { href: `#/reports/${v.report}` }, v.title), String(v.version), v.author, when(v.created_at),
            h('span', null, h('a', { href: fileLink(`${path}/document`, { format: 'pdf' }) }, 'PDF'), ' · ',
              h('a', { href: fileLink(`${path}/document`, { format: 'html' }) }, 'HTML')),
            h('span', { class: 'actions' },
              h('button', { type: 'button', class: 'small', dataset: { approve: `${v.report}/${v.version}` }, onclick: () => decide('APPROVE') }, 'Approve'),
              h('button', { type: 'button', class: 'small secondary', onclick: () => decide('REJECT') }, 'Reject'))];
        }), 'Nothing awaits approval.'));
    } catch (e) {
      replace(where, problem(e, 'list the versions awaiting approval'));
    }
  };
  await refresh();
}
