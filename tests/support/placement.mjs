// Where each surface belongs, from the README's rules (not from the widget's code): a tooltip
// sits OFFSET px from its anchor on the placement's side when it fits, aligned as asked, kept
// PADDING px inside the viewport, its arrow on the anchor; the spotlight's hole is the anchor
// grown by HOLE px; a hotspot's dot sits on the anchor's top end corner, and its open card
// beside the anchor and the dot together. Each check returns
// the problems it found as readable lines (empty when everything is within 1 px).
export const OFFSET = 10;
export const PADDING = 8;
const ARROW_INSET = 14;
const HOLE = 4;
const TOLERANCE = 1;

const clamp = (v, lo, hi) => (hi < lo ? lo : Math.min(Math.max(v, lo), hi));

function expectNear(problems, what, actual, expected) {
  if (!(Math.abs(actual - expected) <= TOLERANCE)) problems.push(`${what}: ${actual.toFixed(1)} (expected ${expected.toFixed(1)} ± ${TOLERANCE})`);
}

/** The side and alignment a placement means, mirrored right to left. */
export function split(placement, rtl) {
  let [side, align = 'center'] = placement.split('-');
  if (rtl && (side === 'left' || side === 'right')) side = side === 'left' ? 'right' : 'left';
  if (rtl && (side === 'top' || side === 'bottom') && align !== 'center') align = align === 'start' ? 'end' : 'start';
  return { side, align };
}

const vertical = (side) => side === 'top' || side === 'bottom';

function room(side, a, v) {
  const r = { top: a.y, bottom: v.height - a.bottom, left: a.x, right: v.width - a.right }[side];
  return r - OFFSET - PADDING;
}

/** What a hotspot's open card is placed against: its anchor and its dot together, so that the
 * card sits beside the element it is about, never over it. */
export function hotspotCardAnchor(m) {
  const [a, d] = [m.anchor, m.dot];
  const x = Math.min(a.x, d.x);
  const y = Math.min(a.y, d.y);
  const right = Math.max(a.right, d.right);
  const bottom = Math.max(a.bottom, d.bottom);
  return { x, y, width: right - x, height: bottom - y, right, bottom };
}

/** A tooltip card (or a hotspot's card, with `anchor` = `hotspotCardAnchor(m)`) against its anchor. */
export function checkCard(m, { placement = 'bottom', rtl = false, anchor = m.anchor }) {
  const problems = [];
  const { card, viewport: v } = m;
  const want = split(placement, rtl);
  const need = vertical(want.side) ? card.height : card.width;
  if (room(want.side, anchor, v) >= need && m.side !== want.side) problems.push(`side ${m.side}, but ${want.side} has room`);
  const side = m.side;
  const fits = room(side, anchor, v) >= (vertical(side) ? card.height : card.width);
  if (fits) {
    const gap = { bottom: card.y - anchor.bottom, top: anchor.y - card.bottom, right: card.x - anchor.right, left: anchor.x - card.right }[side];
    expectNear(problems, `gap to the anchor on the ${side}`, gap, OFFSET);
  }
  const align = vertical(side) === vertical(want.side) ? want.align : 'center';
  const [start, len, size, max] = vertical(side)
    ? [anchor.x, anchor.width, card.width, v.width]
    : [anchor.y, anchor.height, card.height, v.height];
  const ideal = { start, center: start + len / 2 - size / 2, end: start + len - size }[align];
  expectNear(problems, `${vertical(side) ? 'left' : 'top'} edge (${align}-aligned)`, vertical(side) ? card.x : card.y, clamp(ideal, PADDING, max - PADDING - size));
  for (const [edge, value, lo, hi] of [['x', card.x, 0, v.width - card.width], ['y', card.y, 0, v.height - card.height]]) {
    if (value < lo - TOLERANCE || value > hi + TOLERANCE) problems.push(`card ${edge}=${value} leaves the viewport`);
  }
  if (m.arrow) {
    const arrowCentre = vertical(side) ? m.arrow.x + m.arrow.width / 2 : m.arrow.y + m.arrow.height / 2;
    const anchorCentre = vertical(side) ? anchor.x + anchor.width / 2 : anchor.y + anchor.height / 2;
    const lo = (vertical(side) ? card.x : card.y) + ARROW_INSET;
    const hi = (vertical(side) ? card.right : card.bottom) - ARROW_INSET;
    expectNear(problems, 'arrow centre along the edge', arrowCentre, clamp(anchorCentre, lo, hi));
    const across = vertical(side) ? m.arrow.y + m.arrow.height / 2 : m.arrow.x + m.arrow.width / 2;
    const edge = { bottom: card.y, top: card.bottom, right: card.x, left: card.right }[side];
    expectNear(problems, `arrow on the card's ${side === 'bottom' ? 'top' : side === 'top' ? 'bottom' : side === 'left' ? 'right' : 'left'} edge`, across, edge);
  }
  return problems;
}

/** The spotlight: four panes around a hole at the anchor grown by HOLE px, inside the viewport. */
export function checkSpotlight(m) {
  const problems = [];
  if (m.panes.length !== 4) return [`${m.panes.length} spotlight panes, expected 4`];
  const [top, bottom, left, right] = m.panes;
  const a = m.anchor;
  const v = m.viewport;
  expectNear(problems, 'hole top', top.height, Math.max(0, a.y - HOLE));
  expectNear(problems, 'hole bottom', bottom.y, Math.min(v.height, a.bottom + HOLE));
  expectNear(problems, 'hole left', left.width, Math.max(0, a.x - HOLE));
  expectNear(problems, 'hole right', right.x, Math.min(v.width, a.right + HOLE));
  return problems;
}

/** A hotspot's dot: centred on the anchor's top end corner (top left right to left). */
export function checkDot(m, rtl) {
  const problems = [];
  const d = m.dot;
  const x = clamp(rtl ? m.anchor.x : m.anchor.right, PADDING, m.viewport.width - PADDING);
  const y = clamp(m.anchor.y, PADDING, m.viewport.height - PADDING);
  expectNear(problems, 'dot centre x', d.x + d.width / 2, x);
  expectNear(problems, 'dot centre y', d.y + d.height / 2, y);
  return problems;
}

/** A modal: centred in the viewport. */
export function checkModal(m) {
  const problems = [];
  expectNear(problems, 'modal centre x', m.card.x + m.card.width / 2, m.viewport.width / 2);
  expectNear(problems, 'modal centre y', m.card.y + m.card.height / 2, m.viewport.height / 2);
  return problems;
}

/** The checklist launcher: 16 px from the bottom and the inline end (left, right to left). */
export function checkLauncher(m, rtl) {
  const problems = [];
  const l = m.launcher;
  expectNear(problems, 'launcher bottom gap', m.viewport.height - l.bottom, 16);
  if (rtl) expectNear(problems, 'launcher left gap', l.x, 16);
  else expectNear(problems, 'launcher right gap', m.viewport.width - l.right, 16);
  if (m.panel && (m.panel.x < 0 || m.panel.right > m.viewport.width || m.panel.y < 0)) problems.push('the panel leaves the viewport');
  return problems;
}

/** The anchor is (at least partly) on screen. */
export function anchorOnScreen(m) {
  const a = m.anchor;
  return a && a.width > 0 && a.bottom > 0 && a.right > 0 && a.y < m.viewport.height && a.x < m.viewport.width;
}
