// A tour survives the tab's next page load: a user halfway through the project tour who
// reloads (or follows a link that loads a new page) finds it at the step they were on, in
// front of the checklist; a new tab shows the checklist, as a first look at the app would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withCollectorAndBrowser } from '../support/suite.mjs';
import { openPage } from '../support/browser.mjs';
import { Trackly, Checklist, TourStep } from '../support/trackly.mjs';

const env = withCollectorAndBrowser();

test('a reload in the middle of a tour brings it back at the same step', async () => {
  const { context, page, consoleMessages } = await openPage(env.browser);
  const app = new Trackly(page, env.collector.url);
  const checklist = new Checklist(page);
  const tour = new TourStep(page);

  await app.open();
  await checklist.startTour('create-project');
  await tour.waitFor('Name your project');
  await page.getByLabel('Project name').fill('Apollo');
  await tour.waitFor('Create it');

  await page.reload();
  await tour.waitFor('Create it');
  assert.equal(await checklist.panel.count(), 0, 'the checklist waits for the tour, as before the reload');
  const anchor = await page.getByRole('button', { name: 'Create project' }).boundingBox();
  const card = await tour.card.boundingBox();
  assert.ok(card.x >= anchor.x + anchor.width, `the step points at its button again (card ${JSON.stringify(card)}, button ${JSON.stringify(anchor)})`);
  assert.deepEqual(await tour.card.locator('.actions button').allTextContents(), ['Back'],
    'the last step ends when its button is clicked, so it offers no Done that could not end it');

  // A link that loads a new page in this tab, as in an app that is not a single-page app.
  await page.evaluate(() => { location.href = '/?from=link'; });
  await page.waitForURL(/from=link/);
  await tour.waitFor('Create it');

  // Another tab of the same app starts afresh: the checklist, not this tab's tour.
  const other = await context.newPage();
  await other.goto(env.collector.url + '/');
  await new Checklist(other).panel.waitFor();
  assert.equal(await new TourStep(other).card.count(), 0);
  await other.close();

  await page.getByRole('button', { name: 'Create project' }).click();
  await tour.card.waitFor({ state: 'detached' });
  await checklist.panel.waitFor();
  await page.reload();
  await checklist.panel.waitFor();
  assert.equal(await tour.card.count(), 0, 'a finished tour is not brought back');

  const started = await env.collector.waitFor(
    "SELECT event FROM events WHERE json_extract(raw, '$.properties.guide_id') = 'project-tour' AND event IN ('Onboarding Guide Started', 'Onboarding Guide Completed') ORDER BY rowid",
    (rows) => rows.some((r) => r.event === 'Onboarding Guide Completed'),
  );
  assert.deepEqual(started.map((r) => r.event), ['Onboarding Guide Started', 'Onboarding Guide Completed'], 'the resumed tour was not started twice');
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
  await context.close();
});
