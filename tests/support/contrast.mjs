// WCAG 2 contrast of everything wowpath paints, measured in the page: every visible text node
// in the widget's shadow root, every control border that is a control's only outline, the
// checklist's marks, the hotspot dot and every focus ring. Colours are the computed ones,
// composited (alpha and opacity included) over what is really behind them: the element's own
// and its ancestors' backgrounds down to the first opaque one, and past the widget, the host
// page's elements at that point.

/** The checks, as `{ kind, what, text, fg, bg, ratio, min, rect }` (colours `[r, g, b]`). */
export async function measureContrast(page) {
  return page.evaluate(inPage);
}

/** Runs in the page; everything it needs is inside. */
function inPage() {
  const host = document.querySelector('wowpath-root');
  const shadow = host.shadowRoot;
  const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true });

  // Computed colours are `rgb()`/`rgba()`, or `color(srgb …)` for colour-mix results; any
  // other form is resolved by painting it.
  const parse = (css) => {
    let m = css.match(/^rgba?\(([^)]*)\)$/);
    if (m) {
      const [r, g, b, a = 1] = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      return [r, g, b, a];
    }
    m = css.match(/^color\(srgb ([^)]*)\)$/);
    if (m) {
      const [r, g, b, a = 1] = m[1].split(/[\s/]+/).filter(Boolean).map(Number);
      return [r * 255, g * 255, b * 255, a];
    }
    probe.clearRect(0, 0, 1, 1);
    probe.fillStyle = css;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  };
  const over = ([r, g, b, a], [R, G, B]) => [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a), 1];
  const luminance = ([r, g, b]) => {
    const lin = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const ratio = (x, y) => {
    const [a, b] = [luminance(x), luminance(y)];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  };
  const parentOf = (e) => e.parentElement || (e.parentNode && e.parentNode.host) || null;
  // `opacity` fades an element with everything inside it.
  const opacity = (e) => {
    let o = 1;
    for (let x = e; x; x = parentOf(x)) o *= Number(getComputedStyle(x).opacity);
    return o;
  };
  const fill = (e) => {
    const [r, g, b, a] = parse(getComputedStyle(e).backgroundColor);
    return [r, g, b, a * opacity(e)];
  };
  const composite = (layers) => layers.reduceRight((below, c) => over(c, below), [255, 255, 255, 1]);
  // The backdrop at (x, y) of `start` and its ancestors inside the widget; if none is
  // opaque, the host page's elements under that point. `inWidget` says where it ended.
  const backdrop = (start, x, y) => {
    const layers = [];
    for (let e = start; e && e !== host; e = parentOf(e)) {
      const c = fill(e);
      layers.push(c);
      if (c[3] >= 0.999) return { colour: composite(layers), inWidget: true };
    }
    for (const e of document.elementsFromPoint(x, y)) {
      if (e === host) continue;
      const c = fill(e);
      layers.push(c);
      if (c[3] >= 0.999) break;
    }
    return { colour: composite(layers), inWidget: false };
  };
  const describe = (e) => `${e.localName}${e.className ? '.' + String(e.className).trim().split(/\s+/).join('.') : ''}`;
  const box = (r) => ({ x: r.x, y: r.y, width: r.width, height: r.height });
  const checks = [];
  const push = (kind, e, text, fg, bg, min, rect) =>
    checks.push({ kind, what: describe(e), text, fg: fg.slice(0, 3), bg: bg.slice(0, 3), ratio: ratio(fg, bg), min, rect: box(rect) });

  // Text: 4.5:1, or 3:1 when large (24px, or 18.66px (14pt) bold).
  const walker = document.createTreeWalker(shadow, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const e = node.parentElement;
    const text = node.data.trim();
    if (!text || e.closest('.sr')) continue;
    const style = getComputedStyle(e);
    if (style.visibility !== 'visible') continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rect = [...range.getClientRects()].find((r) => r.width > 0 && r.height > 0);
    if (!rect) continue;
    const [x, y] = [rect.x + rect.width / 2, rect.y + rect.height / 2];
    const bg = backdrop(e, x, y).colour;
    const [r, g, b, a] = parse(style.color);
    const fg = over([r, g, b, a * opacity(e)], bg);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    push('text', e, text.slice(0, 40), fg, bg, large ? 3 : 4.5, rect);
  }

  const visible = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility === 'visible';
  const middle = (e) => {
    const r = e.getBoundingClientRect();
    return [r.x + r.width / 2, r.y + r.height / 2];
  };
  // Borders that are a button's only outline (its fill is its surface's colour): 3:1.
  for (const e of shadow.querySelectorAll('button')) {
    const style = getComputedStyle(e);
    if (!visible(e) || style.borderTopStyle === 'none' || parseFloat(style.borderTopWidth) === 0) continue;
    const [x, y] = middle(e);
    const behind = backdrop(parentOf(e), x, y).colour;
    const own = over(fill(e), behind);
    if (ratio(own, behind) >= 3) continue;
    push('border', e, e.textContent.trim(), over(parse(style.borderTopColor), behind), behind, 3, e.getBoundingClientRect());
  }
  // The checklist's marks: a ring for an open step, a filled disc for a done one: 3:1.
  for (const e of shadow.querySelectorAll('.check')) {
    if (!visible(e)) continue;
    const [x, y] = middle(e);
    const behind = backdrop(parentOf(e), x, y).colour;
    const done = e.closest('li').classList.contains('done');
    // A done disc shows by its fill or, when a pale accent fades into the surface, its rim.
    const rim = over(parse(getComputedStyle(e).borderTopColor), behind);
    const disc = over(fill(e), behind);
    const mark = done && ratio(disc, behind) >= ratio(rim, behind) ? disc : rim;
    push(done ? 'done mark' : 'open mark', e, '', mark, behind, 3, e.getBoundingClientRect());
  }
  // Whatever sits right outside an element: a halo drawn by a zero-blur box-shadow at least
  // `reach` px wide, otherwise the backdrop at a point that far out.
  const beside = (e, reach) => {
    const r = e.getBoundingClientRect();
    const point = [r.x + r.width / 2, r.y - reach / 2 - 0.5];
    const outside = backdrop(parentOf(e), ...point);
    for (const shadowPart of getComputedStyle(e).boxShadow.split(/,(?![^(]*\))/)) {
      const m = shadowPart.trim().match(/^(.*\))\s+0px\s+0px\s+0px\s+([\d.]+)px$/);
      if (m && Number(m[2]) >= reach) return { colour: over(parse(m[1]), outside.colour), inWidget: true };
    }
    return outside;
  };
  // The hotspot dot against what surrounds it: 3:1.
  for (const e of shadow.querySelectorAll('.hotspot')) {
    if (!visible(e)) continue;
    const around = beside(e, 1).colour;
    push('dot', e, '', over(fill(e), around), around, 3, e.getBoundingClientRect());
  }
  // Focus rings against the colour inside them (the gap, or the element's own fill when the
  // ring touches it) and, on the widget's surfaces, outside them: 3:1.
  for (const e of shadow.querySelectorAll('button, a[href], [tabindex]')) {
    if (!visible(e)) continue;
    e.focus();
    const style = getComputedStyle(e);
    if (!e.matches(':focus-visible') || style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) {
      checks.push({ kind: 'ring', what: describe(e), text: 'no visible focus ring', fg: [0, 0, 0], bg: [0, 0, 0], ratio: 1, min: 3, rect: box(e.getBoundingClientRect()) });
      continue;
    }
    const offset = parseFloat(style.outlineOffset);
    const width = parseFloat(style.outlineWidth);
    const inner = offset > 0 ? beside(e, offset).colour : over(fill(e), backdrop(parentOf(e), ...middle(e)).colour);
    const outer = beside(e, offset + width + 1);
    const ring = parse(style.outlineColor);
    push('ring inside', e, e.textContent.trim().slice(0, 40), over(ring, inner), inner, 3, e.getBoundingClientRect());
    if (outer.inWidget) push('ring outside', e, e.textContent.trim().slice(0, 40), over(ring, outer.colour), outer.colour, 3, e.getBoundingClientRect());
    e.blur();
  }
  return checks;
}
