// The engine's browser adapter in real Chromium: History-API navigation (with and without the
// Navigation API), clicks, late elements, form fields, and storage that is full or blocked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withCollectorAndBrowser } from '../support/suite.mjs';
import { join } from 'node:path';
import { ROOT } from '../support/collector.mjs';
import { openPage } from '../support/browser.mjs';
import { eventually } from '../support/eventually.mjs';

const env = withCollectorAndBrowser({ www: join(ROOT, 'tests/pages') });

const done = (page) => page.locator('wowpath-root li.done').evaluateAll((els) => els.map((e) => e.dataset.step).sort());
const errors = (messages) => messages.filter((m) => m.type === 'pageerror' || (m.type === 'error' && !/favicon/.test(m.text)));

async function open(initScript, query = '', ready = 'wowpath-root li[data-step="hello"]') {
  const { page, context, consoleMessages } = await openPage(env.browser);
  if (initScript) await context.addInitScript(initScript);
  await page.goto(`${env.collector.url}/spa.html${query}`);
  await page.locator(ready).waitFor();
  return { page, consoleMessages };
}

async function walkThrough(page) {
  await page.click('#hello');
  await page.locator('.late-chart').waitFor();
  await page.click('#nav-settings');
  await page.fill('#name', 'Ada');
  await page.goBack();
  await page.locator('#hello').waitFor();
}

for (const [name, initScript] of [
  ['with the Navigation API', null],
  ['with only the History API', () => Object.defineProperty(window, 'navigation', { value: undefined, configurable: true })],
]) {
  test(`URL, click, late element and field triggers complete steps ${name}, and the host router is untouched`, async () => {
    const { page, consoleMessages } = await open(initScript);
    await walkThrough(page);
    await eventually(async () => assert.deepEqual(await done(page), ['hello', 'late', 'name', 'visit-settings']));
    // The host's own handlers ran once per action, its router rendered once per navigation.
    assert.equal(await page.textContent('#clicks'), '1');
    assert.equal(await page.textContent('#renders'), '3');
    assert.equal(await page.evaluate(() => location.pathname), '/spa.html', 'back where it started');
    const state = await page.evaluate(() => { history.pushState({ n: 7 }, '', '/spa/x'); return history.state; });
    assert.deepEqual(state, { n: 7 }, 'pushState still stores the host state');
    assert.deepEqual(errors(consoleMessages), []);
  });
}

test('a tooltip waits for an anchor that renders late, and a missing anchor is reported, not fatal', async () => {
  const { page } = await open(null, '?tour=1&late=manual', '#hello');
  const card = page.locator('wowpath-root .card');
  await page.waitForFunction(() => window.wowpath.loaded);
  await page.waitForTimeout(300);
  assert.equal(await card.count(), 0, 'nothing to point at yet');
  await page.evaluate(() => window.renderLate());
  await card.waitFor({ timeout: 5000 });
  assert.match(await card.textContent(), /Your chart/);

  const missing = await open(null, '?missing=1', '#hello');
  await missing.page.locator('wowpath-root .card', { hasText: 'Say hello here' }).waitFor({ timeout: 5000 });
  const rows = await env.collector.waitFor(
    "SELECT raw FROM events WHERE event = 'Onboarding Target Missing'",
    (r) => r.some((x) => JSON.parse(x.raw).properties.selector === '#never-there'),
  );
  const props = JSON.parse(rows.find((x) => JSON.parse(x.raw).properties.selector === '#never-there').raw).properties;
  assert.equal(props.step_id, 'ghost');
  assert.equal(props.hidden_matches, 0, 'nothing matched at all');
  assert.match(props.url, /^\/spa/);
});

// The gap between a card and its anchor along the axis it sits on: 0 to 24 px when it points at it.
const gapTo = (page, anchorSelector) => page.evaluate((sel) => {
  const c = document.querySelector('wowpath-root').shadowRoot.querySelector('.card').getBoundingClientRect();
  const b = document.querySelector(sel).getBoundingClientRect();
  return Math.max(c.top - b.bottom, b.top - c.bottom, c.left - b.right, b.left - c.right);
}, anchorSelector);

