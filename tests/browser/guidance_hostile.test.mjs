// Every surface on every deliberately hostile host page (tests/pages/hostile/) in real
// Chromium: nothing covers it (the point at its centre hits the widget), it sits within 1 px
// of where the README says it belongs, a real mouse click on its controls works, and the host
// page's computed styles are exactly those of the same page without the widget. A screenshot
// of each surface goes to tests/artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startCollector, ROOT } from '../support/collector.mjs';
import { launch, openPage, screenshot } from '../support/browser.mjs';
import { Widget, hostStyles, styleDiff } from '../support/widget.mjs';
import { checkCard, checkSpotlight, checkDot, checkModal, checkLauncher, anchorOnScreen, hotspotCardAnchor } from '../support/placement.mjs';

let collector, browser;
before(async () => {
  collector = await startCollector({ www: join(ROOT, 'tests/pages') });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await collector?.stop();
});

const PAGES = [
  { name: 'reset' },
  { name: 'zindex' },
  { name: 'transform' },
  { name: 'scroll' },
  { name: 'sticky', second: '#target2' },
  // Its guide file translates the widget's words (`ui.next`…), all but the counter.
  { name: 'rtl', placement: 'right-start', rtl: true, words: { next: 'التالي', done: 'تم', close: 'أغلق هذا الدليل' } },
  { name: 'shadow' },
  { name: 'mobile', placement: 'right', viewport: { width: 360, height: 640 } },
  { name: 'zoom' },
  { name: 'quirks' },
];

const errors = (messages) => messages.filter((m) => m.type === 'pageerror' || m.type === 'error');
const word = (p, key, english) => p.words?.[key] ?? english;
const clean = (problems, what) => assert.deepEqual(problems, [], `${what}:\n${problems.join('\n')}`);

async function open(p, surface) {
  const { page, context, consoleMessages } = await openPage(browser, p.viewport ? { viewport: p.viewport } : {});
  page.setDefaultTimeout(8000);
  await page.goto(`${collector.url}/hostile/${p.name}.html?surface=${surface}`);
  return { page, context, consoleMessages, widget: new Widget(page) };
}

/** The host page's computed styles without the widget, once per page. */
const baselines = new Map();
async function baseline(p) {
  if (!baselines.has(p.name)) {
    const { page, context } = await open(p, 'none');
    baselines.set(p.name, await hostStyles(page));
    await context.close();
  }
  return baselines.get(p.name);
}

async function assertHostUntouched(p, page) {
  clean(styleDiff(await baseline(p), await hostStyles(page)), `${p.name}: host styles changed by the widget`);
}

