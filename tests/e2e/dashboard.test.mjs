// A product manager opens the dashboard: it asks for the admin credential, then shows the
// lift over the holdout, time to wow, the guide's funnel and the stuck users, all drawn as
// SVG from the collector's own data; the stuck list sorts, filters and exports as CSV.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startCollector } from '../support/collector.mjs';
import { launch, openPage, ARTIFACTS } from '../support/browser.mjs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { onboardingMessages, sendAll } from '../support/onboarding_data.mjs';

const TOKEN = 'dashboard-test-token';
let collector, browser, expected;

before(async () => {
  process.env.WOWPATH_ADMIN_TOKEN = TOKEN; // inherited by the collector process
  collector = await startCollector();
  delete process.env.WOWPATH_ADMIN_TOKEN;
  const data = onboardingMessages({ users: 120 });
  expected = data.expected;
  await sendAll(collector.url, data.messages);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await collector?.stop();
});

test('the dashboard needs the admin credential; a write key is not enough', async () => {
  const anonymous = await fetch(`${collector.url}/dashboard/api/report`);
  assert.equal(anonymous.status, 401);
  assert.match(anonymous.headers.get('www-authenticate') || '', /Basic/);
  const withWriteKey = await fetch(`${collector.url}/dashboard/api/report`, {
    headers: { authorization: `Basic ${Buffer.from('demo:').toString('base64')}` },
  });
  assert.equal(withWriteKey.status, 401);
  const wrong = await fetch(`${collector.url}/dashboard`, {
    headers: { authorization: `Basic ${Buffer.from('admin:guess').toString('base64')}` },
  });
  assert.equal(wrong.status, 401);
  const right = await fetch(`${collector.url}/dashboard`, { headers: { authorization: `Bearer ${TOKEN}` } });
  assert.equal(right.status, 200);
});

test('the dashboard draws the experiment, time to wow, the funnel and the stuck users', async () => {
  const { page, consoleMessages } = await openPage(browser, {
    httpCredentials: { username: 'admin', password: TOKEN },
    viewport: { width: 1400, height: 1000 },
  });
  const external = [];
  page.on('request', (r) => { if (!r.url().startsWith(collector.url)) external.push(r.url()); });
  await page.goto(`${collector.url}/dashboard`);
  await page.getByTestId('verdict').filter({ hasText: /./ }).waitFor();

  const arms = await page.getByTestId('arms').locator('tbody tr').allInnerTexts();
  assert.match(arms.find((r) => r.startsWith('treatment')) || '', new RegExp(`^treatment\\s+${expected.treatment}\\s`));
  assert.match(arms.find((r) => r.startsWith('holdout')) || '', new RegExp(`^holdout\\s+${expected.holdout}\\s`));
  assert.equal(await page.getByTestId('lift-chart').locator('svg line.ci').count(), 3, 'one interval with two whiskers');

  const funnel = page.locator('[data-guide="first-project"]');
  // How people closed the guide, in words.
  const v = expected.dismissedVia;
  assert.ok(v.outside && v.close && v.escape, 'the data has each way out');
  assert.match(await funnel.locator('h3').innerText(),
    new RegExp(`${expected.dismissed} dismissed \\(${v.close} with ×, ${v.escape} with Esc, ${v.outside} by clicking beside it\\), ${expected.replayed} replayed$`));
  assert.ok(expected.replayed > 0, 'the data has replays');
  assert.equal(await funnel.locator('svg rect.bar').count(), 5, 'started, three steps, completed');
  const stages = await funnel.locator('tbody tr').allInnerTexts();
  assert.match(stages[0], new RegExp(`^Started\\s+${expected.started}`));
  assert.match(stages[1], new RegExp(`^Create your first project\\s+${expected.completedFirstStep}\\s`), 'a stage reads as the step is titled');
  assert.match(await funnel.locator('h3').innerText(), /^Get started \(first-project\) — /);
  assert.equal(await page.getByTestId('wow-histogram').locator('svg rect.bar').count(), 8);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, 'e2e-dashboard.png'), fullPage: true });

  // Problems people met: the missing share button and the refused beta file, by people.
  assert.ok(expected.missingTarget > 0 && expected.invalidFile > 0, 'the data has both problems');
  const missing = (await page.getByTestId('missing-targets').locator('tbody tr').allInnerTexts()).map((r) => r.split('\t'));
  assert.deepEqual(missing.map((r) => r.slice(0, 5)),
    [['Get started', 'Share your first report', '#share-report', '/reports', String(expected.missingTarget)]]);
  const invalid = (await page.getByTestId('invalid-files').locator('tbody tr').allInnerTexts()).map((r) => r.split('\t'));
  assert.deepEqual(invalid.map((r) => r.slice(0, 3)),
    [['/guides-beta.json', 'guides[0].steps[2].anchor: expected a CSS selector', String(expected.invalidFile)]]);

  const stuck = page.getByTestId('stuck-users').locator('tbody tr');
  const total = await stuck.count();
  assert.ok(total > 3, `some users are stuck (${total})`);
  await page.getByTestId('stuck-filter').fill('acme');
  const acme = await stuck.allInnerTexts();
  assert.ok(acme.length > 0 && acme.length < total && acme.every((r) => r.includes('acme')), 'the filter keeps acme rows');
  await page.getByTestId('stuck-users').locator('th[data-key=user]').click();
  const users = (await stuck.allInnerTexts()).map((r) => r.split('\t')[0]);
  assert.deepEqual(users, [...users].sort(), 'sorted by user');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stuck-csv').click()]);
  const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString());
  const lines = csv.trim().split('\r\n');
  assert.equal(lines[0], 'user,account,plan,guide,stopped_at,steps_done,steps_total,started_at,last_seen,guide_title,stopped_at_title');
  assert.equal(lines.length - 1, acme.length, 'the CSV has the filtered rows');
  const stoppedAt = page.getByTestId('stuck-users').locator('tbody tr td:nth-child(5)');
  assert.ok((await stoppedAt.allInnerTexts()).length > 0 && (await stoppedAt.allInnerTexts()).every((t) => ['Create your first project', 'Invite a teammate', 'Share your first report', 'all steps done'].includes(t)),
    'where each user stopped reads as the step is titled');
  await page.getByTestId('stuck-filter').fill('invite a TEAMMATE');
  const invited = await stuck.allInnerTexts();
  assert.ok(invited.length > 0 && invited.every((r) => r.includes('Invite a teammate')), `the filter finds a step by its title: ${invited}`);
  await page.getByTestId('stuck-filter').fill('no such user anywhere');
  assert.deepEqual(await stuck.allInnerTexts(), ['Nobody is stuck with these filters.']);
  assert.equal(await stuck.locator('td').getAttribute('colspan'), '8', 'the note spans the table');
  await page.getByTestId('stuck-filter').fill('');

  await page.selectOption('select[name=trait]', 'plan:trial');
  await page.click('button[type=submit]');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('trait') === 'plan:trial');
  const filtered = await page.locator('#status').innerText();
  assert.match(filtered, /^\d+ people in view/);
  assert.ok(Number(filtered.split(' ')[0]) < expected.treatment + expected.holdout, filtered);

  // A cohort nobody is in: every table says so rather than staying blank.
  await page.fill('input[name=from]', '2001-01-01');
  await page.fill('input[name=to]', '2001-01-02');
  await page.click('button[type=submit]');
  await page.getByText('0 people in view.').waitFor();
  assert.deepEqual(await page.getByTestId('missing-targets').locator('tbody').allInnerTexts(), ['Every tour step found its anchor.']);
  assert.deepEqual(await page.getByTestId('invalid-files').locator('tbody').allInnerTexts(), ['No browser refused a guide file.']);
  assert.deepEqual(await page.getByTestId('stuck-accounts').locator('tbody').allInnerTexts(), ['No account has anyone stuck.']);

  assert.deepEqual(external, [], 'no request leaves the collector (no CDN)');
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
});

