// Apps wrap `fetch` to add a CSRF token or their cookies to every request, and the widget's
// requests go through the wrapper too. Cross-origin, that turns the widget's simple request into
// one the browser first asks the collector about (a CORS preflight); the collector must say yes
// to whatever headers and credentials the app adds, or every event would be refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT } from '../support/collector.mjs';
import { withCollectorAndBrowser } from '../support/suite.mjs';
import { eventsUrl, openEvents, trackRange, storedNs } from '../support/events.mjs';

const env = withCollectorAndBrowser({ www: join(ROOT, 'tests/pages') });

test("events reach a collector on another origin through the app's own fetch wrapper", async () => {
  // The same collector under a second name: `localhost` and `127.0.0.1` are two origins.
  const collectorElsewhere = env.collector.url.replace('127.0.0.1', 'localhost');
  const context = await env.browser.newContext({ permissions: ['local-network-access'] });
  const url = eventsUrl(env.collector, { endpoint: collectorElsewhere, wrapFetch: 1, writeKey: 'host-fetch' });
  const { page, consoleMessages } = await openEvents(context, url);
  const sentWithToken = [];
  page.on('request', (r) => { if (r.method() === 'POST' && r.url().includes('/v1/batch')) sentWithToken.push(r.headers()['x-csrf-token']); });
  await trackRange(page, 'Through The Wrapper', 0, 3);
  await page.evaluate(() => window.wowpath('flush'));
  const stored = await env.collector.waitFor(
    "SELECT COUNT(*) AS n FROM events WHERE event = 'Through The Wrapper'",
    (rows) => rows[0].n >= 3,
    10000,
  ).catch(() => null);
  assert.ok(sentWithToken.includes('app-token'), `the widget's requests went through the app's wrapper: ${sentWithToken}`);
  assert.ok(stored, `stored ${JSON.stringify(await storedNs(env.collector, 'Through The Wrapper'))}; console: ${JSON.stringify(consoleMessages)}`);
  assert.deepEqual((await storedNs(env.collector, 'Through The Wrapper')).map((r) => [r.n, r.copies]), [[0, 1], [1, 1], [2, 1]]);
  await context.close();
});
