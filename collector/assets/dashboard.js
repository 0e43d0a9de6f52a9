// The dashboard page: reads the filters, fetches /dashboard/api/report, draws it.
import { funnel, histogram, lift, pct, duration } from './charts.js';
import { cell, date, emptyRow, idCell, named, rowOf } from './tables.js';

const $ = (sel, root = document) => root.querySelector(sel);
const form = $('#filters');
const state = { report: null, sort: { key: 'last_seen', dir: -1 }, q: '' };

// Charts are laid out for their container's width, and again whenever that width changes.
const charts = new Map();
const resized = new ResizeObserver((entries) => entries.forEach((e) => render(e.target)));

// A new drawing (new data) always replaces the old one, whatever the width.
function chart(container, draw) {
  charts.set(container, draw);
  delete container.dataset.width;
  resized.observe(container);
  render(container);
}

function render(container) {
  const width = Math.floor(container.clientWidth);
  const draw = charts.get(container);
  if (!draw || !width || String(width) === container.dataset.width) return;
  container.dataset.width = width;
  container.replaceChildren(draw(width));
}

function forgetCharts(root) {
  for (const c of root.querySelectorAll('.chart')) { resized.unobserve(c); charts.delete(c); }
}

function params() {
  const p = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (v !== '') p.set(k, v);
  if (state.q) p.set('q', state.q);
  return p;
}

async function load() {
  const status = $('#status');
  status.className = '';
  status.textContent = 'Loading…';
  const res = await fetch(`/dashboard/api/report?${params()}`);
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    status.className = 'error';
    status.textContent = body?.error?.message || `The report failed (${res.status}).`;
    return;
  }
  state.report = body;
  status.textContent = `${body.wow.people} people in view.`;
  history.replaceState(null, '', `?${params()}`);
  fillTraits(body.traits);
  drawExperiment(body.experiment);
  drawWow(body.wow);
  drawGuides(body.guides);
  drawProblems(body.health);
  drawStuck();
}

function fillTraits(traits) {
  const select = form.elements.trait;
  const chosen = select.value || new URLSearchParams(location.search).get('trait') || '';
  select.replaceChildren(new Option('everyone', ''));
  for (const [name, values] of Object.entries(traits || {})) {
    for (const v of values) select.append(new Option(`${name} = ${v}`, `${name}:${v}`));
  }
  select.value = chosen;
}

function drawExperiment(exp) {
  const main = exp.comparisons[0];
  const verdict = $('[data-testid=verdict]');
  verdict.textContent = main.sentence;
  verdict.className = `verdict ${main.verdict === 'better' ? 'better' : main.verdict === 'worse' ? 'worse' : ''}`;
  chart($('[data-testid=lift-chart]'), (w) => lift(exp.comparisons, 'Wow rate difference vs holdout, with 95% interval', w));
  const byArm = Object.fromEntries(exp.comparisons.map((c) => [c.arm, c]));
  $('[data-testid=arms] tbody').replaceChildren(...exp.arms.map((a) => {
    const d = byArm[a.label]?.difference;
    return rowOf([
      cell(a.label), cell(a.people, 'num'), cell(a.wow, 'num'), cell(pct(a.rate), 'num'),
      cell(`${pct(a.rate_low)} – ${pct(a.rate_high)}`, 'num'),
      cell(d ? `${(d.estimate * 100).toFixed(1)} pts (${(d.low * 100).toFixed(1)} to ${(d.high * 100).toFixed(1)})` : '', 'num'),
    ]);
  }));
  if (exp.unassigned) {
    $('[data-testid=arms] tbody').append(emptyRow(`${exp.unassigned} people are not compared: no event besides their wow says their group (send Onboarding Group Assigned)`, 6));
  }
}

function drawWow(wow) {
  const f = $('[data-testid=wow-figures]');
  f.replaceChildren();
  const parts = [['Wow rate', pct(wow.rate)], ['reached wow', `${wow.wow} of ${wow.people}`],
    ['median', duration(wow.time_to_wow.median_ms)], ['p90', duration(wow.time_to_wow.p90_ms)]];
  for (const [label, value] of parts) {
    const b = document.createElement('b');
    b.textContent = value;
    f.append(`${label} `, b, '   ');
  }
  chart($('[data-testid=wow-histogram]'), (w) => histogram(wow.histogram, 'Time to wow distribution', w));
}

// How people closed a guide (`via` of Onboarding Guide Dismissed), in words.
const WAYS_OUT = { close: 'with ×', button: 'with a button', escape: 'with Esc', outside: 'by clicking beside it', api: 'by the app' };

