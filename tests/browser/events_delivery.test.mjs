// Each delivery rule on its own, in Chromium, against the real collector behind a proxy that
// answers what each test needs: splits on 413, drops on other 4xx, the 32 KB cap, consent,
// offline, unload beacons, message fields and the write key's header.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT } from '../support/collector.mjs';
import { withCollectorProxyAndBrowser } from '../support/suite.mjs';
import { eventsUrl, openEvents, trackRange, storedNs, sleep } from '../support/events.mjs';

const env = withCollectorProxyAndBrowser({ www: join(ROOT, 'tests/pages') });

// Each test has its own write key, so requests still coming from an earlier test's pages
// (closing a page sends its queue) are told apart.
let tests = 0;
let writeKey;
const sent = () => env.proxy.requests.filter((r) => r.writeKey === writeKey);
const fresh = async (options = {}) => {
  env.proxy.plan = () => 'pass';
  writeKey = `wk_${++tests}`;
  const context = await env.browser.newContext();
  const url = eventsUrl(env.collector, { endpoint: env.proxy.url, flush: 30, timeout: 1500, writeKey, ...options });
  return { context, ...(await openEvents(context, url)) };
};

const allStored = (name, count) =>
  env.collector.waitFor(
    `SELECT json_extract(raw, '$.properties.n') AS n FROM events WHERE event = '${name}'`,
    (rows) => rows.length >= count,
    15000,
  );

test('a 413 splits the batch until each part fits; nothing is lost', async () => {
  const { context, page } = await fresh({ flush: 2000 });
  env.proxy.plan = (body) => (body.length > 3000 ? '413' : 'pass');
  await trackRange(page, 'Split', 0, 30);
  await page.evaluate(() => window.wowpath('flush'));
  await allStored('Split', 30);
  const sizes = sent().map((r) => r.ids.length);
  assert.equal(sizes[0], 30, 'the first batch holds all 30');
  assert.ok(sent().some((r) => r.fault === '413'));
  assert.ok(sent().filter((r) => r.fault === 'pass').every((r) => r.bytes <= 3000));
  assert.deepEqual(storedNs(env.collector, 'Split').map((r) => r.copies), Array(30).fill(1));
  await context.close();
});

test('another 4xx drops that batch with a console error; later events still go', async () => {
  const { context, page, consoleMessages } = await fresh();
  env.proxy.plan = (body) => (body.includes(writeKey) ? '400' : 'pass');
  await trackRange(page, 'Refused', 0, 3);
  await page.evaluate(() => window.wowpath('flush'));
  env.proxy.plan = () => 'pass';
  await trackRange(page, 'Refused', 3, 5);
  await page.evaluate(() => window.wowpath('flush'));
  await allStored('Refused', 2);
  assert.deepEqual(storedNs(env.collector, 'Refused').map((r) => r.n), [3, 4]);
  assert.ok(consoleMessages.some((m) => m.type === 'error' && /refused 3 events with HTTP 400; they were dropped/.test(m.text)));
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':q:')).length), 0, 'nothing left queued');
  await context.close();
});

test('an event over 32 KB is refused, by its call or with a warning; the others are sent', async () => {
  const { context, page, consoleMessages } = await fresh();
  const outcomes = await page.evaluate(() => {
    const settle = (p) => p.then(() => 'resolved', (e) => e.message);
    return Promise.all([
      // Its properties alone are over: the call says so.
      settle(window.wowpath('track', 'Big', { n: 0, blob: 'x'.repeat(40 * 1024) })),
      // Only the context the widget adds takes it over: dropped with a warning.
      settle(window.wowpath('track', 'Big', { n: 1, blob: 'x'.repeat(32 * 1024 - 40) })),
      settle(window.wowpath('track', 'Big', { n: 2 })),
    ]);
  });
  assert.match(outcomes[0], /^wowpath: this track call was not carried out: its name and properties alone come to \d+ bytes/);
  assert.deepEqual(outcomes.slice(1), ['resolved', 'resolved']);
  await page.evaluate(() => window.wowpath('flush'));
  await allStored('Big', 1);
  assert.deepEqual(storedNs(env.collector, 'Big').map((r) => r.n), [2]);
  assert.ok(consoleMessages.some((m) => m.type === 'warning' && /event of \d+ bytes was dropped: events may be at most 32 KB/.test(m.text)));
  await context.close();
});

test('opted out, nothing is stored or sent; opted in again, events flow', async () => {
  const { context, page } = await fresh({ flush: 5000 });
  await trackRange(page, 'Consent', 0, 2);
  await page.evaluate(() => window.wowpath('optOut'));
  await trackRange(page, 'Consent', 2, 4);
  const queued = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':q:')));
  assert.deepEqual(queued, [], 'the queue is gone from storage');
  await page.evaluate(() => window.wowpath('flush'));
  // A second tab opened while opted out sends nothing either.
  const other = await openEvents(context, page.url());
  await trackRange(other.page, 'Consent', 4, 6);
  await other.page.evaluate(() => window.wowpath('flush'));
  await sleep(300);
  assert.equal(sent().length, 0, 'nothing was sent');
  await page.evaluate(() => window.wowpath('optIn'));
  await trackRange(page, 'Consent', 6, 8);
  await page.evaluate(() => window.wowpath('flush'));
  await allStored('Consent', 2);
  assert.deepEqual(storedNs(env.collector, 'Consent').map((r) => r.n), [6, 7]);
  await context.close();
});

