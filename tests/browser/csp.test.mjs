// The Content-Security-Policy entries the README lists are enough: under a strict policy with
// exactly those entries the widget loads, draws styled guides, runs a tour step and delivers
// events without a single violation, Trusted Types enforced. Without `'wasm-unsafe-eval'` it
// fails with a clear message and the host page keeps working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/collector.mjs';
import { openPage } from '../support/browser.mjs';
import { withCollectorAndBrowser } from '../support/suite.mjs';
import { Widget } from '../support/widget.mjs';

const env = withCollectorAndBrowser();

// The snippet exactly as the README gives it.
const SNIPPET = readFileSync(join(ROOT, 'www/snippet.html'), 'utf8').match(/<script>\n(!function[^\n]+)\n/)[1];
const GUIDES = {
  version: 1,
  guides: [{ id: 'g', title: 'Get started', steps: [
    { id: 'one', title: 'Open the tour', complete_when: { event: 'Never' } },
    { id: 'tip', kind: 'tooltip', anchor: '#target', title: 'This button', body: 'It **does** things.', complete_when: { click: '#target' } },
  ] }],
};
const page = (nonce) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>strict CSP</title>
<script nonce="${nonce}">
${SNIPPET}
wowpath("init",{writeKey:"csp-test",flushAfterMs:50,guides:${JSON.stringify(GUIDES)}});
wowpath("track","Under CSP");
</script></head>
<body><h1>A host page with a strict policy</h1><button id="target">Target</button></body></html>`;

const policy = (scriptExtra) => [
  "default-src 'none'",
  `script-src 'self' 'nonce-r4nd0m' ${scriptExtra}`,
  "connect-src 'self'",
  "style-src 'self'",
  "base-uri 'none'",
  // Trusted Types: the widget and the snippet write to no HTML or script-URL sink.
  "require-trusted-types-for 'script'",
].join('; ');

async function open(csp) {
  const opened = await openPage(env.browser);
  const violations = [];
  await opened.page.exposeFunction('__violation', (v) => violations.push(v));
  await opened.page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.__violation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await opened.page.route('**/strict-csp.html', (route) =>
    route.fulfill({ contentType: 'text/html', headers: { 'Content-Security-Policy': csp }, body: page('r4nd0m') }));
  await opened.page.goto(`${env.collector.url}/strict-csp.html`);
  return { ...opened, violations };
}

test('with the README\'s entries the widget draws, runs a tour step and delivers events with no violation', async () => {
  const { context, page: p, consoleMessages, violations } = await open(policy("'wasm-unsafe-eval'"));
  const widget = new Widget(p);
  await widget.panel.waitFor({ state: 'visible' });
  // Styled by its constructed stylesheet, which style-src 'self' does not block.
  assert.equal(await widget.launcher.evaluate((e) => getComputedStyle(e).cursor), 'pointer');
  await p.evaluate(() => window.wowpath('start', 'g'));
  await p.evaluate(() => window.wowpath('complete', 'one'));
  await widget.waitForStep('g/tip');
  const rows = await env.collector.waitFor("SELECT event FROM events WHERE event = 'Under CSP'", (r) => r.length >= 1);
  assert.equal(rows.length, 1);
  assert.deepEqual(violations, []);
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
  await context.close();
});

test('without \'wasm-unsafe-eval\' the widget says why it cannot start and the page keeps working', async () => {
  const { context, page: p, consoleMessages, violations } = await open(policy(''));
  const ours = () => consoleMessages.filter((m) => m.type === 'error' && m.text.startsWith('wowpath: '));
  for (let i = 0; i < 100 && ours().length === 0; i++) await p.waitForTimeout(50);
  await p.waitForTimeout(200);
  // Once, though two calls (init and track) were waiting, and with the fix.
  assert.equal(ours().length, 1, JSON.stringify(consoleMessages));
  assert.match(ours()[0].text, /^wowpath: the widget's WebAssembly module could not start: .*add 'wasm-unsafe-eval' to its script-src\.$/);
  const later = await p.evaluate(() => window.wowpath('track', 'Later').then(() => 'resolved', (e) => e.message));
  assert.match(later, /add 'wasm-unsafe-eval'/);
  assert.ok(violations.some((v) => v.startsWith('script-src')), JSON.stringify(violations));
  assert.ok(!consoleMessages.some((m) => m.type === 'pageerror'));
  assert.equal(await p.locator('wowpath-root').count(), 0);
  await p.locator('#target').click();
  assert.equal(await p.evaluate(() => document.querySelector('h1').textContent), 'A host page with a strict policy');
  await context.close();
});
