// A user who closes a tour and later asks for it again gets it again: "Show me" in the
// checklist replays the tour after an Esc, across a reload, from its first step; the app's
// own "Take the tour" item replays it once it is done.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withCollectorAndBrowser } from '../support/suite.mjs';

import { openPage } from '../support/browser.mjs';
import { Trackly, Checklist, TourStep } from '../support/trackly.mjs';

const env = withCollectorAndBrowser();

test('"Show me" and the app\'s "Take the tour" bring back a tour the user closed or finished', async () => {
  const { page, consoleMessages } = await openPage(env.browser);
  const app = new Trackly(page, env.collector.url);
  const checklist = new Checklist(page);
  const tour = new TourStep(page);

  await app.open();
  await checklist.startTour('create-project');
  await tour.waitFor('Name your project');
  await page.keyboard.press('Escape');
  await tour.card.waitFor({ state: 'detached' });

  await page.reload();
  await checklist.panel.waitFor();
  assert.equal(await tour.card.count(), 0, 'a closed tour stays closed by itself');
  await checklist.startTour('create-project');
  await tour.waitFor('Name your project');
  await page.getByLabel('Project name').fill('Apollo');
  await tour.waitFor('Create it');
  await page.getByRole('button', { name: 'Create project' }).click();
  await tour.card.waitFor({ state: 'detached' });

  // The app's own "Take the tour" item, from another page, after the tour was completed.
  await app.goTo('Team');
  await app.takeTheTour();
  await tour.waitFor('Name your project');
  assert.equal(await page.evaluate(() => location.pathname), '/', 'the app took the user to the tour');
  await page.keyboard.press('Escape');
  await tour.card.waitFor({ state: 'detached' });

  const events = await env.collector.waitFor(
    "SELECT event, json_extract(raw, '$.properties.via') AS via FROM events WHERE event LIKE 'Onboarding Guide %' AND json_extract(raw, '$.properties.guide_id') = 'project-tour' ORDER BY rowid",
    (rows) => rows.filter((r) => r.event === 'Onboarding Guide Replayed').length === 2,
  );
  assert.deepEqual(events.map((r) => [r.event, r.via]), [
    ['Onboarding Guide Started', null],
    ['Onboarding Guide Dismissed', 'escape'],
    ['Onboarding Guide Replayed', null],
    ['Onboarding Guide Completed', null],
    ['Onboarding Guide Replayed', null],
  ], 'one start, the dismissal, a replay and its completion, then a replay of the completed tour');
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
});
