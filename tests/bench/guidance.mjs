// `cargo xtask bench guidance`: the demo app (Trackly) in Chromium with the widget, beside the
// same page with the widget blocked, loads interleaved in one run. The guide file is the demo's
// own (www/guides.json, stamped by `wowpath check --stamp`), given inline as its text so the
// guide file's download is not counted and the stamp still matches.
//   init → first guide in the DOM / visible   from the moment the wasm module is ready (init runs
//                                             next) to a MutationObserver seeing the checklist,
//                                             then to the first frame it has a box on screen; on a
//                                             first visit (fresh browser profile) and on a reload
//                                             by the same user (code cache and progress warm)
//   step advance                              real mouse click on Next (capture-phase stamp) → the
//                                             next step in the DOM / visible
//   idle main-thread ms/s                     CDP TaskDuration / ScriptDuration over 1 s while a
//                                             tour step sits open and nothing happens (after its
//                                             events have been sent)
//   live page                                 the same page with 50 of 2,000 table cells rewritten
//                                             every 100 ms, a tour step open: main-thread ms/s
//   heap, wasm memory                         JSHeapUsedSize after a forced GC; the module's memory
//   bytes on the wire                         the widget's files, brotli quality 11 (and raw)
//   first visit, main-thread CPU              thread time of the page's main thread from the
//                                             module being ready to the first guide in the DOM
//                                             (Chromium trace), which the 2-core machine's
//                                             scheduling noise does not move; beside the same
//                                             with V8 compiling the whole module up front, as a
//                                             reference for what its lazy compilation costs,
//                                             and with the file's stamp taken out, so the
//                                             validator module is downloaded and run first
//   slow network                              150 ms latency, 10 Mbit/s, the guide file from its
//                                             URL: host's first paint and load event, and the
//                                             first guide visible, from navigation start
import { startCollector, ROOT } from '../support/collector.mjs';
import { launch } from '../support/browser.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const N = Number(process.env.N || 9);
const collector = await startCollector();
const browser = await launch();
const guides = readFileSync(join(ROOT, 'www/guides.json'), 'utf8');
const unstampedGuides = guides.replace(/^\s*"checked": .*\n/m, '');
if (unstampedGuides === guides) throw new Error('www/guides.json has no stamp: run `wowpath check --stamp www/guides.json`');

// Runs in the page before any script: stamps the wasm module's readiness and watches the
// widget's shadow root for the first guide and for each new tour step.
const PROBE = () => {
  const b = (window.__bench = { steps: {}, clicks: [] });
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      return original.apply(this, args).then((r) => {
        if (b.ready === undefined) { b.ready = performance.now(); performance.mark('wowpath-ready'); }
        b.memory = (r.instance || r).exports && (r.instance || r).exports.memory;
        return r;
      });
    };
  }
  const visible = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && e.checkVisibility({ visibilityProperty: true }); };
  const watch = (shadow) => {
    const seen = () => {
      const t = performance.now();
      const first = shadow.querySelector('.panel, .card');
      if (first && b.inDom === undefined) {
        b.inDom = t;
        performance.mark('wowpath-in-dom');
        const frame = () => (visible(first) ? (b.visible = performance.now()) : requestAnimationFrame(frame));
        requestAnimationFrame(frame);
      }
      const card = shadow.querySelector('.card');
      const key = card && card.dataset.step;
      if (key && !b.steps[key]) {
        const s = (b.steps[key] = { inDom: t });
        const frame = () => (visible(card) ? (s.visible = performance.now()) : requestAnimationFrame(frame));
        requestAnimationFrame(frame);
      }
    };
    new MutationObserver(seen).observe(shadow, { childList: true, subtree: true, attributes: true });
    seen();
  };
  new MutationObserver((_, o) => {
    const host = document.querySelector('wowpath-root');
    if (host && host.shadowRoot) { o.disconnect(); watch(host.shadowRoot); }
  }).observe(document, { childList: true, subtree: true });
  addEventListener('click', () => b.clicks.push(performance.now()), true);
};

