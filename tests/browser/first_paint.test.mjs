// The events a guide's start produces wait until it has been drawn (src/runtime/first_paint.rs),
// so a first visit shows the first guide sooner. Nothing else about them changes: each is sent
// with the time it happened, in the order it happened, ahead of whatever the page sends next,
// and the page's `on(...)` listeners hear every one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/collector.mjs';
import { openPage } from '../support/browser.mjs';
import { withCollectorAndBrowser } from '../support/suite.mjs';
import { eventually } from '../support/eventually.mjs';

const env = withCollectorAndBrowser({ www: join(ROOT, 'tests/pages') });
const STAMPED = readFileSync(join(ROOT, 'tests/pages/stamped-guides.json'), 'utf8');
const STARTED = ['Onboarding Group Assigned', 'Onboarding Guide Started', 'Onboarding Step Viewed'];

/** Notes when the first step is drawn (the MutationObserver's microtask right after the
 * drawing task) and what the page's listener had heard by then; `trackOnDraw`: the page
 * tracks an event of its own at that moment. */
const watch = (trackOnDraw) => {
  window.seen = { heard: [] };
  window.wowpath('on', '*', (_, event) => window.seen.heard.push(event));
  const drawn = (host) => {
    if (window.seen.drawnAt || !host.shadowRoot || !host.shadowRoot.querySelector('.card')) return;
    window.seen.drawnAt = Date.now();
    window.seen.heardAtDraw = [...window.seen.heard];
    if (trackOnDraw) window.wowpath('track', 'Host Saw The Guide');
  };
  new MutationObserver(() => {
    const host = document.querySelector('wowpath-root');
    if (host) drawn(host);
  }).observe(document, { childList: true, subtree: true });
};

async function firstVisit({ trackOnDraw = false } = {}) {
  const { page, context, consoleMessages } = await openPage(env.browser);
  page.setDefaultTimeout(8000);
  // Only this visit's events: the page and this process read the same clock.
  const since = Date.now();
  await page.goto(`${env.collector.url}/validator.html`);
  await page.evaluate(watch, trackOnDraw);
  await page.evaluate((guides) => window.wowpath('init', { writeKey: 'first-paint', flushAfterMs: 60000, guides }), STAMPED);
  await page.locator('wowpath-root .card').waitFor();
  await eventually(async () => {
    const heard = await page.evaluate(() => window.seen.heard);
    for (const event of STARTED) assert.ok(heard.includes(event), `heard ${event}: ${heard}`);
  });
  await page.evaluate(() => window.wowpath('flush'));
  const seen = await page.evaluate(() => window.seen);
  const rows = await env.collector.query(
    `SELECT rowid AS row, event, timestamp_ms AS at FROM events WHERE timestamp_ms >= ${since} ORDER BY rowid`,
  );
  return { context, consoleMessages, seen, rows };
}

test('the first guide is drawn before its start events are written, each sent with the time it happened', async () => {
  const { context, consoleMessages, seen, rows } = await firstVisit();
  assert.deepEqual(seen.heardAtDraw, [], 'no onboarding event had been told to the page when the step was drawn');
  for (const event of STARTED) {
    const row = rows.find((r) => r.event === event);
    assert.ok(row, `${event} was stored: ${JSON.stringify(rows)}`);
    assert.ok(row.at <= seen.drawnAt, `${event} carries when it happened (${row.at}), not when it was sent (drawn at ${seen.drawnAt})`);
  }
  assert.deepEqual(rows.map((r) => r.event).filter((e) => STARTED.includes(e)), STARTED, 'in the order they happened');
  assert.deepEqual(consoleMessages.filter((m) => ['error', 'warning', 'pageerror'].includes(m.type)), []);
  await context.close();
});

test('a call from the page while start events wait lets them go first', async () => {
  const { context, rows } = await firstVisit({ trackOnDraw: true });
  const host = rows.find((r) => r.event === 'Host Saw The Guide');
  assert.ok(host, `the page's event was stored: ${JSON.stringify(rows)}`);
  for (const event of STARTED) {
    const row = rows.find((r) => r.event === event);
    assert.ok(row && row.row < host.row && row.at <= host.at, `${event} went before the page's later event: ${JSON.stringify(rows)}`);
  }
  await context.close();
});
