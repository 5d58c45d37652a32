// The relationship graph (Cytoscape.js, served from this server): the network around an entity, expanded node by node,
// filtered by relation type and strength, the evidence of every connection, the strongest paths between two entities,
// and a picture of it to save. Every connection is a possible one, for the analyst to judge.
import { h, replace } from '../dom.js';
import { get } from '../api.js';
import { state } from '../state.js';
import {
  RELATION_TYPES, field, select, problem, notice, num, recordChip, subjects, addToCase, entityName, nice,
} from '../ui.js';

let cytoscapeModule = null;

async function cytoscape() {
  if (!cytoscapeModule) cytoscapeModule = (await import('../../vendor/cytoscape/cytoscape.esm.min.mjs')).default;
  return cytoscapeModule;
}

const STYLE = [
  { selector: 'node', style: {
    'background-color': '#ffffff', 'border-width': 2, 'border-color': '#6b7480', width: 22, height: 22,
    label: 'data(label)', 'font-size': 11, color: '#1a1d21', 'text-valign': 'bottom', 'text-margin-y': 3,
    'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': 2,
    'font-family': 'system-ui, sans-serif',
  } },
  // entities two hops out are named when selected or on a path, so that the picture stays readable
  { selector: 'node.far', style: { label: '', width: 16, height: 16 } },
  { selector: 'node.subject', style: { 'background-color': '#4f8fd6', 'border-color': '#1d4e89', label: 'data(label)', 'font-size': 13 } },
  { selector: 'node.center', style: { 'background-color': '#1d4e89', 'border-color': '#0e2745', width: 34, height: 34, 'font-weight': 'bold', 'font-size': 16, label: 'data(label)' } },
  { selector: 'node:selected', style: { 'border-color': '#0b5cad', 'border-width': 5, label: 'data(label)' } },
  { selector: 'edge', style: {
    width: 'mapData(strength, 0, 1, 1.5, 9)', 'line-color': '#9aa3ad', 'curve-style': 'bezier', opacity: 0.9,
  } },
  { selector: 'edge.value', style: { 'line-color': '#7b4fa0' } },
  { selector: 'edge.disclosed', style: { 'line-color': '#5b6b7f', 'line-style': 'dashed' } },
  { selector: 'edge.same', style: { 'line-color': '#00798c', 'line-style': 'dotted' } },
  { selector: 'edge.travel', style: { 'line-color': '#2e7d32' } },
  { selector: 'edge:selected', style: { 'line-color': '#0b5cad' } },
  { selector: '.faded', style: { opacity: 0.3 } },
  { selector: 'node.path', style: { 'border-color': '#c45500', 'border-width': 5, opacity: 1, label: 'data(label)', 'font-size': 16, 'font-weight': 'bold' } },
  { selector: 'edge.path', style: { 'line-color': '#c45500', 'line-style': 'solid', opacity: 1, 'z-index': 10 } },
];

/** The colour class of a connection, by its strongest piece of evidence. */
function edgeClass(type) {
  if (type === 'DISCLOSED') return 'disclosed';
  if (type === 'POSSIBLY_SAME') return 'same';
  if (type === 'CO_TRAVEL') return 'travel';
  if (type && type.startsWith('SHARED_') && !['SHARED_EMPLOYER', 'SHARED_SPONSOR', 'SHARED_SCHOOL'].includes(type)) return 'value';
  return 'org';
}