// What a reader sees of the charts: drawn at one SVG unit per CSS pixel (so the 12 px text is
// 12 px), every label inside its chart and clear of its neighbours, no card wider than its box.
async function chartLayout(page) {
  return page.evaluate(() => {
    const problems = [];
    const svgs = [...document.querySelectorAll('.chart svg')];
    for (const svg of svgs) {
      const name = svg.getAttribute('aria-label');
      const box = svg.getBoundingClientRect();
      const scale = box.width / svg.viewBox.baseVal.width;
      if (Math.abs(scale - 1) > 0.02) problems.push(`${name}: drawn at ${scale.toFixed(2)}× its layout`);
      const labels = [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }));
      for (const { text, r } of labels) {
        if (r.left < box.left - 1 || r.right > box.right + 1) problems.push(`${name}: "${text}" is cut off`);
      }
      for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) {
          const a = labels[i].r, b = labels[j].r;
          if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) {
            problems.push(`${name}: "${labels[i].text}" overlaps "${labels[j].text}"`);
          }
        }
      }
    }
    for (const id of ['experiment', 'wow', 'guides']) {
      const s = document.getElementById(id);
      if (s.scrollWidth > s.clientWidth + 1) problems.push(`#${id} is ${s.scrollWidth - s.clientWidth} px too wide`);
    }
    return { charts: svgs.length, problems };
  });
}

test('the charts are drawn for the width they have, and again when it changes', async () => {
  const { page, consoleMessages } = await openPage(browser, {
    httpCredentials: { username: 'admin', password: TOKEN },
    viewport: { width: 1400, height: 1000 },
  });
  await page.goto(`${collector.url}/dashboard`);
  await page.getByTestId('verdict').filter({ hasText: /./ }).waitFor();
  const wide = await chartLayout(page);
  assert.equal(wide.charts, 3, 'lift, histogram and one funnel');
  assert.deepEqual(wide.problems, [], 'at 1400 px');

  // A laptop split screen: the cards stack, the histogram's bars narrow and their labels wrap.
  await page.setViewportSize({ width: 600, height: 1000 });
  await page.waitForFunction(() => [...document.querySelectorAll('.chart')].every((c) => Number(c.dataset.width) === Math.floor(c.clientWidth)));
  const narrow = await chartLayout(page);
  assert.deepEqual(narrow.problems, [], 'at 600 px');
  await page.screenshot({ path: join(ARTIFACTS, 'e2e-dashboard-narrow.png'), fullPage: true });
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
});
