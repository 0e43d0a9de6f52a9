// `node tests/bench/validate_chromium.mjs` (after `cargo xtask build`): the time to validate a
// 1 MiB guide file with the widget's wasm validator in headless Chromium, beside the browser's
// own JSON.parse of the same text. The file is built like benches/validate.rs builds it.
// Prints figures; asserts nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCollector, ROOT } from '../support/collector.mjs';
import { launch, openPage } from '../support/browser.mjs';

function bigGuideFile() {
  const example = readFileSync(join(ROOT, 'examples/guides/trackly-onboarding.json'), 'utf8');
  const start = example.indexOf('"guides": [') + 11;
  const end = example.lastIndexOf('],\n  "locales"');
  const guides = example.slice(start, end).trim();
  const body = [];
  let size = 0;
  for (let copy = 0; size < 1 << 20; copy += 1) {
    const renamed = guides
      .replaceAll('"first-project', `"first-project-${copy}`)
      .replaceAll('"reports-tour', `"reports-tour-${copy}`)
      .replaceAll('"returning', `"returning-${copy}`)
      .replaceAll('"reports-hint', `"reports-hint-${copy}`);
    size += Buffer.byteLength(renamed);
    body.push(renamed);
  }
  const head = example.slice(0, start).replace('"first-project/share-report"', '"first-project-0/share-report"');
  return `${head}\n${body.join(',\n')}\n  ]\n}\n`;
}

const collector = await startCollector();
const browser = await launch();
try {
  const { page } = await openPage(browser);
  await page.goto(`${collector.url}/guides.json`);
  const text = bigGuideFile();
  const result = await page.evaluate(async (text) => {
    const { validate } = await import('/pkg/index.js');
    const median = async (f) => {
      const times = [];
      for (let i = 0; i < 15; i += 1) {
        const t = performance.now();
        await f();
        times.push(performance.now() - t);
      }
      return times.sort((a, b) => a - b)[7];
    };
    const first = await validate(text);
    return {
      ok: first.ok,
      problems: first.diagnostics.length,
      parse: await median(() => JSON.parse(text)),
      validate: await median(() => validate(text)),
    };
  }, text);
  if (!result.ok) throw new Error(`the benchmark file should be valid (${result.problems} problems)`);
  console.log(`guide file: ${Buffer.byteLength(text)} bytes, Chromium ${browser.version()}`);
  console.log(`JSON.parse only (baseline)                 ${result.parse.toFixed(2).padStart(8)} ms`);
  console.log(`wowpath validate() (wasm: parse+validate)  ${result.validate.toFixed(2).padStart(8)} ms  (${(result.validate / result.parse).toFixed(1)}x the baseline)`);
} finally {
  await browser.close();
  await collector.stop();
}
