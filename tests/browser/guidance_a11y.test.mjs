// Accessibility of every surface in real Chromium: axe-core run against the widget's shadow
// root finds nothing; keyboard use (Tab, Esc, arrows, a modal's Tab trap), focus returned to
// the host element that had it, the live region, and prefers-reduced-motion.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startCollector, ROOT } from '../support/collector.mjs';
import { launch, openPage } from '../support/browser.mjs';
import { Widget } from '../support/widget.mjs';
import { eventually } from '../support/eventually.mjs';
import { axe } from '../support/axe.mjs';

let collector, browser;
before(async () => {
  collector = await startCollector({ www: join(ROOT, 'tests/pages') });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await collector?.stop();
});

async function open(pageName, surface, options = {}) {
  const { page, context } = await openPage(browser, options);
  page.setDefaultTimeout(8000);
  await page.goto(`${collector.url}/hostile/${pageName}.html?surface=${surface}`);
  return { page, context, widget: new Widget(page) };
}

const CASES = [
  ['checklist open', 'zindex', 'checklist', (w) => w.panel.waitFor({ state: 'visible' })],
  ['finished checklist', 'zindex', 'checklist', async (w) => {
    await w.panel.waitFor({ state: 'visible' });
    await w.page.evaluate(() => Promise.all(['Project Created', 'Teammate Invited', 'Report Shared'].map((e) => window.wowpath('track', e))));
    await w.page.locator('wowpath-root .finished').waitFor({ state: 'visible' });
  }],
  ['tooltip', 'zindex', 'tooltip', (w) => w.waitForStep('tour/first')],
  ['hotspot open', 'zindex', 'hotspot', async (w) => { await w.clickCentre(w.dot); await w.waitForStep('tips/dot'); }],
  ['modal', 'zindex', 'modal', (w) => w.waitForStep('news/hello')],
  ['right-to-left tooltip', 'rtl', 'tooltip', (w) => w.waitForStep('tour/first')],
  ['right-to-left checklist', 'rtl', 'checklist', (w) => w.panel.waitFor({ state: 'visible' })],
];

for (const [name, pageName, surface, ready] of CASES) {
  for (const scheme of ['light', 'dark']) {
    test(`axe-core finds no violation in the ${name} (${scheme})`, async () => {
      const { page, context, widget } = await open(pageName, surface, { colorScheme: scheme });
      await ready(widget);
      assert.deepEqual(await axe(page), []);
      await context.close();
    });
  }
}

test('a checklist item reads and shows in order: its title, what it is for, then its buttons', async () => {
  const { page, context, widget } = await open('zindex', 'checklist');
  await widget.panel.waitFor({ state: 'visible' });
  const item = await page.evaluate(() => {
    const li = document.querySelector('wowpath-root').shadowRoot.querySelector('li[data-step="two"]');
    const box = (sel) => li.querySelector(sel).getBoundingClientRect();
    return {
      order: [...li.children].map((e) => e.className),
      text: li.innerText.replace(/\s+/g, ' ').trim(),
      body: box('.body'),
      cta: box('.cta'),
    };
  });
  assert.deepEqual(item.order, ['check', 'title', 'body', 'cta']);
  assert.match(item.text, /^Invite a teammate.*Work is better together\. Go to Team$/);
  assert.ok(item.body.bottom <= item.cta.top, `the buttons (top ${item.cta.top}) sit below the text (bottom ${item.body.bottom})`);
  await context.close();
});

