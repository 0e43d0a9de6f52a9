// WCAG AA contrast of every surface, measured in real Chromium (axe-core leaves the widget's
// `color-contrast` "incomplete": it cannot see behind the top layer). For each surface in
// light and dark, right to left, and under guide themes (one deliberately unreadable as
// written), every text node needs 4.5:1 (3:1 when large), and control borders, the
// checklist's marks, the hotspot dot and focus rings 3:1. A screenshot then confirms the
// backdrops computed are the colours painted, so wrong maths cannot pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT } from '../support/collector.mjs';
import { openPage } from '../support/browser.mjs';
import { withCollectorAndBrowser } from '../support/suite.mjs';
import { Widget } from '../support/widget.mjs';
import { measureContrast } from '../support/contrast.mjs';
import { decodePng } from '../support/png.mjs';

const env = withCollectorAndBrowser({ www: join(ROOT, 'tests/pages') });

// Surface, how to wait for it, what it must at least show (kind → count), and its state.
const SURFACES = [
  ['checklist', (w) => w.page.locator('wowpath-root li.done').waitFor({ state: 'visible' }), { text: 10, 'open mark': 2, 'done mark': 1, border: 1, 'ring inside': 4 }],
  ['checklist', async (w) => {
    await w.page.locator('wowpath-root li.done').waitFor({ state: 'visible' });
    await w.page.evaluate(() => Promise.all([window.wowpath('track', 'Teammate Invited'), window.wowpath('track', 'Report Shared')]));
    await w.page.locator('wowpath-root .finished').waitFor({ state: 'visible' });
  }, { text: 10, 'done mark': 3, 'ring inside': 3 }, 'finished'],
  // With its spotlight: the card's colours must hold over the dimmed page.
  ['tooltip', async (w) => { await w.waitForStep('tour/first'); await w.page.locator('wowpath-root .shade').first().waitFor(); }, { text: 6, border: 1, 'ring inside': 4 }],
  ['hotspot', (w) => w.dot.waitFor({ state: 'visible' }), { dot: 1, 'ring inside': 1 }],
  ['hotspot', async (w) => { await w.clickCentre(w.dot); await w.waitForStep('tips/dot'); }, { text: 4, 'ring inside': 2 }, 'open'],
  ['modal', (w) => w.waitForStep('news/hello'), { text: 6, border: 1, 'ring inside': 4 }],
];
const VARIANTS = [
  { scheme: 'light' }, { scheme: 'dark' },
  { scheme: 'light', rtl: true }, { scheme: 'dark', rtl: true },
  { scheme: 'light', theme: 'brand' }, { scheme: 'dark', theme: 'brand' },
  { scheme: 'light', theme: 'low' }, { scheme: 'dark', theme: 'low' },
  { scheme: 'light', theme: 'night' }, { scheme: 'dark', theme: 'night' },
];
const hex = (c) => '#' + c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
const line = (c) => `${c.kind} ${c.what}${c.text ? ` "${c.text}"` : ''}: ${hex(c.fg)} on ${hex(c.bg)} is ${c.ratio.toFixed(2)}:1 (needs ${c.min}:1)`;

/**
 * The most common pixel under each text's box must be its computed backdrop (within 3 of 255
 * per channel), and the pixel most unlike it must reach at least 80% of the computed ratio's
 * distance from 1: glyph edges are blended, stems are not.
 */
function paintedAsComputed(png, checks) {
  const wrong = [];
  for (const c of checks.filter((k) => k.kind === 'text' && k.rect.width >= 6 && k.rect.height >= 6)) {
    const counts = new Map();
    let far = null;
    const [x0, y0] = [Math.ceil(c.rect.x), Math.ceil(c.rect.y)];
    const [x1, y1] = [Math.floor(c.rect.x + c.rect.width), Math.floor(c.rect.y + c.rect.height)];
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const p = png.pixel(x, y).slice(0, 3);
        const key = p.join(',');
        counts.set(key, (counts.get(key) || 0) + 1);
        const d = Math.max(...p.map((v, i) => Math.abs(v - c.bg[i])));
        if (!far || d > far.d) far = { p, d };
      }
    }
    const mode = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0].split(',').map(Number);
    const off = Math.max(...mode.map((v, i) => Math.abs(v - c.bg[i])));
    if (off > 3) wrong.push(`${line(c)}: painted backdrop ${hex(mode)}, computed ${hex(c.bg)}`);
    const lum = ([r, g, b]) => [r, g, b].map((v) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
    const painted = (Math.max(lum(far.p), lum(mode)) + 0.05) / (Math.min(lum(far.p), lum(mode)) + 0.05);
    if (painted - 1 < 0.8 * (c.ratio - 1)) wrong.push(`${line(c)}: darkest glyph pixel ${hex(far.p)} is only ${painted.toFixed(2)}:1`);
  }
  return wrong;
}

for (const [surface, ready, expected, state] of SURFACES) {
  for (const v of VARIANTS) {
    const name = `${surface}${state ? ` ${state}` : ''} (${v.scheme}${v.rtl ? ', right to left' : ''}${v.theme ? `, theme ${v.theme}` : ''})`;
    test(`every text, border, mark and focus ring reaches AA contrast: ${name}`, async () => {
      const { page, context, consoleMessages } = await openPage(env.browser, { colorScheme: v.scheme, reducedMotion: 'reduce' });
      page.setDefaultTimeout(8000);
      const query = `surface=${surface}${v.rtl ? '&rtl' : ''}${v.theme ? `&theme=${v.theme}` : ''}`;
      await page.goto(`${env.collector.url}/contrast/?${query}`);
      const widget = new Widget(page);
      await ready(widget);
      await widget.settle();
      const png = decodePng(await page.screenshot({ scale: 'css' }));
      // Keyboard use first, so focusing from script shows the rings a keyboard user sees.
      await page.keyboard.press('Shift');
      const checks = await measureContrast(page);
      for (const [kind, least] of Object.entries(expected)) {
        const found = checks.filter((c) => c.kind === kind).length;
        assert.ok(found >= least, `${found} ${kind} checks, expected at least ${least}:\n${checks.map(line).join('\n')}`);
      }
      const failing = checks.filter((c) => c.ratio < c.min);
      assert.deepEqual(failing.map(line), [], `below AA in ${name}`);
      assert.deepEqual(paintedAsComputed(png, checks), [], `the screenshot disagrees with the computed colours in ${name}`);
      const lowest = [...checks].sort((a, b) => a.ratio / a.min - b.ratio / b.min).slice(0, 3);
      console.log(`${name}: ${checks.length} checks; lowest: ${lowest.map(line).join('; ')}`);
      assert.deepEqual(consoleMessages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
      await context.close();
    });
  }
}
