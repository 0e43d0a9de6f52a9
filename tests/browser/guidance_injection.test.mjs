// Guide text is only text: titles and bodies full of HTML, <script>, <img onerror> and a
// bold tag are shown literally, no element of theirs exists, and nothing runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT } from '../support/collector.mjs';
import { openPage, screenshot } from '../support/browser.mjs';
import { Widget } from '../support/widget.mjs';
import { withCollectorAndBrowser } from '../support/suite.mjs';

const env = withCollectorAndBrowser({ www: join(ROOT, 'tests/pages') });

test('HTML and scripts in guide text are shown as text and never run', async () => {
  const { page, context } = await openPage(env.browser);
  const widget = new Widget(page);
  // The payload would also run through a same-origin image error: count any attempt.
  await page.goto(`${env.collector.url}/hostile/zindex.html?surface=inject`);
  await widget.waitForStep('evil/tip');
  await widget.panel.waitFor({ state: 'visible' });
  const payload = await page.evaluate(() => window.HOSTILE_PAYLOAD);
  await page.waitForTimeout(300); // room for an image error or a script to fire
  const found = await page.evaluate(() => {
    const shadow = document.querySelector('wowpath-root').shadowRoot;
    return {
      pwned: window.__pwned ?? null,
      elements: [...shadow.querySelectorAll('img, script, b')].map((e) => e.outerHTML),
      title: shadow.querySelector('.card h2').textContent,
      body: shadow.querySelector('.card .body').textContent,
      checklistTitle: shadow.querySelector('.panel h2').textContent,
    };
  });
  assert.equal(found.pwned, null, 'no payload ran');
  assert.deepEqual(found.elements, [], 'no element came from guide text');
  assert.equal(found.title, payload);
  assert.equal(found.checklistTitle, payload);
  assert.ok(found.body.startsWith(payload), found.body);
  assert.ok(found.body.endsWith('and markdown'), 'the markdown subset still works beside it');
  await page.locator('wowpath-root .card h2', { hasText: '<img src=x onerror=' }).waitFor({ state: 'visible' });
  await screenshot(page, 'injection-shown-as-text');
  await context.close();
});