export async function render(main, arg) {
  const center = Number(arg);
  const g = {
    center, hops: 2, minStrength: 0.1, types: new Set(Object.keys(RELATION_TYPES)),
    nodes: new Map(), edges: new Map(), hidden: new Map(), truncated: false, cy: null, known: new Map(),
  };
  const status = h('div', { 'aria-live': 'polite', id: 'graph-status' });
  const canvas = h('div', { class: 'graph-canvas', id: 'graph-canvas', role: 'img', 'aria-label': 'Relationship graph' });
  const details = h('aside', { class: 'graph-details panel', id: 'graph-details', 'aria-live': 'polite' },
    h('h2', null, 'Details'), h('p', { class: 'muted' }, 'Select an entity or a connection, in the picture or in the lists below it.'));
  const lists = h('div', { id: 'graph-lists' });
  const paths = h('div', { id: 'path-results', 'aria-live': 'polite' });
  g.ui = { status, canvas, details, lists, paths };

  main.append(
    h('h1', null, 'Relationship graph ', h('span', { class: 'muted small', id: 'graph-title' }, `around entity #${center}`)),
    h('p', { class: 'small muted' },
      'Weak ties (such as working for the same large employer) are left out below the minimum strength. ',
      'Each line is a possible connection worked out from shared values, disclosed links and travel, weighted by how few share it. It is for you to judge; it does not say what the connection means.'),
    status,
    h('div', { class: 'graph-layout' },
      h('div', null, controls(g), pathForm(g), paths),
      h('div', null, canvas,
        h('div', { class: 'legend', 'aria-hidden': 'true' },
          h('span', { class: 'center' }, 'the entity explored'), h('span', { class: 'subject' }, 'subject of the case'),
          h('span', { class: 'other' }, 'not a subject'), h('span', { class: 'path' }, 'path shown')),
        h('div', { class: 'legend lines', 'aria-hidden': 'true' },
          h('span', { class: 'value' }, 'shared phone, address, e-mail, identifier'), h('span', { class: 'disclosed' }, 'disclosed by a record'),
          h('span', { class: 'same' }, 'possibly the same person'), h('span', { class: 'travel' }, 'travelled together'),
          h('span', { class: 'org' }, 'same employer, sponsor or school'), h('span', null, 'thicker: stronger')),
        lists),
      details));

  try {
    g.known = await subjects();
    const cy = await cytoscape();
    g.cy = cy({ container: canvas, style: STYLE, wheelSensitivity: 0.3, minZoom: 0.1, maxZoom: 4 });
    g.cy.on('tap', 'node', (ev) => showNode(g, Number(ev.target.id())));
    g.cy.on('tap', 'edge', (ev) => showEdge(g, ev.target.id()));
    let pending = null;
    const refit = () => {
      if (!document.body.contains(canvas)) {
        window.removeEventListener('resize', refit); // the screen was left
        return;
      }
      clearTimeout(pending);
      pending = setTimeout(() => { g.cy.resize(); g.cy.fit(undefined, 30); }, 150);
    };
    window.addEventListener('resize', refit);
  } catch (e) {
    replace(status, problem(e, 'start the graph'));
    return;
  }
  await load(g);
}

function params(g, hops) {
  const all = g.types.size === Object.keys(RELATION_TYPES).length;
  return { hops, min_strength: g.minStrength || undefined, types: all ? undefined : [...g.types].join(','), limit: 200 };
}