// A fresh profile on the demo app, probed. `inline`: the guide file given in the page, so its
// download is not counted; `withWidget: false` blocks the widget's files.
async function demoPage(chromium, { withWidget = true, inline = true, unstamped = false } = {}) {
  const context = await chromium.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  if (inline) {
    await page.route('**/', async (route) => {
      const r = await route.fetch();
      const text = unstamped ? unstampedGuides : guides;
      const html = (await r.text()).replace('guidesUrl:"/guides.json"', `guides:${JSON.stringify(text)}`);
      await route.fulfill({ response: r, body: html });
    });
  }
  if (!withWidget) await page.route('**/pkg/**', (route) => route.abort());
  return { context, page };
}

const metricsOf = async (cdp) => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));

/** The main thread's task and script time per second over the next `ms`. */
async function mainThreadMsPerS(cdp, page, ms) {
  const before = await metricsOf(cdp);
  await page.waitForTimeout(ms);
  const after = await metricsOf(cdp);
  const seconds = after.Timestamp - before.Timestamp;
  return {
    taskMsPerS: ((after.TaskDuration - before.TaskDuration) * 1000) / seconds,
    scriptMsPerS: ((after.ScriptDuration - before.ScriptDuration) * 1000) / seconds,
  };
}

async function load(withWidget) {
  const { context, page } = await demoPage(browser, { withWidget });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(collector.url + '/');
  await page.locator('#new-project').waitFor();
  const out = {};
  if (withWidget) {
    await page.waitForFunction(() => window.__bench.visible !== undefined);
    // The tour: "Show me", then Next, each a real mouse click.
    const click = async (locator) => {
      const box = await locator.boundingBox();
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    };
    await click(page.locator('wowpath-root li[data-step="create-project"] button'));
    await page.waitForFunction(() => window.__bench.steps['project-tour/name-it']?.visible !== undefined);
    await page.waitForTimeout(100);
    await click(page.locator('wowpath-root .card button.primary'));
    await page.waitForFunction(() => window.__bench.steps['project-tour/create-it']?.visible !== undefined);
    const b = await page.evaluate(() => ({ ...window.__bench, memory: window.__bench.memory?.buffer.byteLength }));
    const clickAt = b.clicks[b.clicks.length - 1];
    const next = b.steps['project-tour/create-it'];
    Object.assign(out, {
      firstInDom: b.inDom - b.ready,
      firstVisible: b.visible - b.ready,
      advanceInDom: next.inDom - clickAt,
      advanceVisible: next.visible - clickAt,
      wasmMemory: b.memory,
    });
  }
  // Steady state: the step's events leave after `flushAfterMs` (500 ms), so the idle second
  // starts once that send is over.
  await page.waitForTimeout(1500);
  Object.assign(out, await mainThreadMsPerS(cdp, page, 1000));
  await cdp.send('HeapProfiler.collectGarbage');
  out.heap = (await metricsOf(cdp)).JSHeapUsedSize;
  if (withWidget) {
    // The same user comes back in the same browser: the module's compiled code is in
    // Chromium's code cache and the user's progress in localStorage.
    await page.reload();
    await page.waitForFunction(() => window.__bench.visible !== undefined);
    const b = await page.evaluate(() => window.__bench);
    out.returningInDom = b.inDom - b.ready;
    out.returningVisible = b.visible - b.ready;
  }
  await context.close();
  return out;
}

// The same first visit from a distant server (150 ms latency, 10 Mbit/s), the guide file
// fetched from its URL as the demo does: when the host page first paints, and when the first
// guide is visible, both from navigation start.
async function slowLoad(withWidget) {
  const { context, page } = await demoPage(browser, { withWidget, inline: false });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.25e6, uploadThroughput: 1.25e6 });
  await page.goto(collector.url + '/');
  await page.locator('#new-project').waitFor();
  if (withWidget) await page.waitForFunction(() => window.__bench.visible !== undefined);
  const out = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    load: performance.getEntriesByType('navigation')[0].loadEventStart,
    guideVisible: window.__bench.visible,
  }));
  await context.close();
  return out;
}

