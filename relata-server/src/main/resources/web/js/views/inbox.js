// A partner agency's screen, and its only one: the reports disseminated to its organization, each as it was sent.
import { h, replace } from '../dom.js';
import { get } from '../api.js';
import { state } from '../state.js';
import { problem, table, when } from '../ui.js';

export async function render(main, arg) {
  if (arg && /^\d+$/.test(arg)) return view(main, Number(arg));
  main.append(h('h1', null, `Reports disseminated to ${state.user.organization || 'your organization'}`),
    h('p', { class: 'muted' }, 'Shared on a need-to-know basis under the agreement each names; every copy is watermarked with your organization and its number.'));
  try {
    const answer = await get('/api/inbox', { limit: 500 });
    main.append(table(`${answer.items.length} report(s)`, ['Title', 'Received', 'Purpose', 'Agreement', ''],
      answer.items.map((d) => [d.title, when(d.sent_at), d.purpose, d.agreement,
        h('a', { href: `#/inbox/${d.id}`, dataset: { dissemination: String(d.id) } }, 'Open')]),
      'Nothing has been disseminated to your organization.'));
  } catch (e) {
    main.append(problem(e, 'list your reports'));
  }
}

async function view(main, id) {
  let d;
  try {
    d = await get(`/api/inbox/${id}`);
  } catch (e) {
    main.append(problem(e, `open dissemination ${id}`));
    return;
  }
  const c = d.content;
  main.append(h('p', { class: 'marking' }, c.markings), h('h1', null, c.title),
    h('dl', { class: 'facts' },
      h('dt', null, 'Dissemination'), h('dd', null, String(d.id)),
      h('dt', null, 'Received'), h('dd', null, when(d.sent_at)),
      h('dt', null, 'Purpose'), h('dd', null, d.purpose),
      h('dt', null, 'Agreement'), h('dd', null, d.agreement),
      h('dt', null, 'Copy'), h('dd', null, h('a', { href: `/api/inbox/${id}/document?format=pdf`, id: 'inbox-pdf' }, 'PDF'), ' · ',
        h('a', { href: `/api/inbox/${id}/document?format=html` }, 'HTML'), h('span', { class: 'muted small' }, ` SHA-256 of the PDF: ${d.pdf_sha256}`))),
    c.handling ? [h('h2', null, 'Handling'), h('p', null, c.handling)] : null,
    c.narrative ? [h('h2', null, 'Narrative'), c.narrative.split(/\n\s*\n/).map((p) => h('p', null, p))] : null,
    c.entities.map((e) => [h('h2', null, e.label),
      table(null, ['Field', 'Value', 'Sources'], e.values.map((v) => [v.field, v.value, v.sources.join(', ')])),
      e.timeline.length ? table(null, ['Date', 'Event', 'Place', 'Reference'], e.timeline.map((t) => [t.date || '', t.type || '', t.place || '', t.ref || ''])) : null]),
    c.chart && c.chart.edges.length ? [h('h2', null, 'Evidence'), h('p', { class: 'muted' }, `${c.chart.description}. The chart is in the PDF and HTML copies.`),
      table(null, ['Between', 'Kind', 'Detail', 'Strength'], c.chart.edges.flatMap((edge) => edge.evidence.map((x) => [
        `${label(c, edge.from)} – ${label(c, edge.to)}`, x.type, x.detail, String(x.strength)])))] : null,
    h('p', { class: 'marking' }, c.markings));
}

function label(c, id) {
  const n = c.chart.nodes.find((x) => x.id === id);
  return n ? n.label : `entity ${id}`;
}
