// The demo app's own guides on screen: the checklist and the project tour are visible, within
// 1 px of where they belong, clickable with a real mouse, and the app's styles are exactly
// those of the same page with the widget blocked from loading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot } from '../support/browser.mjs';
import { Trackly, Checklist } from '../support/trackly.mjs';
import { Widget, hostStyles, styleDiff } from '../support/widget.mjs';
import { checkCard, checkSpotlight, checkLauncher } from '../support/placement.mjs';
import { withCollectorAndBrowser } from '../support/suite.mjs';

const env = withCollectorAndBrowser();

const clean = (problems, what) => assert.deepEqual(problems, [], `${what}:\n${problems.join('\n')}`);

test('demo app: checklist and tour are visible, in place and clickable, and the app is not restyled', async () => {
  const without = await openPage(env.browser);
  await without.page.route('**/pkg/**', (route) => route.abort());
  await new Trackly(without.page, env.collector.url).open();
  await without.page.locator('#new-project').waitFor();
  const baseline = await hostStyles(without.page);
  await without.context.close();

  const { page, context, consoleMessages } = await openPage(env.browser);
  page.setDefaultTimeout(8000);
  const widget = new Widget(page);
  await new Trackly(page, env.collector.url).open();
  await widget.panel.waitFor({ state: 'visible' });
  await widget.settle();
  const m = await widget.measure();
  assert.deepEqual(m.covered, []);
  clean(checkLauncher(m, false), 'checklist');
  clean(styleDiff(baseline, await hostStyles(page)), 'the app restyled by the widget');
  await screenshot(page, 'demo-checklist');

  await widget.clickCentre(new Checklist(page).item('create-project').getByRole('button'));
  await widget.waitForStep('project-tour/name-it');
  await widget.settle();
  const tip = await widget.measure('#new-project input');
  assert.deepEqual(tip.covered, []);
  clean(checkCard(tip, { placement: 'bottom-start' }), 'first tour step');
  clean(checkSpotlight(tip), 'first spotlight');
  await screenshot(page, 'demo-tooltip-1');

  await widget.clickCentre(widget.button('Next'));
  await widget.waitForStep('project-tour/create-it');
  await widget.settle();
  const second = await widget.measure('#create-project');
  assert.deepEqual(second.covered, []);
  clean(checkCard(second, { placement: 'right' }), 'second tour step');
  clean(checkSpotlight(second), 'second spotlight');
  await screenshot(page, 'demo-tooltip-2');
  clean(styleDiff(baseline, await hostStyles(page)), 'the app restyled while the tour shows');
  assert.deepEqual(consoleMessages.filter((x) => x.type === 'error' || x.type === 'pageerror'), []);
  await context.close();
});

test('a printed page shows the app without the guidance or the spotlight\'s shade', async () => {
  const { page, context } = await openPage(env.browser);
  const widget = new Widget(page);
  await new Trackly(page, env.collector.url).open();
  await widget.panel.waitFor({ state: 'visible' });
  await widget.clickCentre(new Checklist(page).item('create-project').getByRole('button'));
  await widget.waitForStep('project-tour/name-it');
  const shown = () => page.evaluate(() => {
    const root = document.querySelector('wowpath-root').shadowRoot.querySelector('.root');
    return { widget: root.checkVisibility(), app: document.querySelector('#new-project').checkVisibility() };
  });
  assert.deepEqual(await shown(), { widget: true, app: true });
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual(await shown(), { widget: false, app: true });
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(await shown(), { widget: true, app: true }, 'back on screen after printing');
  await context.close();
});
