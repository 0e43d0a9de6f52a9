// In Chromium: the cost of wowpath's track() with 50 guides × 20 steps loaded, beside the same
// calls with no guides loaded (no matching), in the same browser run.
import { startCollector, ROOT } from '../support/collector.mjs';
import { launch } from '../support/browser.mjs';
import { join } from 'node:path';

const N = 2000;
const collector = await startCollector({ www: join(ROOT, 'tests/pages') });
const browser = await launch();

async function measure(guides) {
  const page = await browser.newPage();
  await page.goto(`${collector.url}/bench.html`);
  return page.evaluate(async ({ guides, n }) => {
    const wowpath = await import('/pkg/index.js');
    const file = { version: 1, guides: [] };
    for (let g = 0; g < guides; g++) {
      const steps = [];
      for (let s = 0; s < 20; s++) steps.push({ id: `s${s}`, title: `Step ${s}`, complete_when: { event: `Event ${g}-${s}`, where: { n: { gte: 3 } } } });
      file.guides.push({ id: `g${g}`, title: `Guide ${g}`, steps });
    }
    await wowpath.init({ writeKey: `bench-${guides}`, guides: file, flushAfterMs: 600000 });
    const runs = [];
    for (let r = 0; r < 5; r++) {
      const t = performance.now();
      for (let i = 0; i < n; i++) wowpath.track(i % 2 ? 'Page Viewed' : 'Event 7-3', { n: 1, plan: 'trial' });
      await wowpath.track('last');
      runs.push(((performance.now() - t) * 1000) / n);
    }
    runs.sort((a, b) => a - b);
    return runs[2];
  }, { guides, n: N });
}

const without = await measure(0);
const withGuides = await measure(50);
console.log(`\nChromium: wowpath.track() with properties, median of 5 runs of ${N} calls (includes the event queue)`);
console.log(`${''.padEnd(34)} ${'µs/call'.padStart(12)} ${'vs baseline'.padStart(12)}`);
console.log(`${'no guides (baseline)'.padEnd(34)} ${without.toFixed(2).padStart(12)} ${'1.0×'.padStart(12)}`);
console.log(`${'50 guides × 20 steps'.padEnd(34)} ${withGuides.toFixed(2).padStart(12)} ${(withGuides / without).toFixed(1).padStart(11)}×`);
await browser.close();
await collector.stop();