// A first visit under a light trace: the main thread's CPU time from the module being ready
// to the first guide in the DOM (tasks cut at both marks, their thread time pro rata).
async function cpuLoad(chromium, options) {
  const { context, page } = await demoPage(chromium, options);
  await chromium.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
  await page.goto(collector.url + '/');
  await page.waitForFunction(() => window.__bench.inDom !== undefined);
  const events = JSON.parse((await chromium.stopTracing()).toString()).traceEvents;
  const wall = await page.evaluate(() => window.__bench.inDom - window.__bench.ready);
  await context.close();
  const ready = events.find((e) => e.name === 'wowpath-ready');
  const inDom = events.find((e) => e.name === 'wowpath-in-dom');
  let cpu = 0;
  for (const e of events) {
    if (e.ph !== 'X' || e.pid !== ready.pid || e.tid !== ready.tid || !e.tdur || !/RunTask/.test(e.name)) continue;
    const overlap = Math.min(e.ts + e.dur, inDom.ts) - Math.max(e.ts, ready.ts);
    if (overlap > 0) cpu += (e.tdur * overlap) / e.dur / 1000;
  }
  return { cpu, wall };
}

const runs = { with: [], without: [] };
for (let i = 0; i < N + 1; i++) {
  const order = i % 2 ? [false, true] : [true, false];
  for (const w of order) {
    const r = await load(w);
    if (i > 0) runs[w ? 'with' : 'without'].push(r); // the first round warms up
  }
}

const slow = { with: [], without: [] };
for (let i = 0; i < Math.ceil(N / 2); i++) {
  for (const w of i % 2 ? [false, true] : [true, false]) slow[w ? 'with' : 'without'].push(await slowLoad(w));
}

// A live page: the demo app with a table of 2,000 cells, 50 of them rewritten every 100 ms (a
// dashboard's figures), the tour's first step open. Main-thread time over 2 s, in each side.
const LIVE_TABLE = () => {
  addEventListener('DOMContentLoaded', () => {
    const table = document.createElement('table');
    for (let r = 0; r < 200; r++) { const row = table.insertRow(); for (let c = 0; c < 10; c++) row.insertCell().textContent = String(r * c); }
    document.body.append(table);
    const cells = [...table.querySelectorAll('td')];
    let i = 0;
    const tick = () => {
      for (let k = 0; k < 50; k++) { const cell = cells[(i++ * 7) % cells.length]; cell.textContent = String(Math.random()).slice(0, 6); cell.className = i % 2 ? 'up' : 'down'; }
      setTimeout(tick, 100);
    };
    setTimeout(tick, 100);
  });
};
async function liveLoad(withWidget) {
  const { context, page } = await demoPage(browser, { withWidget });
  await page.addInitScript(LIVE_TABLE);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(collector.url + '/');
  await page.locator('#new-project').waitFor();
  if (withWidget) {
    await page.waitForFunction(() => window.__bench.visible !== undefined);
    await page.locator('wowpath-root li[data-step="create-project"] button').click();
    await page.waitForFunction(() => window.__bench.steps['project-tour/name-it']?.visible !== undefined);
  }
  await page.waitForTimeout(1500);
  const busy = await mainThreadMsPerS(cdp, page, 2000);
  await context.close();
  return busy;
}
const live = { with: [], without: [] };
for (let i = 0; i < N; i++) {
  for (const w of i % 2 ? [false, true] : [true, false]) live[w ? 'with' : 'without'].push(await liveLoad(w));
}

const eager = await launch(['--js-flags=--no-wasm-lazy-compilation']);
const cpu = { lazy: [], eager: [], unstamped: [] };
const sides = [['lazy', browser, {}], ['eager', eager, {}], ['unstamped', browser, { unstamped: true }]];
for (let i = 0; i < N + 1; i++) {
  for (const [side, chromium, options] of i % 2 ? [...sides].reverse() : sides) {
    const r = await cpuLoad(chromium, options);
    if (i > 0) cpu[side].push(r);
  }
}
await eager.close();