async function load(g) {
  replace(g.ui.status, h('p', { role: 'status' }, 'Loading the network…'));
  if (!g.types.size) {
    replace(g.ui.status, notice('error', null, 'Choose at least one kind of connection.'));
    return;
  }
  try {
    const net = await get(`/api/entities/${g.center}/network`, params(g, g.hops));
    g.nodes.clear();
    g.edges.clear();
    g.hidden.clear();
    merge(g, net);
    g.truncated = net.truncated;
    const c = g.nodes.get(g.center);
    replace(document.getElementById('graph-title'), `around ${c ? c.label : `entity #${g.center}`} (#${g.center})`);
    draw(g);
    replace(g.ui.status, g.truncated ? notice('warn', null, 'The network was cut at 200 entities: raise the minimum strength or choose fewer kinds of connection.') : null);
    showNode(g, g.center);
  } catch (e) {
    replace(g.ui.status, problem(e, 'load the network'));
    if (e.status === 404) {
      g.ui.status.append(h('p', null, 'A network can be explored around a subject of your case only. Add the entity to the case from ',
        h('a', { href: '#/search' }, 'Search'), ' or from a lead.'));
    }
  }
}

function edgeKey(a, b) {
  return a < b ? `${a}-${b}` : `${b}-${a}`;
}

function merge(g, net) {
  let nodes = 0;
  let edges = 0;
  for (const n of net.nodes) {
    if (!g.nodes.has(n.entity)) {
      g.nodes.set(n.entity, { ...n, label: nice(n.label) });
      nodes += 1;
    }
  }
  for (const e of net.edges) {
    const key = edgeKey(e.from, e.to);
    if (!g.edges.has(key) || g.edges.get(key).strength < e.strength) {
      if (!g.edges.has(key)) edges += 1;
      g.edges.set(key, e);
    }
  }
  for (const [value, count] of Object.entries(net.hidden_generic || {})) g.hidden.set(value, count);
  return { nodes, edges };
}

function strongestType(e) {
  let best = null;
  for (const x of e.evidence) if (!best || x.strength > best.strength) best = x;
  return best ? best.type : '';
}

function draw(g) {
  const cy = g.cy;
  cy.elements().remove();
  const elements = [];
  for (const n of g.nodes.values()) {
    const far = n.entity !== g.center && !g.known.has(n.entity) && n.hops !== 1 && n.hops !== 0;
    const classes = [n.entity === g.center ? 'center' : '', g.known.has(n.entity) ? 'subject' : '', far ? 'far' : ''].filter(Boolean).join(' ');
    elements.push({ group: 'nodes', data: { id: String(n.entity), label: n.label }, classes });
  }
  for (const [key, e] of g.edges) {
    if (!g.nodes.has(e.from) || !g.nodes.has(e.to)) continue;
    elements.push({
      group: 'edges',
      data: { id: key, source: String(e.from), target: String(e.to), strength: Math.min(1, e.strength) },
      classes: edgeClass(strongestType(e)),
    });
  }
  cy.add(elements);
  cy.layout({ name: 'cose', animate: false, randomize: true, nodeDimensionsIncludeLabels: true, padding: 30, nodeRepulsion: () => 9000, idealEdgeLength: () => 90 }).run();
  cy.fit(undefined, 30);
  renderLists(g);
  fillPathChoices(g);
}

function renderLists(g) {
  const nodes = [...g.nodes.values()].sort((a, b) => (a.entity === g.center ? -1 : b.entity === g.center ? 1 : a.label.localeCompare(b.label)));
  const edges = [...g.edges.entries()].filter(([, e]) => g.nodes.has(e.from) && g.nodes.has(e.to))
    .sort((a, b) => b[1].strength - a[1].strength);
  replace(g.ui.lists,
    h('details', { class: 'panel', id: 'entity-list', open: nodes.length <= 30 },
      h('summary', null, `Entities in the graph (${nodes.length})`),
      h('ul', { class: 'chips', 'aria-label': 'Entities' }, nodes.map((n) => h('li', null,
        h('button', { type: 'button', class: 'small secondary', dataset: { entity: String(n.entity) }, onclick: () => showNode(g, n.entity, true) },
          n.label, g.known.has(n.entity) ? ' ●' : ''))))),
    h('details', { class: 'panel', id: 'edge-list' },
      h('summary', null, `Connections (${edges.length})`),
      h('ul', { class: 'evidence' }, edges.map(([key, e]) => h('li', null,
        h('button', { type: 'button', class: 'linklike', dataset: { edge: key }, onclick: () => showEdge(g, key, true) },
          `${label(g, e.from)} — ${label(g, e.to)}`),
        ` · strength ${num(e.strength)} · `, [...new Set(e.evidence.map((x) => typeLabel(x.type)))].join(', '))))),
    hiddenList(g));
}

function hiddenList(g) {
  const items = [...g.hidden.entries()].sort((a, b) => b[1] - a[1]);
  return h('details', { class: 'panel', id: 'hidden-generic', open: items.length > 0 && items.length <= 6 },
    h('summary', null, `Generic values left out (${items.length})`),
    h('p', { class: 'small muted' }, 'A value shared by too many entities to say anything (a shelter, a placeholder phone, a lawyer\'s office) links nobody.'),
    items.length ? h('ul', null, items.map(([v, n]) => h('li', null, h('span', { class: 'mono' }, v), ` — shared by ${n} entities`)))
      : h('p', { class: 'muted small' }, 'None here.'));
}

function label(g, entity) {
  const n = g.nodes.get(entity);
  return n ? n.label : `#${entity}`;
}

function typeLabel(t) {
  return (RELATION_TYPES[t] || t).replace(/ \(.*\)$/, '');
}

function controls(g) {
  const hops = select([['1', '1 hop'], ['2', '2 hops'], ['3', '3 hops']], { id: 'graph-hops' });
  hops.value = String(g.hops);
  const strength = h('input', { type: 'range', min: '0', max: '1', step: '0.05', value: String(g.minStrength), id: 'graph-min-strength' });
  const shown = h('output', { for: strength.id }, num(g.minStrength));
  strength.addEventListener('input', () => { shown.value = num(strength.value); });
  const boxes = Object.entries(RELATION_TYPES).map(([type, text]) => h('label', null,
    h('input', { type: 'checkbox', value: type, checked: g.types.has(type), name: 'types' }), ' ', text));
  const form = h('form', { class: 'panel stack', id: 'graph-filter' },
    h('h2', null, 'Filter'),
    field('Hops out from the entity', hops),
    h('div', { class: 'field' }, h('label', { for: strength.id }, 'Minimum strength ', shown), strength),
    h('fieldset', null, h('legend', null, 'Kinds of connection'), h('div', { class: 'stack small' }, boxes)),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', id: 'graph-apply' }, 'Apply'),
      h('button', { type: 'button', class: 'secondary', id: 'graph-png', onclick: () => savePicture(g) }, 'Save picture (PNG)')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    g.hops = Number(hops.value);
    g.minStrength = Number(strength.value);
    g.types = new Set(boxes.map((b) => b.querySelector('input')).filter((i) => i.checked).map((i) => i.value));
    load(g);
  });
  return form;
}

