// The ways out of a step: its × button, Esc, and a click on the dimmed page around it (a
// spotlight's panes, a modal's backdrop). Each closes the guide, and `Onboarding Guide
// Dismissed` says which way in `via`, so a team can tell a considered "no thanks" from a
// click beside the step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { withCollectorAndBrowser } from '../support/suite.mjs';
import { ROOT } from '../support/collector.mjs';
import { openPage } from '../support/browser.mjs';

const env = withCollectorAndBrowser({ www: join(ROOT, 'tests/pages') });

const WAYS = [
  { via: 'outside', guide: 'form-tour', title: 'Your name', out: (page) => page.mouse.click(1200, 700) },
  { via: 'escape', guide: 'form-tour', title: 'Your name', out: (page) => page.keyboard.press('Escape') },
  { via: 'close', guide: 'form-tour', title: 'Your name', out: (page) => page.locator('wowpath-root .card .close').click() },
  { via: 'outside', guide: 'news', title: 'Something new', out: (page) => page.mouse.click(20, 780) },
];

for (const [n, way] of WAYS.entries()) {
  test(`${way.guide}: ${way.via} closes the guide and says so`, async () => {
    const { page, context, consoleMessages } = await openPage(env.browser);
    page.setDefaultTimeout(5000);
    await page.goto(`${env.collector.url}/form.html`);
    await page.waitForFunction(() => window.wowpath && window.wowpath.loaded);
    const user = `dismisser-${n}`;
    await page.evaluate((user) => wowpath('identify', user), user);
    await page.evaluate((guide) => wowpath('start', guide), way.guide);
    const card = page.locator('wowpath-root .card', { hasText: way.title });
    await card.waitFor();
    await way.out(page);
    await card.waitFor({ state: 'detached' });
    const rows = await env.collector.waitFor(
      `SELECT json_extract(raw, '$.properties') AS p FROM events WHERE user_id = '${user}' AND event = 'Onboarding Guide Dismissed'`,
      (r) => r.length >= 1);
    const props = JSON.parse(rows[0].p);
    assert.equal(props.via, way.via);
    assert.equal(props.guide_id, way.guide);
    // The guide stays closed after a reload: asked for again, the call says why and how.
    await page.reload();
    await page.waitForFunction(() => window.wowpath && window.wowpath.loaded);
    const refused = await page.evaluate((guide) => wowpath('start', guide).then(() => 'shown', (e) => e.message), way.guide);
    assert.equal(refused, `wowpath: guide \`${way.guide}\` cannot show now: hidden: the user dismissed it (to show it again, start it with { replay: true })`);
    await page.waitForTimeout(300);
    assert.equal(await page.locator('wowpath-root .card').count(), 0);
    // "Take the tour again": a replay shows it from its first step.
    await page.evaluate((guide) => wowpath('start', guide, { replay: true }), way.guide);
    await card.waitFor();
    assert.deepEqual(consoleMessages.filter((m) => m.type === 'pageerror').concat(
      consoleMessages.filter((m) => m.type === 'error' && !m.text.includes('cannot show now'))), []);
    await context.close();
  });
}