const median = (xs) => { const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : NaN; };
const m = (side, key) => median(runs[side].map((r) => r[key]));
// What the snippet loads: the bundled loader and the module.
const files = ['loader.js', 'wowpath_bg.wasm'].map((f) => readFileSync(join(ROOT, 'pkg', f)));
const raw = files.reduce((a, f) => a + f.length, 0);
const br = files.reduce((a, f) => a + brotliCompressSync(f, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length, 0);
const kb = (x) => `${(x / 1024).toFixed(1)} KB`;
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : '—');

console.log(`\nguidance on the demo app, Chromium, medians of ${N} loads each (interleaved, after 1 warm-up round)`);
const rows = [
  ['', 'page without widget', 'with wowpath', 'target'],
  ['init → first guide in the DOM', '—', ms(m('with', 'firstInDom')), '≤ 20 ms'],
  ['init → first guide visible', '—', ms(m('with', 'firstVisible')), ''],
  ['first visit, main-thread CPU to the DOM', '—', ms(median(cpu.lazy.map((r) => r.cpu))), ''],
  ['  reference: V8 compiling eagerly, CPU / wall', '—', `${ms(median(cpu.eager.map((r) => r.cpu)))} / ${ms(median(cpu.eager.map((r) => r.wall)))}`, ''],
  ['  the file unstamped (validator fetched), CPU / wall', '—', `${ms(median(cpu.unstamped.map((r) => r.cpu)))} / ${ms(median(cpu.unstamped.map((r) => r.wall)))}`, ''],
  ['returning visit: in the DOM / visible', '—', `${ms(m('with', 'returningInDom'))} / ${ms(m('with', 'returningVisible'))}`, ''],
  ['Next click → next step in the DOM', '—', ms(m('with', 'advanceInDom')), ''],
  ['Next click → next step visible', '—', ms(m('with', 'advanceVisible')), '≤ 25 ms'],
  ['idle main thread, task ms/s', m('without', 'taskMsPerS').toFixed(2), m('with', 'taskMsPerS').toFixed(2), '≤ baseline + 0.5'],
  ['idle main thread, script ms/s', m('without', 'scriptMsPerS').toFixed(2), m('with', 'scriptMsPerS').toFixed(2), ''],
  ['live page, step open: task ms/s', median(live.without.map((r) => r.taskMsPerS)).toFixed(1), median(live.with.map((r) => r.taskMsPerS)).toFixed(1), ''],
  ['live page, step open: script ms/s', median(live.without.map((r) => r.scriptMsPerS)).toFixed(1), median(live.with.map((r) => r.scriptMsPerS)).toFixed(1), ''],
  ['JS heap after GC', kb(m('without', 'heap')), `${kb(m('with', 'heap'))} (+${kb(m('with', 'heap') - m('without', 'heap'))})`, ''],
  ['wasm memory', '—', kb(m('with', 'wasmMemory')), ''],
  [`slow network: host's first paint (n=${slow.with.length})`, ms(median(slow.without.map((r) => r.fcp))), ms(median(slow.with.map((r) => r.fcp))), ''],
  ['slow network: host load event', ms(median(slow.without.map((r) => r.load))), ms(median(slow.with.map((r) => r.load))), ''],
  ['slow network: first guide visible', '—', ms(median(slow.with.map((r) => r.guideVisible))), ''],
  ['widget bytes (brotli q11 / raw)', '0', `${kb(br)} / ${kb(raw)}`, '≤ 30 KB brotli'],
];
for (const r of rows) console.log(`${r[0].padEnd(44)} ${r[1].padStart(20)} ${r[2].padStart(24)} ${r[3].padStart(18)}`);
await browser.close();
await collector.stop();