function savePicture(g) {
  if (!g.cy || g.cy.elements().empty()) return;
  const blob = g.cy.png({ output: 'blob', bg: '#ffffff', full: true, scale: 2 });
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: `relata-network-${g.center}.png`, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  replace(g.ui.status, notice('ok', null, `Saved the picture as relata-network-${g.center}.png.`));
}

function selectOnly(g, selector) {
  g.cy.elements().unselect();
  const el = g.cy.getElementById(selector);
  if (el && el.nonempty()) {
    el.select();
    return el;
  }
  return null;
}

function showNode(g, entity, fromList) {
  const n = g.nodes.get(entity);
  if (!n) return;
  if (fromList) selectOnly(g, String(entity));
  const subject = g.known.has(entity);
  const relations = [...g.edges.values()].filter((e) => e.from === entity || e.to === entity).length;
  replace(g.ui.details,
    h('h2', null, entityName(entity, n.label)),
    h('p', null, subject ? h('span', { class: 'badge subject' }, 'subject of the case') : h('span', { class: 'badge' }, 'not a subject of the case'),
      entity === g.center ? ' · the entity explored' : ` · ${n.hops} hop(s) from #${g.center}`, ` · ${relations} connection(s) shown`),
    h('h3', null, 'Records'), h('div', { class: 'chips' }, (n.records || []).map(recordChip)),
    h('div', { class: 'actions' },
      subject ? h('a', { class: 'button small secondary', href: `#/entity/${entity}` }, 'Open profile') : null,
      h('button', { type: 'button', class: 'small', id: 'graph-expand', onclick: () => expand(g, entity) }, subject ? 'Expand' : 'Add to case and expand…'),
      h('button', { type: 'button', class: 'small secondary', onclick: () => setPath(g, 'from', entity) }, 'Path from here'),
      h('button', { type: 'button', class: 'small secondary', onclick: () => setPath(g, 'to', entity) }, 'Path to here')),
    subject ? null : h('p', { class: 'small muted' }, 'Exploring further from an entity makes it a subject of the case, with your reason.'));
}

function showEdge(g, key, fromList) {
  const e = g.edges.get(key);
  if (!e) return;
  if (fromList) selectOnly(g, key);
  replace(g.ui.details, h('h2', null, `${label(g, e.from)} — ${label(g, e.to)}`), evidence(e));
}

function evidence(e) {
  return h('div', null,
    h('p', null, `Strength ${num(e.strength)}, from ${e.evidence.length} piece(s) of evidence, each weighted by how few entities share it:`),
    h('ul', { class: 'evidence' }, e.evidence.map((x) => h('li', null,
      h('strong', null, typeLabel(x.type)), x.detail ? [': ', h('span', { class: 'mono' }, x.detail)] : null,
      h('div', { class: 'small' }, recordChip(x.from_record), ' ↔ ', recordChip(x.to_record)),
      h('div', { class: 'small muted' }, `shared by ${x.shared_by} entit${x.shared_by === 1 ? 'y' : 'ies'} · strength ${num(x.strength)}`)))));
}

async function expand(g, entity) {
  try {
    if (!g.known.has(entity)) {
      const n = g.nodes.get(entity);
      if (!(await addToCase(entity, n ? n.label : null))) return;
      g.known = await subjects();
    }
    replace(g.ui.status, h('p', { role: 'status' }, 'Expanding…'));
    const net = await get(`/api/entities/${entity}/network`, params(g, 1));
    const added = merge(g, net);
    draw(g);
    selectOnly(g, String(entity));
    showNode(g, entity);
    replace(g.ui.status, notice('ok', null, `Expanded ${label(g, entity)}: ${added.nodes} more entit${added.nodes === 1 ? 'y' : 'ies'}, ${added.edges} more connection(s).`));
  } catch (e) {
    replace(g.ui.status, problem(e, 'expand the entity'));
  }
}