test('honorPrivacySignals treats Global Privacy Control as an opt-out', async () => {
  writeKey = `wk_${++tests}`;
  const context = await env.browser.newContext();
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
  const { page } = await openEvents(context, eventsUrl(env.collector, { endpoint: env.proxy.url, flush: 30, privacy: 1, writeKey }));
  await trackRange(page, 'Private', 0, 3);
  await page.evaluate(() => window.wowpath('flush'));
  await sleep(300);
  assert.equal(sent().length, 0);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':q:'))), []);
  await context.close();
});

test('offline, sending pauses; back online, the queue goes out', async () => {
  const { context, page } = await fresh();
  await context.setOffline(true);
  await trackRange(page, 'Offline', 0, 25);
  await sleep(500);
  assert.equal(sent().length, 0, 'no request while offline');
  const stored = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.includes(':q:')).map(([, v]) => JSON.parse(v).events.length));
  assert.deepEqual(stored, [25], 'the queue waits in localStorage');
  await context.setOffline(false);
  await allStored('Offline', 25);
  await context.close();
});

test('on page hide the queue goes out by beacon, in chunks within the 64 KB budget', async () => {
  const { context, page } = await fresh({ flush: 60000 });
  // 15 events of about 3 KB: more than one 16 KB chunk, all within the budget.
  await trackRange(page, 'Unload', 0, 15, { pad: 'p'.repeat(3000) });
  await page.close({ runBeforeUnload: true });
  await allStored('Unload', 15);
  const beacons = sent();
  assert.ok(beacons.length >= 3, `sent in chunks (${beacons.length})`);
  assert.ok(beacons.every((r) => r.bytes <= 16 * 1024));
  assert.ok(beacons.reduce((sum, r) => sum + r.bytes, 0) <= 64 * 1024);
  await context.close();
});

test('messages carry Segment fields; the write key goes as Basic auth only where no preflight follows', async () => {
  // Served from the proxy's own origin: same-origin requests may carry the header.
  const { context, page } = await fresh();
  writeKey = 'wk_same';
  await page.goto(`${env.proxy.url}/events.html?flush=30&writeKey=wk_same`);
  await page.waitForFunction(() => window.wowpath.loaded === true);
  await page.evaluate(async () => {
    history.pushState({}, '', '/pricing?plan=team');
    await window.wowpath('identify', 'user-7', { email: 'u@example.com' });
    await window.wowpath('group', 'acme', { plan: 'team' });
    await window.wowpath('page', 'Pricing', { section: 'top' });
    await window.wowpath('flush');
  });
  const rows = await env.collector.waitFor("SELECT type, raw FROM events WHERE user_id = 'user-7' ORDER BY rowid", (r) => r.length >= 3);
  const byType = Object.fromEntries(rows.map((r) => [r.type, JSON.parse(r.raw)]));
  assert.equal(byType.page.name, 'Pricing');
  assert.deepEqual(byType.page.properties, { section: 'top' });
  assert.equal(byType.group.groupId, 'acme');
  assert.deepEqual(byType.group.traits, { plan: 'team' });
  assert.deepEqual(byType.identify.traits, { email: 'u@example.com' });
  const ctx = byType.page.context;
  assert.equal(ctx.page.path, '/pricing');
  assert.equal(ctx.page.search, '?plan=team');
  assert.equal(ctx.page.url, `${env.proxy.url}/pricing?plan=team`);
  assert.equal(ctx.page.title, 'events');
  assert.equal(ctx.library.name, 'wowpath');
  assert.ok(ctx.userAgent.includes('Chrome'));
  assert.ok(ctx.locale.length > 0);
  assert.ok(ctx.screen.width > 0 && ctx.screen.height > 0 && ctx.screen.density > 0);
  assert.match(byType.page.messageId, /^[0-9a-f-]{36}$/);
  const same = sent().at(-1);
  assert.equal(same.headers.authorization, `Basic ${Buffer.from('wk_same:').toString('base64')}`);
  assert.equal(same.headers['content-type'], 'text/plain;charset=UTF-8');

  // Cross-origin: no header, so no CORS preflight.
  env.proxy.preflights = 0;
  writeKey = 'wk_cross';
  await page.goto(eventsUrl(env.collector, { endpoint: env.proxy.url, flush: 30, writeKey }));
  await page.waitForFunction(() => window.wowpath.loaded === true);
  await trackRange(page, 'Cross', 0, 1);
  await page.evaluate(() => window.wowpath('flush'));
  await allStored('Cross', 1);
  assert.equal(sent().at(-1).headers.authorization, undefined);
  assert.equal(env.proxy.preflights, 0);
  await context.close();
});

test('gzip: true compresses batches for our env.collector, which stores them', async () => {
  const { context, page } = await fresh({ gzip: 1 });
  await trackRange(page, 'Zipped', 0, 30, { note: 'the same words again and again' });
  await page.evaluate(() => window.wowpath('flush'));
  await allStored('Zipped', 30);
  const zipped = env.proxy.requests.filter((r) => r.headers['content-encoding'] === 'gzip' && r.headers.authorization === `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`);
  assert.ok(zipped.length >= 1, 'sent gzipped, with the write key as Basic auth');
  const rows = env.collector.query("SELECT raw FROM events WHERE event = 'Zipped'");
  const plain = rows.reduce((s, r) => s + r.raw.length, 0);
  assert.ok(zipped.reduce((s, r) => s + r.bytes, 0) < plain / 4, 'much smaller than the JSON');
  await context.close();
});
