// Back and Forward are instant when the browser keeps the page in its back/forward cache, and a
// single `unload` listener or a held connection takes that away from the whole app. The widget
// leaves its host page cacheable, and after the page comes back its tour and its events go on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startCollector, ROOT } from '../support/collector.mjs';
import { launch } from '../support/browser.mjs';

let collector;
let browser;
before(async () => {
  collector = await startCollector({ www: join(ROOT, 'tests/pages') });
  browser = await launch([], { backForwardCache: true });
});
after(async () => {
  await browser?.close();
  await collector?.stop();
});

// Leaves the page for another of the site and comes back: whether the same document (and its
// JavaScript state) returned, rather than a new load.
async function awayAndBack(page) {
  await page.evaluate(() => { window.beforeLeaving = true; });
  await page.goto(`${collector.url}/hostile/reset.html?surface=none&elsewhere`);
  await page.goBack({ waitUntil: 'commit' });
  await page.waitForFunction(() => document.readyState === 'complete');
  return page.evaluate(() => window.beforeLeaving === true);
}

test('the check tells a cacheable page from one that is not', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${collector.url}/hostile/reset.html?surface=none`);
  assert.equal(await awayAndBack(page), true, 'a plain page comes back from the cache');
  await page.evaluate(() => addEventListener('unload', () => {}));
  assert.equal(await awayAndBack(page), false, 'an unload listener keeps a page out of it');
  await context.close();
});

test('a page with a tour open comes back from the cache, and the tour and its events go on', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(5000);
  await page.goto(`${collector.url}/form.html`);
  await page.waitForFunction(() => window.wowpath && window.wowpath.loaded);
  await page.evaluate(() => wowpath('start', 'form-tour'));
  await page.locator('wowpath-root .card', { hasText: 'Your name' }).waitFor();
  await page.evaluate(() => wowpath('track', 'Before Leaving', { n: 1 }));

  assert.equal(await awayAndBack(page), true, 'the page came back from the back/forward cache');
  await page.locator('wowpath-root .card button.primary').click();
  await page.locator('wowpath-root .card', { hasText: 'Your email' }).waitFor();
  await page.evaluate(() => wowpath('track', 'After Coming Back', { n: 2 }).then(() => wowpath('flush')));

  const rows = await collector.waitFor(
    "SELECT event, json_extract(raw, '$.properties.step_id') AS step FROM events ORDER BY rowid",
    (r) => r.some((e) => e.event === 'After Coming Back') && r.some((e) => e.step === 'email'),
  );
  for (const name of ['Before Leaving', 'After Coming Back']) {
    assert.equal(rows.filter((r) => r.event === name).length, 1, `${name} stored once`);
  }
  await context.close();
});
