// Angular apps run in zone.js, which runs change detection after every task its zone sees:
// a widget whose timers, observers and listeners ran there would make the whole app re-check
// itself on every scroll, key and timer tick. The widget's own work belongs to no app zone; the
// listeners a page gives `on()` run in the zone they were added in, so the app sees their changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { withCollectorAndBrowser } from '../support/suite.mjs';
import { ROOT } from '../support/collector.mjs';
import { openPage } from '../support/browser.mjs';

const env = withCollectorAndBrowser({ www: join(ROOT, 'tests/pages') });

async function open() {
  const { page, context, consoleMessages } = await openPage(env.browser);
  page.setDefaultTimeout(5000);
  await page.route('**/zone.js', (route) => route.fulfill({ path: join(ROOT, 'node_modules/zone.js/fesm2015/zone.js'), contentType: 'text/javascript' }));
  await page.goto(`${env.collector.url}/zone.html`);
  await page.waitForFunction(() => window.started !== undefined);
  assert.equal(await page.evaluate(() => window.started), true);
  return { page, context, consoleMessages };
}

const appTasks = (page) => page.evaluate(() => window.appTasks.splice(0));
const clickCentre = async (page, locator) => {
  const box = await locator.boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
};

test('the widget works in an app under zone.js and runs none of its tasks in the app zone', async () => {
  const { page, context, consoleMessages } = await open();
  const checklist = page.locator('wowpath-root .panel');
  await checklist.waitFor();
  // Whatever `init` itself resolved in the app's zone is the app's own call; from here on,
  // nothing the widget does may reach it.
  await page.waitForTimeout(300);
  await appTasks(page);

  // The app's own calls, made from its zone as its components would: the user signs in and
  // opens the tour from the app's help menu.
  await page.evaluate(() => window.appZone.run(() => {
    window.wowpathModule.identify('user-1', { plan: 'trial' });
    window.wowpathModule.start('tour');
  }));
  await page.locator('wowpath-root .card', { hasText: 'Your name' }).waitFor();
  await page.mouse.move(400, 300);
  await page.mouse.move(420, 320);
  await page.mouse.wheel(0, 200);
  await page.keyboard.press('Tab');
  await clickCentre(page, page.locator('wowpath-root .card button.primary'));
  await page.locator('wowpath-root .card', { hasText: 'Save it' }).waitFor();
  await page.keyboard.press('Escape');
  await page.locator('wowpath-root .card').waitFor({ state: 'detached' });
  await page.evaluate(() => window.appZone.run(() => window.wowpathModule.track('Project Created')));
  await page.locator('wowpath-root .launcher', { hasText: '1/2' }).waitFor();
  // The events' sends and every timer have run by now.
  await page.waitForTimeout(600);

  assert.deepEqual(await appTasks(page), []);
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
  await context.close();
});

test("a listener given to on() runs in the app's zone, so the app sees what it changes", async () => {
  const { page, context } = await open();
  // Once the file is read and the checklist's own guide has started, only `start` is heard.
  await page.locator('wowpath-root .panel').waitFor();
  await page.evaluate(() => window.appZone.run(() => {
    window.heardIn = [];
    return window.wowpathModule.on('Onboarding Guide Started', () => window.heardIn.push(Zone.current.name));
  }));
  await page.evaluate(() => window.wowpathModule.start('tour'));
  await page.locator('wowpath-root .card', { hasText: 'Your name' }).waitFor();
  await page.waitForFunction(() => window.heardIn.length > 0);
  assert.deepEqual(await page.evaluate(() => window.heardIn), ['app']);
  await context.close();
});