test('a tooltip points at the rendered copy of its anchor, not a hidden one earlier in the page', async () => {
  const { page, consoleMessages } = await open(null, '?responsive=1', '#hello');
  const card = page.locator('wowpath-root .card', { hasText: 'Export here' });
  await card.waitFor({ timeout: 5000 });
  assert.equal(await card.evaluate((c) => getComputedStyle(c).visibility), 'visible');
  const gap = await gapTo(page, '#desktop-export');
  assert.ok(gap >= 0 && gap <= 24, `card ${gap} px from the visible button`);
  assert.deepEqual(errors(consoleMessages), []);
});

test('an anchor that only exists hidden is reported with its hidden matches, and shows once opened', async () => {
  const { page } = await open(null, '?folded=1', '#hello');
  const rows = await env.collector.waitFor(
    "SELECT raw FROM events WHERE event = 'Onboarding Target Missing'",
    (r) => r.some((x) => JSON.parse(x.raw).properties.selector === '.menu-export'),
  );
  const props = JSON.parse(rows.find((x) => JSON.parse(x.raw).properties.selector === '.menu-export').raw).properties;
  assert.equal(props.hidden_matches, 1, 'the selector is right; the element was hidden');
  const card = page.locator('wowpath-root .card', { hasText: 'Export from the menu' });
  assert.equal(await card.count(), 0);
  await page.evaluate(() => { document.getElementById('menu').hidden = false; });
  await card.waitFor({ timeout: 5000 });
  const gap = await gapTo(page, '.menu-export');
  assert.ok(gap >= 0 && gap <= 24, `card ${gap} px from the opened menu's button`);
});

test('when the host swaps its <body> (as Turbo does on each visit) the widget comes back and keeps working', async () => {
  const { page, consoleMessages } = await open(null, '?late=60000');
  for (const swap of [
    () => {
      const body = document.createElement('body');
      body.innerHTML = '<main id="view"><button id="hello" type="button">Hello</button></main><output id="clicks">0</output><output id="renders">0</output>';
      document.documentElement.replaceChild(body, document.body);
    },
    () => { document.body.innerHTML = '<main id="view"><button id="hello" type="button">Hello again</button></main><output id="clicks">0</output><output id="renders">0</output>'; },
  ]) {
    await page.evaluate(swap);
    await page.locator('wowpath-root li[data-step="hello"]').waitFor({ timeout: 2000 });
    assert.ok(await page.locator('wowpath-root .panel').isVisible(), 'the checklist is back on screen');
    assert.equal(await page.evaluate(() => document.querySelector('wowpath-root').shadowRoot.querySelector('.root').matches(':popover-open')), true, 'in the top layer again');
  }
  await page.click('#hello');
  await eventually(async () => assert.deepEqual(await done(page), ['hello']));
  assert.deepEqual(errors(consoleMessages), []);
});

test('a step pointing into the host\'s modal dialog shows above it, usable, and the widget returns after', async () => {
  const { page, context, consoleMessages } = await openPage(env.browser);
  await page.goto(`${env.collector.url}/dialog.html`);
  await page.waitForFunction(() => window.wowpath && window.wowpath.loaded);
  await page.click('#open');
  const card = page.locator('wowpath-root .card', { hasText: 'Save your settings' });
  await card.waitFor({ timeout: 5000 });
  await page.waitForTimeout(100);
  // Nothing of the dialog's (its backdrop included) covers the card, and it points at Save.
  const top = await card.evaluate((c) => {
    const r = c.getBoundingClientRect();
    return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)?.localName;
  });
  assert.equal(top, 'wowpath-root');
  const gap = await gapTo(page, '#save');
  assert.ok(gap >= 0 && gap <= 24, `card ${gap} px from Save`);
  // A real click on the card's button works: outside the dialog it would be inert.
  const done = card.locator('button.primary');
  const box = await done.boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await card.waitFor({ state: 'detached', timeout: 5000 });
  await page.click('#save');
  // With the dialog closed the widget is back at the end of <body>, on screen and clickable.
  await eventually(async () => assert.equal(await page.evaluate(() => document.querySelector('wowpath-root').parentElement.localName), 'body'));
  const launcher = page.locator('wowpath-root .launcher');
  await launcher.waitFor();
  await launcher.click();
  await page.locator('wowpath-root .panel').waitFor({ state: 'hidden' });
  assert.deepEqual(errors(consoleMessages), []);
  await context.close();
});

