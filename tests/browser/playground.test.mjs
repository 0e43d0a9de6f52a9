// The playground: a product manager edits a guide file, sees the widget's own validator's
// findings as they type, and the last valid version runs in the demo app beside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot } from '../support/browser.mjs';
import { eventually } from '../support/eventually.mjs';
import { withCollectorAndBrowser } from '../support/suite.mjs';

const env = withCollectorAndBrowser();

const lineCol = (text, offset) => {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before.at(-1).length + 1}`;
};

test('edits are validated as they are typed and the valid guide runs in the demo app', async () => {
  const { page, consoleMessages } = await openPage(env.browser);
  await page.goto(`${env.collector.url}/playground.html`);
  const status = page.locator('#status');
  const app = page.frameLocator('#app');
  await eventually(async () => assert.match(await status.textContent(), /^No problems/), 10000);
  await eventually(async () => assert.equal(await app.locator('wowpath-root li[data-step="create-project"]').count(), 1), 10000);

  const original = await page.inputValue('#source');
  const broken = original.replace('"steps"', '"stesp"');
  await page.fill('#source', broken);
  await eventually(async () => assert.match(await status.textContent(), /^1 error\(s\)/));
  const problem = page.locator('#diagnostics li[data-code="unknown_field"]');
  assert.match(await problem.textContent(), /did you mean `steps`\?/);
  assert.equal(await problem.locator('.where').textContent(), lineCol(broken, broken.indexOf('"stesp"')));
  assert.match(await problem.locator('code').textContent(), /^\/guides\/0\/stesp$/);
  await problem.locator('.where').click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'source', 'the problem leads to the editor');
  await screenshot(page, 'playground-error');

  await page.fill('#source', original.replace('Create your first project', 'Create a playground project'));
  await eventually(async () => assert.match(await status.textContent(), /^No problems/));
  await eventually(
    async () => assert.match(await app.locator('wowpath-root li[data-step="create-project"]').textContent(), /Create a playground project/),
    10000,
  );
  await screenshot(page, 'playground');
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'pageerror' || m.type === 'error'), []);
});

test('"Restart the guide" starts the preview afresh, whatever guide the last run left on screen', async () => {
  const { page, consoleMessages } = await openPage(env.browser);
  await page.goto(`${env.collector.url}/playground.html`);
  const status = page.locator('#status');
  const app = page.frameLocator('#app');
  await eventually(async () => assert.match(await status.textContent(), /^No problems/), 10000);
  // The project tour starts by itself, after the checklist, which goes first by priority.
  const original = await page.inputValue('#source');
  const edited = original
    .replace('"version": 1,', '"version": 1,\n  "cooldown_minutes": 0,')
    .replace('"start": { "manual": true },', '')
    .replace('Create your first project', 'Create a fresh project');
  assert.notEqual(edited, original);
  await page.fill('#source', edited);
  await eventually(async () => assert.match(await status.textContent(), /^No problems/));
  const checklist = app.locator('wowpath-root section.panel', { hasText: 'Create a fresh project' });
  const tour = app.locator('wowpath-root .card', { hasText: 'Name your project' });
  await checklist.waitFor();

  await app.locator('wowpath-root section.panel button.close').click();
  await tour.waitFor();
  await page.getByRole('button', { name: 'Restart the guide' }).click();
  await checklist.waitFor();
  await eventually(async () => assert.equal(await tour.count(), 0, 'the tour the last run showed is not brought back'));
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'pageerror' || m.type === 'error'), []);
});