const SURFACES = {
  async tooltip(p, { page, widget }) {
    await widget.waitForStep('tour/first');
    await widget.settle();
    const m = await widget.measure();
    assert.ok(anchorOnScreen(m), 'the anchor was scrolled into view');
    assert.deepEqual(m.covered, [], 'nothing covers the tooltip');
    clean(checkCard(m, p), `${p.name}: tooltip placement`);
    clean(checkSpotlight(m), `${p.name}: spotlight hole`);
    // "1 of 2" keeps its order on a right-to-left page: an English counter inside an RTL
    // paragraph would otherwise show as "of 2 1".
    const counter = await page.evaluate(() => {
      const el = document.querySelector('wowpath-root').shadowRoot.querySelector('.progress');
      const node = document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode();
      const x = (i) => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1); return r.getBoundingClientRect().left; };
      return { text: node.textContent, first: x(0), last: x(node.textContent.length - 1) };
    });
    assert.ok(counter.first < counter.last, `${p.name}: "${counter.text}" shows out of order`);
    await screenshot(page, `hostile-${p.name}-tooltip`);
    await assertHostUntouched(p, page);
    assert.equal(await widget.card.getByRole('button', { name: word(p, 'close', 'Close this guide'), exact: true }).count(), 1);
    await widget.clickCentre(widget.button(word(p, 'next', 'Next')));
    await widget.waitForStep('tour/second');
    await widget.settle();
    const m2 = await widget.measure(p.second || '#target');
    assert.deepEqual(m2.covered, []);
    clean(checkCard(m2, p), `${p.name}: second tooltip placement`);
  },
  async hotspot(p, { page, widget }) {
    await widget.dot.waitFor({ state: 'visible' });
    await widget.settle();
    const m = await widget.measure();
    assert.deepEqual(m.covered, [], 'nothing covers the dot');
    clean(checkDot(m, p.rtl), `${p.name}: hotspot dot`);
    await widget.clickCentre(widget.dot);
    await widget.waitForStep('tips/dot');
    await widget.settle();
    const open = await widget.measure();
    assert.deepEqual(open.covered, [], 'nothing covers the open hotspot');
    clean(checkCard(open, { ...p, anchor: hotspotCardAnchor(open) }), `${p.name}: hotspot card placement`);
    await screenshot(page, `hostile-${p.name}-hotspot`);
    await assertHostUntouched(p, page);
    await widget.clickCentre(widget.button(word(p, 'done', 'Done')));
    await widget.dot.waitFor({ state: 'detached' });
  },
  async modal(p, { page, widget }) {
    await widget.waitForStep('news/hello');
    await widget.settle();
    const m = await widget.measure();
    assert.deepEqual(m.covered, [], 'nothing covers the modal');
    clean(checkModal(m), `${p.name}: modal`);
    await screenshot(page, `hostile-${p.name}-modal`);
    await assertHostUntouched(p, page);
    await widget.clickCentre(widget.button(word(p, 'next', 'Next')));
    await widget.waitForStep('news/bye');
  },
  async checklist(p, { page, widget }) {
    if (p.viewport && p.viewport.width < 640) {
      // On a phone the checklist starts as its launcher alone, covering nothing of the app.
      await widget.launcher.waitFor({ state: 'visible' });
      assert.equal(await widget.panel.isVisible(), false, 'the panel starts closed on a small screen');
      await widget.clickCentre(widget.launcher);
    }
    await widget.panel.waitFor({ state: 'visible' });
    await widget.settle();
    const m = await widget.measure();
    assert.deepEqual(m.covered, [], 'nothing covers the launcher or the panel');
    clean(checkLauncher(m, p.rtl), `${p.name}: checklist`);
    assert.equal(m.dir, p.rtl ? 'rtl' : 'ltr');
    await screenshot(page, `hostile-${p.name}-checklist`);
    await assertHostUntouched(p, page);
    await widget.clickCentre(widget.launcher);
    await widget.panel.waitFor({ state: 'hidden' });
    await widget.clickCentre(widget.launcher);
    await widget.panel.waitFor({ state: 'visible' });
  },
};

for (const p of PAGES) {
  for (const [surface, run] of Object.entries(SURFACES)) {
    test(`${p.name} page: the ${surface} is visible, in place, clickable, and leaves the host alone`, async () => {
      const opened = await open(p, surface);
      try {
        await run(p, opened);
        assert.deepEqual(errors(opened.consoleMessages), []);
      } finally {
        await opened.context.close();
      }
    });
  }
}

test('a tooltip follows its anchor when a scroll container scrolls and when the window is resized', async () => {
  const p = PAGES.find((x) => x.name === 'scroll');
  const { page, context, widget } = await open(p, 'tooltip');
  await widget.waitForStep('tour/first');
  const before = await widget.measure();
  await page.evaluate(() => { document.getElementById('box').scrollTop -= 60; });
  await widget.settle();
  const scrolled = await widget.measure();
  assert.ok(Math.abs(scrolled.anchor.y - before.anchor.y - 60) <= 1, 'the anchor moved down 60 px');
  clean(checkCard(scrolled, p), 'after scrolling the container');
  clean(checkSpotlight(scrolled), 'spotlight after scrolling the container');
  await page.mouse.move(300, 300);
  await page.mouse.wheel(0, 120);
  await widget.settle();
  clean(checkCard(await widget.measure(), p), 'after a wheel scroll');
  await page.setViewportSize({ width: 700, height: 520 });
  await widget.settle();
  const resized = await widget.measure();
  assert.equal(resized.viewport.width, 700);
  clean(checkCard(resized, p), 'after resizing the window');
  clean(checkSpotlight(resized), 'spotlight after resizing the window');
  await context.close();
});

test('a tooltip on a fixed header stays on it while the page scrolls under it', async () => {
  const p = PAGES.find((x) => x.name === 'sticky');
  const { page, context, widget } = await open(p, 'tooltip');
  await widget.waitForStep('tour/first');
  await page.evaluate(() => window.scrollBy(0, 400));
  await widget.settle();
  const m = await widget.measure();
  assert.deepEqual(m.covered, []);
  clean(checkCard(m, p), 'after scrolling the page');
  await context.close();
});