function drawGuides(guides) {
  const root = $('[data-testid=funnels]');
  forgetCharts(root);
  root.replaceChildren();
  if (!guides.length) root.append(Object.assign(document.createElement('p'), { className: 'empty', textContent: 'No guide has been started yet.' }));
  for (const g of guides) {
    const box = document.createElement('div');
    box.className = 'guide';
    box.dataset.guide = g.guide_id;
    if (g.variant) box.dataset.variant = g.variant;
    const h = document.createElement('h3');
    const ways = Object.entries(g.dismissed_via || {}).map(([via, n]) => `${n} ${WAYS_OUT[via] || via}`);
    h.textContent = `${named(g.title, g.guide_id)}${g.variant ? `, variant ${g.variant}` : ''} — ${g.stages[0].count} started, ${g.stages.at(-1).count} completed, ${g.dismissed} dismissed${ways.length ? ` (${ways.join(', ')})` : ''}, ${g.replayed} replayed`;
    const table = document.createElement('table');
    table.innerHTML = '<thead><tr><th>Stage</th><th class="num">People</th><th class="num">Drop-off</th><th class="num">Median time</th><th class="num">p90 time</th></tr></thead><tbody></tbody>';
    table.tBodies[0].append(...g.stages.map((s, i) => rowOf([
      cell(s.label, 'name'), cell(s.count, 'num'), cell(i ? `${s.drop_off} (${pct(s.drop_off_rate)})` : '', 'num'),
      cell(i ? duration(s.time.median_ms) : '', 'num'), cell(i ? duration(s.time.p90_ms) : '', 'num'),
    ])));
    const drawing = Object.assign(document.createElement('div'), { className: 'chart' });
    box.append(h, drawing, table);
    root.append(box);
    chart(drawing, (w) => funnel(g.stages, `Funnel of ${g.title}${g.variant ? `, variant ${g.variant}` : ''}`, w));
  }
}

function drawProblems(health) {
  const missing = health.missing_targets;
  $('[data-testid=missing-targets] tbody').replaceChildren(...missing.map((m) => rowOf([
    idCell(m.guide_title, m.guide_id), idCell(m.step_title, m.step_id), cell(m.selector, 'code'),
    cell(m.urls.join(', ') + (m.hidden ? ' (hidden on some)' : ''), 'name'), cell(m.people, 'num'), cell(date(m.last_seen)),
  ])));
  if (!missing.length) $('[data-testid=missing-targets] tbody').append(emptyRow('Every tour step found its anchor.', 6));
  const invalid = health.invalid_files;
  $('[data-testid=invalid-files] tbody').replaceChildren(...invalid.map((f) => rowOf([
    cell(f.source, 'code'), cell(f.first_error, 'name'), cell(f.people, 'num'), cell(date(f.last_seen)),
  ])));
  if (!invalid.length) $('[data-testid=invalid-files] tbody').append(emptyRow('No browser refused a guide file.', 4));
}

function visibleStuck() {
  const q = state.q.toLowerCase();
  const rows = (state.report?.stuck_users || []).filter((u) => !q
    || [u.user, u.account, u.plan, u.guide_id, u.guide_title, u.stopped_at, u.stopped_at_title].some((v) => (v || '').toLowerCase().includes(q)));
  const { key, dir } = state.sort;
  return rows.sort((a, b) => (a[key] ?? '') < (b[key] ?? '') ? -dir : (a[key] ?? '') > (b[key] ?? '') ? dir : 0);
}

function drawStuck() {
  const rows = visibleStuck();
  $('[data-testid=stuck-users] tbody').replaceChildren(...rows.map((u) => rowOf([
    cell(u.user), cell(u.account), cell(u.plan), idCell(u.guide_title, u.guide_id), u.stopped_at ? idCell(u.stopped_at_title, u.stopped_at) : cell('all steps done'),
    cell(`${u.steps_done}/${u.steps_total}`, 'num'), cell(date(u.started_at)), cell(date(u.last_seen)),
  ])));
  if (!rows.length) $('[data-testid=stuck-users] tbody').append(emptyRow('Nobody is stuck with these filters.', 8));
  for (const th of document.querySelectorAll('[data-testid=stuck-users] th')) {
    th.setAttribute('aria-sort', th.dataset.key === state.sort.key ? (state.sort.dir > 0 ? 'ascending' : 'descending') : 'none');
  }
  const accounts = state.report?.stuck_accounts || [];
  $('[data-testid=stuck-accounts] tbody').replaceChildren(...accounts.map((a) => rowOf([
    cell(a.account), cell(a.stuck_users, 'num'), cell(a.common_step), cell(date(a.last_seen)),
  ])));
  if (!accounts.length) $('[data-testid=stuck-accounts] tbody').append(emptyRow('No account has anyone stuck.', 4));
  $('#csv').href = `/dashboard/api/stuck.csv?${params()}`;
}

function start() {
  const initial = new URLSearchParams(location.search);
  for (const [k, v] of initial) if (form.elements[k]) form.elements[k].value = v;
  fetch('/dashboard/api/projects').then((r) => r.json()).then((ids) => {
    const select = form.elements.project;
    select.replaceChildren(...ids.map((id) => new Option(id, id)));
    if (initial.get('project')) select.value = initial.get('project');
    load();
  });
  form.addEventListener('submit', (e) => { e.preventDefault(); load(); });
  $('[data-testid=stuck-filter]').addEventListener('input', (e) => { state.q = e.target.value; drawStuck(); });
  for (const th of document.querySelectorAll('[data-testid=stuck-users] th')) {
    th.addEventListener('click', () => {
      state.sort = { key: th.dataset.key, dir: state.sort.key === th.dataset.key ? -state.sort.dir : 1 };
      drawStuck();
    });
  }
}

start();