test('keyboard: Tab reaches the buttons, arrows move, Esc dismisses, focus returns to the host element', async () => {
  const { page, context, widget } = await open('zindex', 'tooltip&manual');
  await page.waitForFunction(() => window.wowpath.loaded);
  await page.focus('#target');
  await page.evaluate(() => window.wowpath('start', 'tour'));
  await widget.waitForStep('tour/first');
  assert.equal((await widget.focused()).inner, 'div.card', 'focus moved into the step');
  await page.keyboard.press('Tab');
  assert.match((await widget.focused()).inner, /button.*Next/);
  await page.keyboard.press('ArrowRight');
  await widget.waitForStep('tour/second');
  await page.keyboard.press('ArrowLeft');
  await widget.waitForStep('tour/first');
  await page.keyboard.press('Escape');
  await widget.card.waitFor({ state: 'detached' });
  assert.equal((await widget.focused()).host, '#target', 'focus is back on the host element');
  await context.close();
});

test('keyboard: a modal keeps Tab inside itself', async () => {
  const { page, context, widget } = await open('zindex', 'modal');
  await widget.waitForStep('news/hello');
  const seen = new Set();
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    const f = await widget.focused();
    assert.equal(f.host, 'wowpath-root', `Tab ${i + 1} left the modal`);
    seen.add(f.inner);
  }
  assert.ok(seen.size >= 2, `Tab cycles through the modal's controls: ${[...seen]}`);
  await page.keyboard.press('Shift+Tab');
  assert.equal((await widget.focused()).host, 'wowpath-root');
  await context.close();
});

test('the live region announces each step', async () => {
  const { context, widget } = await open('zindex', 'tooltip');
  await widget.waitForStep('tour/first');
  assert.equal(await widget.live.textContent(), 'Step 1 of 2: Tour step 1');
  await widget.clickCentre(widget.button('Next'));
  await eventually(async () => assert.equal(await widget.live.textContent(), 'Step 2 of 2: Tour step 2'));
  await context.close();
});

for (const motion of ['no-preference', 'reduce']) {
  test(`prefers-reduced-motion: ${motion}`, async () => {
    const { page, context, widget } = await open('zindex', 'hotspot', { reducedMotion: motion });
    await widget.dot.waitFor({ state: 'visible' });
    const running = await page.evaluate(() => document.querySelector('wowpath-root').shadowRoot.getAnimations().length);
    if (motion === 'reduce') assert.equal(running, 0, 'nothing moves');
    else assert.ok(running > 0, 'the hotspot pulses');
    await context.close();
  });
}

test('forced colours (Windows contrast themes): the launcher keeps an edge and progress stays visible', async () => {
  const { page, context, widget } = await open('zindex', 'checklist', { forcedColors: 'active' });
  await widget.panel.waitFor({ state: 'visible' });
  const looks = await page.evaluate(() => {
    const root = document.querySelector('wowpath-root').shadowRoot;
    const css = (sel) => getComputedStyle(root.querySelector(sel));
    const launcher = css('.launcher');
    const box = root.querySelector('.launcher').getBoundingClientRect();
    return {
      edge: `${launcher.borderTopStyle} ${launcher.borderTopWidth}`,
      edgeColour: launcher.borderTopColor,
      pageColour: getComputedStyle(document.body).backgroundColor,
      barEdge: css('.bar').borderTopStyle,
      fill: css('.bar > i').backgroundColor,
      barBack: css('.bar').backgroundColor,
      size: [Math.round(box.width), Math.round(box.height)],
    };
  });
  assert.equal(looks.edge, 'solid 1px');
  assert.notEqual(looks.edgeColour, looks.pageColour, 'the edge shows against the page');
  assert.equal(looks.barEdge, 'solid');
  assert.notEqual(looks.fill, looks.barBack, 'the progress fill differs from its track');
  // The same pill as without forced colours: the edge takes the padding's place.
  const { page: plain, context: plainContext, widget: plainWidget } = await open('zindex', 'checklist');
  await plainWidget.panel.waitFor({ state: 'visible' });
  const plainSize = await plain.evaluate(() => {
    const b = document.querySelector('wowpath-root').shadowRoot.querySelector('.launcher').getBoundingClientRect();
    return [Math.round(b.width), Math.round(b.height)];
  });
  assert.deepEqual(looks.size, plainSize);
  await plainContext.close();
  await context.close();
});
