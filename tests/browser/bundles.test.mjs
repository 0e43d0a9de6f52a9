// pkg/ ships two bundles: loader.js (the snippet's whole widget JS) and index.js (the npm
// entry). Each must work on its own, and the snippet must cost exactly two requests, plus the
// validator's two for a guide file without a stamp (validator_module.test.mjs shows a stamped
// file costing none).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT } from '../support/collector.mjs';
import { openPage } from '../support/browser.mjs';
import { withCollectorAndBrowser } from '../support/suite.mjs';

const env = withCollectorAndBrowser({ www: join(ROOT, 'tests/pages') });

test('the snippet loads the widget in two requests, and the validator in two more for unstamped guides', async () => {
  const { page, consoleMessages } = await openPage(env.browser);
  const widgetRequests = [];
  page.on('request', (r) => r.url().includes('/pkg/') && widgetRequests.push(new URL(r.url()).pathname));
  await page.goto(`${env.collector.url}/snippet-twice.html`);
  await page.waitForFunction(() => window.wowpath.loaded === true);
  await page.evaluate(() => window.early);
  // This page's guides are inline and unstamped, so the validator is fetched too, once.
  await page.waitForFunction(() => document.querySelector('wowpath-root'));
  assert.deepEqual(widgetRequests.sort(), ['/pkg/loader.js', '/pkg/wowpath_bg.wasm', '/pkg/wowpath_check.js', '/pkg/wowpath_check_bg.wasm']);
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
});

test('the npm entry works on its own: init, track and flush reach the collector', async () => {
  const { page, consoleMessages } = await openPage(env.browser);
  await page.goto(`${env.collector.url}/npm-entry.html`);
  assert.equal(await page.evaluate(() => window.done), 'ok');
  const rows = await env.collector.waitFor("SELECT event FROM events WHERE event = 'From npm'", (r) => r.length >= 1);
  assert.equal(rows.length, 1);
  assert.ok(!consoleMessages.some((m) => m.type === 'pageerror'));
});