test('on a short screen a long step scrolls its text and keeps its title and buttons in view', async () => {
  const { page, context } = await openPage(env.browser, { viewport: { width: 720, height: 320 } });
  await page.goto(`${env.collector.url}/spa.html?long=1&late=60000`);
  const card = page.locator('wowpath-root .card', { hasText: 'Say hello' });
  await card.waitFor({ timeout: 5000 });
  await page.waitForTimeout(100);
  const m = await card.evaluate((c) => {
    const r = c.getBoundingClientRect();
    const body = c.querySelector('.body');
    const next = c.querySelector('button.primary').getBoundingClientRect();
    return {
      top: r.top, bottom: r.bottom, height: innerHeight,
      scrolls: body.scrollHeight > body.clientHeight + 1,
      nextHit: document.elementFromPoint(next.x + next.width / 2, next.y + next.height / 2)?.localName,
      nextInView: next.top >= 0 && next.bottom <= innerHeight,
    };
  });
  assert.ok(m.top >= 0 && m.bottom <= m.height, `card ${m.top}–${m.bottom} within 0–${m.height}`);
  assert.ok(m.scrolls, 'the body scrolls');
  assert.ok(m.nextInView && m.nextHit === 'wowpath-root', `Next in view and on top: ${JSON.stringify(m)}`);
  const next = card.locator('button.primary');
  const box = await next.boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.locator('wowpath-root .card', { hasText: 'Next one' }).waitFor();
  await context.close();
});

test('when the app switches <html lang>, the guidance follows it, the open step included', async () => {
  const { page, context, consoleMessages } = await openPage(env.browser);
  await page.goto(`${env.collector.url}/spa.html?i18n=1&late=60000`);
  const card = page.locator('wowpath-root .card');
  await card.locator('h2', { hasText: 'Say hello to everyone' }).waitFor({ timeout: 5000 });
  assert.equal(await card.locator('button.primary').textContent(), 'Next');
  await page.evaluate(() => { document.documentElement.lang = 'fr'; });
  await card.locator('h2', { hasText: 'Dites bonjour à tous' }).waitFor({ timeout: 2000 });
  assert.equal(await card.locator('button.primary').textContent(), 'Suivant');
  // Still the same step of the same tour: the switch moved nothing on.
  assert.equal(await card.getAttribute('data-step'), 'lang-tour/hi');
  await page.evaluate(() => { document.documentElement.lang = 'en-GB'; });
  await card.locator('h2', { hasText: 'Say hello to everyone' }).waitFor({ timeout: 2000 });
  assert.equal(await card.locator('button.primary').textContent(), 'Next');
  assert.deepEqual(errors(consoleMessages), []);
  await context.close();
});

test('with localStorage full, the widget keeps working in memory and leaves the host data alone', async () => {
  const fill = () => {
    localStorage.setItem('host-data', 'precious');
    const chunk = 'x'.repeat(256 * 1024);
    try { for (let i = 0; i < 1000; i++) localStorage.setItem(`filler-${i}`, chunk); } catch (e) { /* full */ }
  };
  const { page, consoleMessages } = await open(fill, '?late=60000');
  await page.click('#hello');
  await eventually(async () => assert.deepEqual(await done(page), ['hello']));
  assert.equal(await page.evaluate(() => localStorage.getItem('host-data')), 'precious');
  assert.deepEqual(errors(consoleMessages), []);
});

test('with localStorage blocked, the widget keeps working and nothing throws into the page', async () => {
  const block = () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  const { page, consoleMessages } = await open(block, '?late=60000');
  await page.click('#hello');
  await eventually(async () => assert.deepEqual(await done(page), ['hello']));
  assert.deepEqual(errors(consoleMessages), []);
});
