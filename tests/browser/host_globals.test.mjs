// Older apps and their libraries extend the built-ins: enumerable additions to Object.prototype
// and Array.prototype (MooTools-style `each`, `contains`), which every `for…in` loop then sees.
// The widget loads, guides and sends events on such a page as on any other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { withCollectorAndBrowser } from '../support/suite.mjs';
import { ROOT } from '../support/collector.mjs';
import { openPage } from '../support/browser.mjs';

const env = withCollectorAndBrowser({ www: join(ROOT, 'tests/pages') });

const EXTENDED_BUILT_INS = () => {
  Object.prototype.extend = function (more) { return Object.assign(this, more); };
  Object.prototype.owner = 'app';
  Array.prototype.each = function (f) { this.forEach(f); };
  Array.prototype.contains = function (x) { return this.indexOf(x) >= 0; };
};

test('on a page that extends Object.prototype and Array.prototype, tours run and events arrive', async () => {
  const { page, context, consoleMessages } = await openPage(env.browser);
  page.setDefaultTimeout(5000);
  await page.addInitScript(EXTENDED_BUILT_INS);
  await page.goto(`${env.collector.url}/form.html`);
  await page.waitForFunction(() => window.wowpath && window.wowpath.loaded);
  await page.evaluate(() => wowpath('start', 'form-tour'));
  await page.locator('wowpath-root .card', { hasText: 'Your name' }).waitFor();
  await page.locator('wowpath-root .card button.primary').click();
  await page.locator('wowpath-root .card', { hasText: 'Your email' }).waitFor();
  await page.evaluate(() => wowpath('track', 'Profile Opened', { from: 'menu' }).then(() => wowpath('flush')));
  await env.collector.waitFor(
    "SELECT event, json_extract(raw, '$.properties.step_id') AS step FROM events ORDER BY rowid",
    (rows) => rows.some((e) => e.event === 'Profile Opened') && rows.some((e) => e.step === 'email'),
  );
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
  await context.close();
});

test("the snippet's commands are exactly the npm module's functions", async () => {
  const { page, context } = await openPage(env.browser);
  await page.goto(`${env.collector.url}/form.html`);
  await page.waitForFunction(() => window.wowpath && window.wowpath.loaded);
  const { snippet, npm } = await page.evaluate(async () => {
    const refused = await wowpath('no-such-command').catch((e) => e.message);
    const module = await import('/pkg/index.js');
    return {
      snippet: refused.replace(/.*expected one of /, '').split(', ').sort(),
      npm: Object.keys(module).filter((name) => name[0] !== '_').sort(),
    };
  });
  assert.deepEqual(snippet, npm);
  await context.close();
});
