// A product manager ships a guide file with a mistake: the console names the file and the
// position, the collector hears about it, the widget shows nothing, and the app keeps working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withCollectorAndBrowser } from '../support/suite.mjs';

import { openPage } from '../support/browser.mjs';
import { Trackly } from '../support/trackly.mjs';
import { eventually } from '../support/eventually.mjs';

const env = withCollectorAndBrowser();

const cases = [
  { name: 'a syntax error', body: '{\n  "version": 1,\n  "guides": [\n    { "id": "g", }\n  ]\n}', expect: /guides\.json:4:18: error at \/: trailing comma/ },
  {
    name: 'a misspelt field',
    body: '{\n  "version": 1,\n  "guides": [{ "id": "g", "title": "T",\n    "stesp": [] }]\n}',
    expect: /guides\.json:4:5: error at \/guides\/0\/stesp: unknown field `stesp`: did you mean `steps`\?/,
  },
];

for (const c of cases) {
  test(`a guide file with ${c.name} is reported with its position and shows nothing`, async () => {
    const { page, consoleMessages } = await openPage(env.browser);
    await page.route('**/guides.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: c.body }));
    const app = new Trackly(page, env.collector.url);
    await app.open();
    await eventually(() => assert.ok(consoleMessages.some((m) => m.type === 'error' && c.expect.test(m.text)), JSON.stringify(consoleMessages)));
    assert.equal(await page.locator('wowpath-root').count(), 0, 'no widget for a broken guide file');

    await app.createProject('Still works');
    await eventually(async () => assert.match(await page.textContent('#projects'), /Still works/));
    const rows = await env.collector.waitFor(
      "SELECT raw FROM events WHERE event = 'Onboarding Guide Config Invalid'",
      (rows) => rows.some((r) => c.expect.test(JSON.parse(r.raw).properties.source + ':' + JSON.parse(r.raw).properties.first_error)),
    );
    assert.ok(rows.length >= 1);
    assert.ok(!consoleMessages.some((m) => m.type === 'pageerror'));
  });
}
