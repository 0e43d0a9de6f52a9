// A new user goes from the first visit to the wow moment across reloads, a guided tour and
// client-side navigation; another browser signed in as the same user sees the same progress.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withCollectorAndBrowser } from '../support/suite.mjs';

import { openPage, screenshot } from '../support/browser.mjs';
import { Trackly, Checklist, TourStep } from '../support/trackly.mjs';
import { eventually } from '../support/eventually.mjs';

const env = withCollectorAndBrowser();

test('first visit → guided tour → reloads → sign-in → navigation → wow, and progress follows the user', async () => {
  const { page, consoleMessages } = await openPage(env.browser);
  const app = new Trackly(page, env.collector.url);
  const checklist = new Checklist(page);
  const tour = new TourStep(page);

  await app.open();
  await checklist.panel.waitFor();
  assert.equal(await checklist.count(), '0/3');

  // "Show me" starts the tour: the tooltip points at the field, then at the button.
  await checklist.startTour('create-project');
  await tour.waitFor('Name your project');
  await screenshot(page, 'e2e-tour-step-1');
  await page.getByLabel('Project name').fill('Apollo');
  await tour.waitFor('Create it');
  await page.getByRole('button', { name: 'Create project' }).click();
  await eventually(async () => assert.deepEqual(await checklist.doneSteps(), ['create-project']));
  assert.equal(await tour.card.count(), 0, 'the tour is over');

  await page.reload();
  await eventually(async () => assert.equal(await checklist.count(), '1/3'));

  await app.signIn();
  await app.inviteTeammate('grace@example.com');
  assert.equal(await page.evaluate(() => location.pathname), '/team', 'client-side navigation');
  await eventually(async () => assert.equal(await checklist.count(), '2/3'));
  await page.reload();
  await eventually(async () => assert.equal(await checklist.count(), '2/3'));
  await page.evaluate(() => window.wowpath('flush'));

  // Another browser (another device): signing in brings the same progress.
  const other = await openPage(env.browser);
  const otherApp = new Trackly(other.page, env.collector.url);
  const otherChecklist = new Checklist(other.page);
  await otherApp.open();
  await otherChecklist.panel.waitFor();
  await otherApp.signIn();
  await eventually(async () => assert.deepEqual(await otherChecklist.doneSteps(), ['create-project', 'invite-teammate']), 8000);

  await app.shareReport();
  // The finished checklist stays, every step ticked, and says so, until the user puts it away.
  await checklist.finished.waitFor();
  assert.equal(await checklist.finished.textContent(), "You're all set");
  assert.equal(await checklist.count(), '3/3');
  assert.deepEqual(await checklist.doneSteps(), ['create-project', 'invite-teammate', 'share-report']);
  assert.equal(await page.locator('wowpath-root [aria-live]').textContent(), "You're all set", 'screen readers hear it');
  await screenshot(page, 'e2e-checklist-finished');
  await checklist.close.click();
  await checklist.panel.waitFor({ state: 'detached' });
  await page.reload();
  await page.waitForFunction(() => window.wowpath.loaded);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await page.locator('wowpath-root .panel').count(), 0, 'a completed checklist does not come back');
  const wow = await env.collector.waitFor("SELECT user_id, raw FROM events WHERE event = 'Onboarding Wow Reached'", (r) => r.length === 1);
  assert.equal(wow[0].user_id, 'ada');
  const props = JSON.parse(wow[0].raw).properties;
  assert.equal(props.group, 'treatment');
  assert.ok(props.time_to_wow_ms > 0);
  const completed = env.collector.query("SELECT count(*) AS n FROM events WHERE event = 'Onboarding Guide Completed'");
  assert.equal(completed[0].n, 2, 'the tour and the checklist');
  const dismissed = env.collector.query("SELECT count(*) AS n FROM events WHERE event = 'Onboarding Guide Dismissed'");
  assert.equal(dismissed[0].n, 0, 'putting a finished checklist away is not a dismissal');
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
});
