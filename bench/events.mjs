// `cargo xtask bench events`: the cost of `track()` in Chromium and the bytes each event puts
// on the wire, beside an empty JavaScript function called the same way, in the same page.
//
// The page is served cross-origin isolated (COOP/COEP) so `performance.now()` has 5 µs
// resolution instead of 100 µs; calls are timed in rounds of 100, and the queue is flushed
// between rounds (untimed), so each round starts from the steady state of a live page.
import { join } from 'node:path';
import { startCollector, ROOT } from '../tests/support/collector.mjs';
import { launch } from '../tests/support/browser.mjs';
import { startChaosProxy } from '../tests/support/chaos-proxy.mjs';

const ROUNDS = 100;
const PER_ROUND = 100;
// Events sent to measure bytes on the wire (well under the queue's 512 KB cap).
const WIRE = 500;

const collector = await startCollector({ www: join(ROOT, 'tests/pages') });
const server = await startChaosProxy(collector.url, {
  pageHeaders: { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' },
});
const browser = await launch();

async function openPage(options) {
  const page = await browser.newPage();
  await page.goto(`${server.url}/events.html?${new URLSearchParams({ flush: 500, ...options })}`);
  await page.waitForFunction(() => window.wowpath.loaded === true);
  return page;
}

try {
  // The snippet's page (events.html) and the npm module's page (npm-entry.html): each bundle
  // is timed where it is the one that started the widget.
  const page = await openPage({ writeKey: 'bench' });
  const npmPage = await browser.newPage();
  await npmPage.goto(`${server.url}/npm-entry.html`);
  await npmPage.waitForFunction(() => window.done).then(() => npmPage.evaluate(() => window.done));
  const isolated = await page.evaluate(() => self.crossOriginIsolated);
  const measureIn = (target, what) =>
    target.evaluate(
      async ({ ROUNDS, PER_ROUND, what }) => {
        const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
        const props = { plan: 'team', seats: 3 };
        const measure = async (fn, settle) => {
          const perCall = [];
          const withDeferred = [];
          for (let round = 0; round < ROUNDS + 5; round++) {
            const t0 = performance.now();
            for (let i = 0; i < PER_ROUND; i++) fn('Bench Event', props);
            const t1 = performance.now();
            await null; // lets the work deferred to the end of the task run
            const t2 = performance.now();
            if (round >= 5) {
              perCall.push(((t1 - t0) * 1000) / PER_ROUND);
              withDeferred.push(((t2 - t0) * 1000) / PER_ROUND);
            }
            if (settle) await settle();
          }
          return { perCall: median(perCall), withDeferred: median(withDeferred) };
        };
        if (what === 'empty') return measure(function (event, properties) {});
        if (what === 'snippet') return measure((e, p) => window.wowpath('track', e, p), () => window.wowpath('flush'));
        const api = await import('/pkg/index.js');
        return measure(api.track, () => api.flush());
      },
      { ROUNDS, PER_ROUND, what },
    );
  const results = {
    empty: await measureIn(page, 'empty'),
    snippet: await measureIn(page, 'snippet'),
    esm: await measureIn(npmPage, 'esm'),
  };

  // Bytes on the wire: everything posted for a known number of events.
  const wire = async (gzip) => {
    const key = gzip ? 'bench-gzip' : 'bench-plain';
    const p = await openPage({ writeKey: key, gzip: gzip ? 1 : 0 });
    const name = `Wire ${key}`;
    await p.evaluate(async ({ name, WIRE }) => {
      for (let i = 0; i < WIRE; i++) window.wowpath('track', name, { plan: 'team', seats: 3, i });
      await window.wowpath('flush');
    }, { name, WIRE });
    await collector.waitFor(`SELECT COUNT(*) AS n FROM events WHERE event = '${name}'`, (r) => r[0].n >= WIRE, 20000);
    const sent = server.requests.filter((r) => (gzip ? r.headers['content-encoding'] === 'gzip' : r.writeKey === key));
    return sent.reduce((s, r) => s + r.bytes, 0) / WIRE;
  };
  const plain = await wire(false);
  const zipped = await wire(true);

  const us = (x) => `${x.toFixed(3).padStart(7)} µs`;
  console.log(`\ntrack() in Chromium: median of ${ROUNDS} rounds of ${PER_ROUND} calls (${ROUNDS * PER_ROUND} calls), per call${isolated ? '' : ' (NOT cross-origin isolated: 100 µs timer resolution)'}`);
  console.log(`  empty JS function (baseline)            ${us(results.empty.perCall)}`);
  console.log(`                                          the call    with the work deferred to the end of the task`);
  console.log(`                                                      (building the message, writing localStorage)`);
  console.log(`  track() from the npm module             ${us(results.esm.perCall)}   ${us(results.esm.withDeferred)}`);
  console.log(`  wowpath('track', …) through the snippet ${us(results.snippet.perCall)}   ${us(results.snippet.withDeferred)}`);
  console.log(`  target: track() ≤ 2 µs`);
  console.log(`\nbytes per event on the wire (${WIRE} events of 3 properties, batches of ${'≤'}100, request bodies only)`);
  console.log(`  JSON, text/plain                        ${plain.toFixed(0).padStart(7)} B`);
  console.log(`  gzip (gzip: true)                       ${zipped.toFixed(0).padStart(7)} B`);
} finally {
  await browser.close();
  await server.stop();
  await collector.stop();
}
