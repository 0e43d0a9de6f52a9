// SVG charts drawn in the browser from the report's numbers; no library, no CDN.
// Each chart is laid out for the pixel width it is given, one SVG unit to one CSS pixel, so
// its text stays at the page's 12 px whatever the card's width (a fixed viewBox scaled to
// fit made labels huge in wide cards and unreadable in narrow ones).
const NS = 'http://www.w3.org/2000/svg';

function el(name, attrs = {}, text) {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function svg(width, height, label) {
  return el('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label });
}

const clamp = (x, lo, hi) => Math.max(lo, Math.min(hi, x));

// Widths of text in the charts' font (`.chart text` in dashboard.css), measured on a canvas
// since a chart is laid out before it is in the page.
const ruler = document.createElement('canvas').getContext('2d');
function textWidth(text) {
  ruler.font = '12px system-ui, sans-serif';
  return ruler.measureText(text).width;
}

/** `text`, cut short with an ellipsis to fit `max` pixels. */
function fit(text, max) {
  if (textWidth(text) <= max) return text;
  let cut = text.length;
  while (cut > 1 && textWidth(`${text.slice(0, cut).trimEnd()}…`) > max) cut--;
  return `${text.slice(0, cut).trimEnd()}…`;
}

export const pct = (x) => `${(x * 100).toFixed(1)}%`;

export function duration(ms) {
  if (ms == null) return '—';
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(0)} s`;
  if (s < 3600) return `${(s / 60).toFixed(1)} min`;
  if (s < 86400) return `${(s / 3600).toFixed(1)} h`;
  return `${(s / 86400).toFixed(1)} days`;
}

/** Horizontal funnel: one bar per stage, width by people, drop-off at the right. */
export function funnel(stages, title, width) {
  // Room for the stage names (step titles can be long), up to 40% of the width.
  const longest = Math.max(0, ...stages.map((s) => textWidth(s.label)));
  const row = 30, left = clamp(Math.max(width * 0.25, longest + 16), 110, Math.max(110, Math.min(260, width * 0.4)));
  const dropColumn = width < 480 ? 0 : 130;
  const barMax = Math.max(40, width - left - dropColumn - 48);
  const chart = svg(width, stages.length * row + 8, title);
  const top = Math.max(1, ...stages.map((s) => s.count));
  stages.forEach((s, i) => {
    const y = 4 + i * row;
    const w = Math.max(2, (s.count / top) * barMax);
    const label = el('text', { x: left - 8, y: y + 17, 'text-anchor': 'end' }, fit(s.label, left - 12));
    label.append(el('title', {}, s.label));
    chart.append(label);
    chart.append(el('rect', { class: 'bar', x: left, y, width: w, height: row - 8, rx: 3 }));
    chart.append(el('text', { x: left + w + 6, y: y + 17 }, String(s.count)));
    if (dropColumn && i > 0 && s.drop_off > 0) {
      chart.append(el('text', { class: 'drop', x: width - 4, y: y + 17, 'text-anchor': 'end' }, `−${s.drop_off} (${pct(s.drop_off_rate)})`));
    }
  });
  return chart;
}

/** Vertical bars of a histogram: `buckets` = [{label, count}]. Labels wrap onto two lines
 *  when the bars are narrow. */
export function histogram(buckets, title, width) {
  const gap = 8, top = 16, plot = 150, bw = (width - gap * (buckets.length + 1)) / buckets.length;
  const twoLines = bw < 64, bottom = twoLines ? 36 : 24, height = top + plot + bottom;
  const chart = svg(width, height, title);
  const max = Math.max(1, ...buckets.map((b) => b.count));
  chart.append(el('line', { class: 'axis', x1: 0, x2: width, y1: top + plot, y2: top + plot }));
  buckets.forEach((b, i) => {
    const h = (plot * b.count) / max;
    const x = gap + i * (bw + gap), mid = x + bw / 2;
    chart.append(el('rect', { class: 'bar', x, y: top + plot - h, width: bw, height: h, rx: 2 }));
    chart.append(el('text', { x: mid, y: top + plot - h - 3, 'text-anchor': 'middle' }, String(b.count)));
    const label = el('text', { class: 'muted', x: mid, y: top + plot + 16, 'text-anchor': 'middle' });
    const cut = b.label.lastIndexOf(' ');
    if (twoLines && cut > 0) {
      label.append(el('tspan', { x: mid }, b.label.slice(0, cut)), el('tspan', { x: mid, dy: 14 }, b.label.slice(cut + 1)));
    } else {
      label.textContent = b.label;
    }
    chart.append(label);
  });
  return chart;
}

/** A forest plot of differences vs the holdout: point estimate, 95% interval, zero line. */
export function lift(comparisons, title, width) {
  const rows = comparisons.filter((c) => c.difference);
  const row = 34, left = clamp(width * 0.2, 80, 150), plot = Math.max(60, width - left - 70);
  const chart = svg(width, rows.length * row + 34, title);
  if (!rows.length) return chart;
  const lo = Math.min(0, ...rows.map((c) => c.difference.low)), hi = Math.max(0, ...rows.map((c) => c.difference.high));
  const pad = (hi - lo) * 0.1 || 0.05;
  const x = (v) => left + ((v - lo + pad) / (hi - lo + 2 * pad)) * plot;
  const bottom = rows.length * row + 6;
  chart.append(el('line', { class: 'zero', x1: x(0), x2: x(0), y1: 0, y2: bottom }));
  chart.append(el('text', { class: 'muted', x: x(0), y: bottom + 16, 'text-anchor': 'middle' }, '0 (no effect)'));
  rows.forEach((c, i) => {
    const y = 4 + i * row + row / 2;
    const d = c.difference;
    chart.append(el('text', { x: left - 10, y: y + 4, 'text-anchor': 'end' }, c.arm));
    chart.append(el('line', { class: 'ci', x1: x(d.low), x2: x(d.high), y1: y, y2: y }));
    for (const v of [d.low, d.high]) chart.append(el('line', { class: 'ci', x1: x(v), x2: x(v), y1: y - 6, y2: y + 6 }));
    chart.append(el('circle', { class: 'bar', cx: x(d.estimate), cy: y, r: 5 }));
    chart.append(el('text', { class: 'muted', x: x(d.estimate), y: y - 10, 'text-anchor': 'middle' }, `${(d.estimate * 100).toFixed(1)} pts`));
  });
  return chart;
}
