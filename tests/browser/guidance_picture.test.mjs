// Steps with a picture, in real Chromium: a tooltip placed again once its picture arrives, the
// room a sized picture keeps while it loads, a picture that fails hidden with the reason in the
// console, and axe-core on a modal with a picture.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT } from '../support/collector.mjs';
import { openPage, screenshot } from '../support/browser.mjs';
import { withCollectorAndBrowser } from '../support/suite.mjs';
import { Widget } from '../support/widget.mjs';
import { eventually } from '../support/eventually.mjs';
import { axe } from '../support/axe.mjs';

const env = withCollectorAndBrowser({ www: join(ROOT, 'tests/pages') });

// An 800 × 450 picture.
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="450" viewBox="0 0 800 450"><rect width="800" height="450" fill="#dfe6f7"/><rect x="60" y="60" width="300" height="330" fill="#4f46e5"/></svg>';

/** The picture page with `step` as its only guide's only step. Pictures under /img/ wait
 * until `release()` is called; /img/missing.svg answers 404. */
async function open(step, options = {}) {
  const { page, context, consoleMessages } = await openPage(env.browser, options);
  page.setDefaultTimeout(8000);
  let release;
  const arrived = new Promise((r) => (release = r));
  await page.route('**/img/**', async (route) => {
    if (route.request().url().endsWith('/missing.svg')) return route.fulfill({ status: 404, body: 'not found' });
    await arrived;
    await route.fulfill({ status: 200, contentType: 'image/svg+xml', body: SVG });
  });
  await page.goto(`${env.collector.url}/picture.html`);
  const file = { version: 1, guides: [{ id: 'g', title: 'Guide', steps: [{ id: 's', title: 'Reports, now with teammates', body: 'One column per teammate.', ...step }] }] };
  await page.evaluate((guides) => window.wowpath('init', { writeKey: 'picture-test', flushAfterMs: 60000, guides }), file);
  const widget = new Widget(page);
  await widget.waitForStep('g/s');
  return { page, context, consoleMessages, widget, release };
}

const boxes = (page) => page.evaluate(() => {
  const shadow = document.querySelector('wowpath-root').shadowRoot;
  const box = (e) => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, height: r.height, width: r.width }; };
  const img = shadow.querySelector('.card img');
  return { card: box(shadow.querySelector('.card')), img: img && { ...box(img), alt: img.alt, hidden: img.hidden, complete: img.complete && img.naturalWidth > 0 },
    anchor: box(document.querySelector('#target')) };
});

test('a tooltip above its anchor stays above it when its picture arrives and the card grows', async () => {
  const { page, context, widget, release } = await open({ kind: 'tooltip', anchor: '#target', placement: 'top', image: { src: '/img/report.svg', alt: 'A report with a column per teammate' } });
  const before = await boxes(page);
  assert.ok(before.card.bottom <= before.anchor.top, `the card starts above its anchor: ${JSON.stringify(before)}`);
  release();
  await eventually(async () => assert.ok((await boxes(page)).img.complete, 'the picture arrived'));
  await widget.settle();
  const after = await boxes(page);
  assert.ok(after.card.height > before.card.height + 100, `the card grew with its picture: ${before.card.height} → ${after.card.height}`);
  assert.ok(after.card.bottom <= after.anchor.top, `the card was placed again, clear of its anchor: ${JSON.stringify(after)}`);
  assert.ok(after.anchor.top - after.card.bottom < 20, `and still beside it: ${JSON.stringify(after)}`);
  assert.equal(after.img.alt, 'A report with a column per teammate');
  await screenshot(page, 'picture-tooltip');
  await context.close();
});

test('a picture with its size keeps its room while it loads, so the modal does not jump', async () => {
  const { page, context, release } = await open({ kind: 'modal', image: { src: '/img/report.svg', alt: 'A report', width: 800, height: 450 } });
  const before = await boxes(page);
  assert.equal(before.img.complete, false, 'the picture is still on its way');
  assert.ok(Math.abs(before.img.height - (before.img.width * 450) / 800) <= 1, `its room is kept: ${JSON.stringify(before.img)}`);
  release();
  await eventually(async () => assert.ok((await boxes(page)).img.complete));
  const after = await boxes(page);
  assert.ok(Math.abs(after.card.height - before.card.height) <= 1, `the card kept its size: ${before.card.height} → ${after.card.height}`);
  await context.close();
});

test('a picture that cannot be loaded is hidden and the console says why; the step still works', async () => {
  const { page, context, consoleMessages, widget } = await open({ kind: 'modal', image: { src: '/img/missing.svg', alt: 'A report' }, buttons: [{ label: 'Got it', action: 'complete' }] });
  await eventually(async () => assert.equal((await boxes(page)).img.hidden, true, 'no broken-image icon'));
  const warning = consoleMessages.find((m) => m.type === 'warning' && m.text.includes('/img/missing.svg'));
  assert.ok(warning, `a warning names the address: ${JSON.stringify(consoleMessages)}`);
  assert.match(warning.text, /img-src/);
  await widget.clickCentre(widget.button('Got it'));
  await widget.card.waitFor({ state: 'detached' });
  await context.close();
});

for (const scheme of ['light', 'dark']) {
  test(`axe-core finds no violation in a modal with a picture (${scheme})`, async () => {
    const { page, context, release } = await open({ kind: 'modal', image: { src: '/img/report.svg', alt: 'A report', width: 800, height: 450 } }, { colorScheme: scheme });
    release();
    await eventually(async () => assert.ok((await boxes(page)).img.complete));
    assert.deepEqual(await axe(page), []);
    await screenshot(page, `picture-modal-${scheme}`);
    await context.close();
  });
}
