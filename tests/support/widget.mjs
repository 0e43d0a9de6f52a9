// Page object for what wowpath draws (checklist, tour step, hotspot, spotlight), measured
// through its open shadow root, and for the host page around it: where the anchor is, what
// covers what, and every host element's computed style.

/** The anchor `#target`, in the document or an open shadow root (runs in the page). */
const FIND_TARGET = `(function find(root, sel) {
  const hit = root.querySelector(sel);
  if (hit) return hit;
  for (const e of root.querySelectorAll('*')) {
    if (e.shadowRoot && e.localName !== 'wowpath-root') { const f = find(e.shadowRoot, sel); if (f) return f; }
  }
  return null;
})`;

export class Widget {
  constructor(page) {
    this.page = page;
    this.card = page.locator('wowpath-root .card');
    this.launcher = page.locator('wowpath-root button.launcher');
    this.panel = page.locator('wowpath-root section.panel');
    this.dot = page.locator('wowpath-root button.hotspot');
    this.live = page.locator('wowpath-root [aria-live]');
  }

  /** Waits until the step `guide/step` is on screen. */
  async waitForStep(key) {
    await this.page.locator(`wowpath-root .card[data-step="${key}"]`).waitFor({ state: 'visible' });
  }

  async step() {
    return this.card.getAttribute('data-step');
  }

  /** Waits for two animation frames, so scroll and resize handlers have run and painted. */
  async settle() {
    // Under a host's CSS zoom, a checklist drawn alone is scaled back at the widget's next DOM
    // check (within 50 ms, src/runtime/stage.rs), not in its first frame.
    await this.page.waitForFunction(() => {
      const host = document.querySelector('wowpath-root');
      const root = host && host.shadowRoot && host.shadowRoot.querySelector('[popover]');
      return !root || Math.abs((root.currentCSSZoom ?? 1) - 1) < 1e-3;
    });
    await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }

  /**
   * Rects (viewport px) of everything on screen, plus what is hit at each surface's centre:
   * `covered` lists surfaces whose centre point is not the widget's own element.
   */
  async measure(anchorSelector = '#target') {
    return this.page.evaluate(
      ({ sel, find }) => {
        const target = (0, eval)(find)(document, sel);
        const host = document.querySelector('wowpath-root');
        const shadow = host && host.shadowRoot;
        const box = (e) => {
          if (!e) return null;
          const r = e.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height, right: r.right, bottom: r.bottom };
        };
        const q = (s) => (shadow ? shadow.querySelector(s) : null);
        const surfaces = { card: q('.card:not(.closed)'), launcher: q('.launcher'), panel: q('.panel:not([hidden])'), dot: q('.hotspot') };
        const covered = [];
        for (const [name, e] of Object.entries(surfaces)) {
          if (!e) continue;
          const r = e.getBoundingClientRect();
          const [x, y] = [r.x + r.width / 2, r.y + r.height / 2];
          const outer = document.elementFromPoint(x, y);
          const inner = shadow.elementFromPoint(x, y);
          if (outer !== host || !(inner === e || e.contains(inner))) covered.push({ name, outer: outer && outer.outerHTML.slice(0, 80) });
        }
        const panes = shadow ? [...shadow.querySelectorAll('.shade:not(.full)')].map(box) : [];
        return {
          // The visual viewport, not the root's client size: in quirks mode that is the height of
          // the page's content.
          viewport: { width: visualViewport.width, height: visualViewport.height },
          anchor: box(target),
          card: box(surfaces.card),
          side: surfaces.card && surfaces.card.dataset.side,
          arrow: box(q('.card .arrow')),
          dot: box(surfaces.dot),
          launcher: box(surfaces.launcher),
          panel: box(surfaces.panel),
          panes,
          covered,
          dir: q('.root') && q('.root').getAttribute('dir'),
        };
      },
      { sel: anchorSelector, find: FIND_TARGET },
    );
  }

  /** A real mouse click at the centre of `locator` (no synthetic events, no forcing). */
  async clickCentre(locator) {
    const b = await locator.boundingBox();
    await this.page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
  }

  /** A button of the open card, by its text. */
  button(name) {
    return this.card.getByRole('button', { name, exact: true });
  }

  /** The element focused in the host page, and inside the widget's shadow root. */
  async focused() {
    return this.page.evaluate(() => {
      const a = document.activeElement;
      const inner = a && a.shadowRoot ? a.shadowRoot.activeElement : null;
      const describe = (e) => e && (e.id ? `#${e.id}` : `${e.localName}${e.className ? '.' + String(e.className).split(' ').join('.') : ''}${e.textContent && e.localName === 'button' ? `(${e.textContent})` : ''}`);
      return { host: describe(a), inner: describe(inner) };
    });
  }
}

/**
 * Every host element's computed style (all properties) and the document's scroll size, keyed
 * by the element's path: what the host page looks like, to compare with and without the widget.
 */
export async function hostStyles(page) {
  return page.evaluate(() => {
    const out = {};
    // The body's tree (the head renders nothing, and the snippet adds its script there).
    const walk = (root, prefix) => {
      const all = root === document ? [document.documentElement, document.body, ...document.body.querySelectorAll('*')] : root.querySelectorAll('*');
      for (const e of all) {
        if (e.localName === 'wowpath-root' || e.closest('wowpath-root')) continue;
        const path = `${prefix}${e.localName}#${e.id}:${e.parentNode ? [...e.parentNode.children].indexOf(e) : 0}`;
        const cs = getComputedStyle(e);
        const props = {};
        for (let i = 0; i < cs.length; i++) props[cs[i]] = cs.getPropertyValue(cs[i]);
        out[path] = props;
        if (e.shadowRoot) walk(e.shadowRoot, `${path}>>`);
      }
    };
    walk(document, '');
    out['@scroll-size'] = { w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight };
    return out;
  });
}

/** The properties that differ between two `hostStyles` snapshots, as readable lines. */
export function styleDiff(before, after) {
  const lines = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[key] || {};
    const b = after[key] || {};
    for (const p of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (a[p] !== b[p]) lines.push(`${key} ${p}: ${a[p]} → ${b[p]}`);
    }
  }
  return lines;
}
