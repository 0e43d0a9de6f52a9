// A new user opens the demo app, sees the checklist, does the first step in the app, and
// finds it still ticked after a reload; the events are in the collector's SQLite file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withCollectorAndBrowser } from '../support/suite.mjs';

import { openPage, screenshot } from '../support/browser.mjs';
import { Trackly, Checklist } from '../support/trackly.mjs';
import { eventually } from '../support/eventually.mjs';

const env = withCollectorAndBrowser();

test('the checklist appears, ticks when the step is done in the app, survives a reload, and the events are stored', async () => {
  const { page, consoleMessages } = await openPage(env.browser);
  const app = new Trackly(page, env.collector.url);
  const checklist = new Checklist(page);

  await app.open();
  await checklist.panel.waitFor({ state: 'visible' });
  assert.equal(await checklist.count(), '0/3');
  assert.deepEqual(await checklist.doneSteps(), []);
  await screenshot(page, 'e2e-checklist-new-user');

  await app.createProject('Apollo');
  await eventually(async () => assert.deepEqual(await checklist.doneSteps(), ['create-project']));
  assert.equal(await checklist.count(), '1/3');

  await page.reload();
  await checklist.panel.waitFor({ state: 'visible' });
  await eventually(async () => assert.deepEqual(await checklist.doneSteps(), ['create-project']));
  await screenshot(page, 'e2e-checklist-after-reload');

  const rows = await env.collector.waitFor(
    "SELECT type, event, anonymous_id, raw FROM events WHERE event IN ('Project Created', 'Onboarding Step Completed')",
    (rows) => rows.length >= 2,
  );
  const created = rows.find((r) => r.event === 'Project Created');
  assert.equal(JSON.parse(created.raw).properties.name, 'Apollo');
  const completed = JSON.parse(rows.find((r) => r.event === 'Onboarding Step Completed').raw);
  const { guide_id, guide_title, step_id, step_title, step_index } = completed.properties;
  assert.deepEqual(
    { guide_id, guide_title, step_id, step_title, step_index },
    { guide_id: 'first-project', guide_title: 'Get started', step_id: 'create-project', step_title: 'Create your first project', step_index: 0 },
    'the event names the guide and step as www/guides.json titles them',
  );
  assert.equal(completed.context.library.name, 'wowpath');
  assert.equal(created.anonymous_id, completed.anonymousId, 'one user, one anonymous id');
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
});
