// The snippet: calls made before the widget loads are replayed in order, pasting it twice
// loads the widget once, and mistakes are reported without breaking the host page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withCollectorAndBrowser } from '../support/suite.mjs';
import { join } from 'node:path';
import { ROOT } from '../support/collector.mjs';
import { openPage } from '../support/browser.mjs';
import { eventually } from '../support/eventually.mjs';

const env = withCollectorAndBrowser({ www: join(ROOT, 'tests/pages') });

test('the snippet pasted twice loads the widget once and replays early calls in order', async () => {
  const { page, consoleMessages } = await openPage(env.browser);
  const loaderRequests = [];
  page.on('request', (r) => r.url().endsWith('/pkg/loader.js') && loaderRequests.push(r.url()));
  await page.goto(`${env.collector.url}/snippet-twice.html`);
  await page.waitForFunction(() => window.wowpath.loaded === true);
  assert.equal(await page.evaluate(() => window.early.then(() => 'resolved')), 'resolved');
  // A reference kept to the stub still reaches the widget after it has loaded.
  await page.evaluate(() => window.kept('track', 'C', { n: 3 }));
  await page.evaluate(() => window.wowpath('flush'));
  const rows = await env.collector.waitFor("SELECT event FROM events WHERE type = 'track' AND event IN ('A','B','C') ORDER BY rowid", (r) => r.length >= 3);
  assert.deepEqual(rows.map((r) => r.event), ['A', 'B', 'C']);
  assert.equal(loaderRequests.length, 1);
  assert.equal(await page.locator('wowpath-root').count(), 1);
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'error'), []);
});

test('bad calls reject with a clear message, log it, and leave the host page working', async () => {
  const { page, consoleMessages } = await openPage(env.browser);
  await page.goto(`${env.collector.url}/snippet-twice.html`);
  await page.waitForFunction(() => window.wowpath.loaded === true);
  const outcomes = await page.evaluate(async () => {
    const settle = (p) => p.then(() => 'resolved', (e) => e.message);
    return [
      await settle(window.wowpath('fly')),
      await settle(window.wowpath('track')),
      await settle(window.wowpath('track', 'X', 'not an object')),
      await settle(window.wowpath('identify', '')),
      await settle(window.wowpath('init', { writeKey: 'again' })),
    ];
  });
  assert.match(outcomes[0], /unknown command "fly"; expected one of .*track/);
  assert.match(outcomes[1], /event name must be a non-empty string/);
  assert.match(outcomes[2], /track properties must be an object, not a string/);
  assert.match(outcomes[3], /user id must be a non-empty string/);
  assert.equal(outcomes[4], 'resolved');
  await eventually(() => assert.ok(consoleMessages.some((m) => m.type === 'warning' && /init was called more than once/.test(m.text))));
  assert.ok(consoleMessages.some((m) => m.type === 'error' && /unknown command "fly"/.test(m.text)));
  assert.ok(!consoleMessages.some((m) => m.type === 'pageerror'), 'no uncaught exception reaches the page');
  await page.click('#host-button');
  assert.equal(await page.textContent('#host-button'), 'clicked');
});

