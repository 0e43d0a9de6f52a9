// `on(event, listener)`: the page hears the onboarding events the widget sends, as they happen,
// to react in its own UI (start the next guide, unlock a feature). Listeners run after the
// widget's own work, so one that throws or calls back into the widget breaks nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { withCollectorAndBrowser } from '../support/suite.mjs';
import { ROOT } from '../support/collector.mjs';
import { openPage } from '../support/browser.mjs';

const env = withCollectorAndBrowser({ www: join(ROOT, 'tests/pages') });

async function open(query = '') {
  const { page, context, consoleMessages } = await openPage(env.browser);
  page.setDefaultTimeout(5000);
  await page.goto(`${env.collector.url}/form.html${query}`);
  await page.waitForFunction(() => window.wowpath && window.wowpath.loaded);
  return { page, context, consoleMessages };
}

test('listeners hear each onboarding event with its properties, may call the widget, and stop when asked', async () => {
  const { page, context, consoleMessages } = await open();
  await page.evaluate(async () => {
    window.heard = [];
    // The first listener throws: the others, and the widget, go on.
    await wowpath('on', 'Onboarding Step Viewed', () => { throw new Error('host bug'); });
    window.stopAll = await wowpath('on', '*', (p, e) => heard.push([e, p.guide_id, p.step_id || '', p.via || '']));
    // After the announcement, the page starts the tour itself.
    await wowpath('on', 'Onboarding Guide Dismissed', (p) => { if (p.guide_id === 'news') wowpath('start', 'form-tour'); });
    await wowpath('start', 'news');
  });
  const news = page.locator('wowpath-root .card', { hasText: 'Something new' });
  await news.waitFor();
  await page.keyboard.press('Escape');
  await page.locator('wowpath-root .card', { hasText: 'Your name' }).waitFor();
  const heard = await page.evaluate(() => heard);
  for (const expected of [
    ['Onboarding Guide Started', 'news', '', ''],
    ['Onboarding Step Viewed', 'news', 'hello', ''],
    ['Onboarding Guide Dismissed', 'news', 'hello', 'escape'],
    ['Onboarding Step Viewed', 'form-tour', 'name', ''],
  ]) assert.ok(heard.some((h) => JSON.stringify(h) === JSON.stringify(expected)), `heard ${expected}: ${JSON.stringify(heard)}`);
  assert.ok(consoleMessages.some((m) => m.type === 'error' && m.text.includes('a listener for "Onboarding Step Viewed" threw: host bug')));
  // Stopped, it hears nothing more.
  const before = heard.length;
  await page.evaluate(() => stopAll());
  await page.fill('#name', 'Ada');
  await page.locator('wowpath-root .card', { hasText: 'Your email' }).waitFor();
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => heard.length), before);
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'pageerror'), []);
  await context.close();
});

test('a listener added through the snippet before init hears the first events', async () => {
  const { page, context } = await open('?listen');
  await page.waitForFunction(() => (window.heardEarly || []).includes('Onboarding Group Assigned'));
  await context.close();
});

test('on() refuses an event it does not know and a listener that is not a function', async () => {
  const { page, context } = await open();
  const errors = await page.evaluate(async () => Promise.all([
    wowpath('on', 'Onboarding Guide Finished', () => {}).then(() => 'resolved', (e) => e.message),
    wowpath('on', 'Onboarding Guide Completed', 'alert').then(() => 'resolved', (e) => e.message),
  ]));
  assert.match(errors[0], /on\(\) listens to "\*" or one of "Onboarding Group Assigned", .*"Onboarding Guide Completed".*, not "Onboarding Guide Finished"/);
  assert.match(errors[1], /needs a function as its listener, not string/);
  await context.close();
});