function pathForm(g) {
  const from = h('select', { id: 'path-from' });
  const to = h('select', { id: 'path-to' });
  const k = select([['1', '1'], ['3', '3'], ['5', '5']], { id: 'path-k' });
  k.value = '3';
  const form = h('form', { class: 'panel stack', id: 'path-form' },
    h('h2', null, 'Paths between two entities'),
    field('From', from), field('To', to), field('How many paths', k),
    h('p', { class: 'small muted' }, 'Both must be subjects of the case. Paths avoid entities with very many connections.'),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', id: 'path-submit' }, 'Find paths'),
      h('button', { type: 'button', class: 'secondary', onclick: () => clearPath(g) }, 'Clear')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    await findPaths(g, Number(from.value), Number(to.value), Number(k.value));
  });
  g.ui.pathFrom = from;
  g.ui.pathTo = to;
  return form;
}

function fillPathChoices(g) {
  const nodes = [...g.nodes.values()].sort((a, b) => a.label.localeCompare(b.label));
  for (const sel of [g.ui.pathFrom, g.ui.pathTo]) {
    const keep = sel.value;
    replace(sel, nodes.map((n) => h('option', { value: String(n.entity) },
      `${n.label} (#${n.entity})${g.known.has(n.entity) ? '' : ' – not a subject'}`)));
    if (keep && g.nodes.has(Number(keep))) sel.value = keep;
  }
  if (!g.ui.pathFrom.dataset.touched) g.ui.pathFrom.value = String(g.center);
}

function setPath(g, end, entity) {
  const sel = end === 'from' ? g.ui.pathFrom : g.ui.pathTo;
  sel.value = String(entity);
  sel.dataset.touched = 'yes';
  sel.focus();
}

function clearPath(g) {
  g.cy.elements().removeClass('path faded');
  replace(g.ui.paths);
}

async function findPaths(g, from, to, k) {
  if (from === to) {
    replace(g.ui.paths, notice('error', null, 'Choose two different entities.'));
    return;
  }
  replace(g.ui.paths, h('p', { role: 'status' }, 'Looking for paths…'));
  try {
    const found = await get('/api/paths', { from, to, k, min_strength: g.minStrength || undefined });
    if (!found.length) {
      replace(g.ui.paths, notice('info', null, 'No path within 6 hops (hubs are avoided).'));
      return;
    }
    replace(g.ui.paths, h('div', { class: 'panel' },
      h('h3', null, `${found.length} path${found.length === 1 ? '' : 's'} from ${nice(found[0].entities[0].label)} to ${nice(found[0].entities[found[0].entities.length - 1].label)}`),
      found.map((p, i) => h('div', { class: 'path-result' },
        h('button', { type: 'button', class: 'small secondary', dataset: { path: String(i) }, onclick: () => highlight(g, p) },
          `Show path ${i + 1}`), ` ${p.length} hop(s) · strength ${num(p.strength, 3)}`,
        h('ol', { class: 'hops' }, p.hops.map((hop, j) => h('li', null,
          h('strong', null, nice(p.entities[j].label)), ' → ', h('strong', null, nice(p.entities[j + 1].label)),
          ` (strength ${num(hop.strength)}): `,
          hop.evidence.map((x) => `${typeLabel(x.type)}${x.detail ? ` ${x.detail}` : ''} (shared by ${x.shared_by})`).join('; '))))))));
    highlight(g, found[0]);
  } catch (e) {
    replace(g.ui.paths, problem(e, 'find paths'));
  }
}

function highlight(g, p) {
  // entities and hops of the path that the network did not show yet are added to it
  let changed = false;
  p.entities.forEach((n, i) => {
    if (!g.nodes.has(n.entity)) {
      g.nodes.set(n.entity, { ...n, label: nice(n.label), hops: '?' });
      changed = true;
    }
    if (i > 0) {
      const key = edgeKey(p.entities[i - 1].entity, n.entity);
      if (!g.edges.has(key)) {
        g.edges.set(key, p.hops[i - 1]);
        changed = true;
      }
    }
  });
  if (changed) draw(g);
  const cy = g.cy;
  cy.elements().removeClass('path').addClass('faded');
  p.entities.forEach((n, i) => {
    cy.getElementById(String(n.entity)).removeClass('faded').addClass('path');
    if (i > 0) cy.getElementById(edgeKey(p.entities[i - 1].entity, n.entity)).removeClass('faded').addClass('path');
  });
  replace(g.ui.details, h('h2', null, 'Path shown'),
    h('p', null, `${p.length} hop(s), strength ${num(p.strength, 3)} (the product of its hops' strengths).`),
    p.hops.map((hop, j) => h('div', null, h('h3', null, `${nice(p.entities[j].label)} → ${nice(p.entities[j + 1].label)}`), evidence(hop))));
}