test('init options that cannot work are refused with the reason, and a corrected init then runs', async () => {
  const { page, consoleMessages } = await openPage(env.browser);
  await page.goto(`${env.collector.url}/bench.html`);
  const outcomes = await page.evaluate(async () => {
    const wowpath = await import('/pkg/index.js');
    const settle = (p) => p.then(() => 'resolved', (e) => e.message);
    const file = { version: 1, guides: [{ id: 'g', title: 'Try it', steps: [{ id: 'a', title: 'Do A', complete_when: { event: 'A' } }] }] };
    const refused = [
      await settle(wowpath.init({ writeKey: 'wk', endpoint: 'collect.example.com' })),
      await settle(wowpath.init({ writeKey: 'wk', endpoint: 'https://collect.example.com/?k=1' })),
      await settle(wowpath.init({ writeKey: 'wk', requestTimeoutMs: 0 })),
      await settle(wowpath.init({ writeKey: 'wk', guides: file, guidesUrl: '/guides.json' })),
    ];
    const corrected = await settle(wowpath.init({ writeKey: 'options-test', flushAfterMs: 50, guides: file }));
    return { refused, corrected, completed: await settle(wowpath.complete('g/a')) };
  });
  assert.match(outcomes.refused[0], /^wowpath: init options: `endpoint` "collect\.example\.com" is neither an http\(s\) URL nor a path on this site; give the collector's base URL/);
  assert.match(outcomes.refused[1], /`endpoint` "https:\/\/collect\.example\.com\/\?k=1" has a query or fragment/);
  assert.match(outcomes.refused[2], /`requestTimeoutMs` is 0 but must be at least 1000/);
  assert.match(outcomes.refused[3], /give either `guides` \(the file itself\) or `guidesUrl` \(where to fetch it\), not both/);
  assert.equal(outcomes.corrected, 'resolved');
  assert.equal(outcomes.completed, 'resolved', 'the corrected init runs the guides');
  assert.ok(!consoleMessages.some((m) => m.type === 'pageerror'));
  assert.ok(!consoleMessages.some((m) => /init was called more than once/.test(m.text)), 'a refused init is not counted');
});

test('an event too large to send is refused by its call, and changes nothing', async () => {
  const { page, consoleMessages } = await openPage(env.browser);
  await page.goto(`${env.collector.url}/snippet-twice.html`);
  await page.waitForFunction(() => window.wowpath.loaded === true);
  await page.locator('wowpath-root li[data-step="a"].done').waitFor();
  const outcomes = await page.evaluate(async () => {
    const settle = (p) => p.then(() => 'resolved', (e) => e.message);
    const big = { notes: 'x'.repeat(40_000) };
    const wide = { notes: '€'.repeat(11_000) }; // 11,000 characters, 33,000 bytes
    return {
      track: await settle(window.wowpath('track', 'Z', big)),
      trackWide: await settle(window.wowpath('track', 'Z', wide)),
      identify: await settle(window.wowpath('identify', 'user-big', big)),
      group: await settle(window.wowpath('group', 'acme', big)),
      page: await settle(window.wowpath('page', 'Home', big)),
      // Just under the limit: carried out as usual.
      fits: await settle(window.wowpath('track', 'Fits', { notes: 'y'.repeat(30_000) })),
      pageFits: await settle(window.wowpath('page', 'Fits')),
    };
  });
  for (const call of ['track', 'identify', 'group', 'page']) {
    assert.match(outcomes[call], new RegExp(`^wowpath: this ${call} call was not carried out: its name and properties alone come to \\d+ bytes of JSON, and an event may be at most 32 KB`), call);
  }
  assert.match(outcomes.trackWide, /come to 33\d{3} bytes/);
  assert.equal(outcomes.fits, 'resolved');
  await page.evaluate(() => window.wowpath('flush'));
  await env.collector.waitFor("SELECT type FROM events WHERE event = 'Fits' OR json_extract(raw, '$.name') = 'Fits'", (r) => r.length === 2);
  // The refused `track('Z')` did not complete the step it names, and nothing refused was sent.
  assert.equal(await page.locator('wowpath-root li[data-step="b"].done').count(), 0);
  const sent = await env.collector.query("SELECT type, event, user_id FROM events WHERE event = 'Z' OR user_id = 'user-big' OR type = 'group' OR (type = 'page' AND json_extract(raw, '$.name') = 'Home')");
  assert.deepEqual(sent, []);
  assert.ok(!consoleMessages.some((m) => m.type === 'pageerror'));
});

test('identify refuses a userHash that cannot be an HMAC-SHA256 in hex, naming what is wrong', async () => {
  const { page } = await openPage(env.browser);
  await page.goto(`${env.collector.url}/snippet-twice.html`);
  await page.waitForFunction(() => window.wowpath.loaded === true);
  const outcomes = await page.evaluate(async () => {
    const settle = (p) => p.then(() => 'resolved', (e) => e.message);
    return [
      await settle(window.wowpath('identify', 'ada', {}, { userHash: 'q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=' })),
      await settle(window.wowpath('identify', 'ada', {}, { userHash: 'z'.repeat(64) })),
      await settle(window.wowpath('identify', 'ada', {}, 'f'.repeat(64))),
      await settle(window.wowpath('identify', 'ada', {}, { userHash: 'AB'.repeat(32) })),
    ];
  });
  assert.match(outcomes[0], /^wowpath: identify's userHash is 44 characters long; it must be the 64 hex digits of HMAC-SHA256\(identity secret, userId\), computed on your server$/);
  assert.match(outcomes[1], /userHash contains 'z', which is not a hex digit/);
  assert.match(outcomes[2], /identify's third argument is an options object, \{ userHash \}, not a string/);
  assert.equal(outcomes[3], 'resolved');
});
