// Calls made while the guide file is still on its way (`guidesUrl`) are not lost: an event
// tracked then still completes its step, `complete` and `start` still take effect, and the
// calls that name a guide or a step settle only once the file says whether it exists; a page
// visited meanwhile still counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from '../support/browser.mjs';
import { withCollectorAndBrowser } from '../support/suite.mjs';
import { Checklist } from '../support/trackly.mjs';

const env = withCollectorAndBrowser();

/** Holds the demo's guide file back until `release()`; `answer` replaces it when given. */
async function holdGuideFile(page, answer) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route('**/guides.json', async (route) => {
    await released;
    if (answer) await answer(route);
    else await route.continue();
  });
  return release;
}

/** The demo app with its guide file held back (see `holdGuideFile`), once the loader runs.
 * `initScript` runs in the page before any of its own. */
async function openHeld(answer, { initScript } = {}) {
  const opened = await openPage(env.browser);
  if (initScript) await opened.page.addInitScript(initScript);
  const release = await holdGuideFile(opened.page, answer);
  await opened.page.goto(`${env.collector.url}/`);
  await opened.page.waitForFunction(() => window.wowpath && window.wowpath.loaded === true);
  return { ...opened, release };
}

/** Makes the calls through the snippet and records how each of them settled. */
const callEarly = (page, calls) =>
  page.evaluate((calls) => {
    window.__settled = calls.map(() => 'pending');
    calls.forEach((args, i) => {
      window.wowpath(...args).then(
        () => (window.__settled[i] = 'resolved'),
        (e) => (window.__settled[i] = `rejected: ${e.message}`),
      );
    });
  }, calls);

const settled = (page) => page.evaluate(() => window.__settled);
const allSettled = (page) => page.waitForFunction(() => !window.__settled.includes('pending'));

test('track and complete made before the guide file arrives still complete their steps', async () => {
  const { context, page, consoleMessages, release } = await openHeld();
  await callEarly(page, [
    ['track', 'Project Created', { template: 'kanban' }],
    ['complete', 'invite-teammate'],
    ['start', 'no-such-guide'],
    ['explain'],
    ['complete', 'no-such-step'],
    ['dismiss', 'no-such-guide'],
  ]);
  await page.waitForTimeout(300);
  assert.deepEqual(await settled(page), ['resolved', 'pending', 'pending', 'resolved', 'pending', 'pending'],
    'a call naming a guide or step settled before the guide file said whether it exists');
  assert.equal(await page.evaluate(() => window.wowpath('explain')), 'the guide file is still loading');
  release();
  await page.locator('wowpath-root li.done').nth(1).waitFor();
  await allSettled(page);
  assert.deepEqual((await new Checklist(page).doneSteps()).sort(), ['create-project', 'invite-teammate']);
  assert.deepEqual(await settled(page), [
    'resolved',
    'resolved',
    'rejected: wowpath: there is no guide `no-such-guide` in the guide file',
    'resolved',
    'rejected: wowpath: there is no step `no-such-step` in the guide file',
    'rejected: wowpath: there is no guide `no-such-guide` in the guide file',
  ]);
  // Once the file is read, the same checks answer at once.
  const now = await page.evaluate(() => Promise.all([
    ['complete', 'project-tour/create-project'], ['complete', 'first-project/share-report'], ['dismiss', 'project-tour'],
  ].map((args) => window.wowpath(...args).then(() => 'resolved', (e) => e.message))));
  assert.deepEqual(now, ['wowpath: there is no step `project-tour/create-project` in the guide file', 'resolved', 'resolved']);
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'pageerror'), []);
  await context.close();
});

test('start made before the guide file arrives shows the tour once it is read, then resolves', async () => {
  const { context, page, release } = await openHeld();
  await callEarly(page, [['start', 'project-tour']]);
  await page.waitForTimeout(300);
  assert.deepEqual(await settled(page), ['pending']);
  release();
  await page.locator('wowpath-root .card[data-step="project-tour/name-it"]').waitFor();
  await allSettled(page);
  assert.deepEqual(await settled(page), ['resolved']);
  await context.close();
});

test('a start waiting for a guide file that cannot be loaded rejects and says why', async () => {
  const { context, page, release } = await openHeld((route) => route.fulfill({ status: 404, body: 'not here' }));
  await callEarly(page, [['start', 'project-tour'], ['track', 'Project Created']]);
  release();
  await allSettled(page);
  const [start, track] = await settled(page);
  assert.equal(track, 'resolved');
  assert.match(start, /^rejected: wowpath: cannot start `project-tour`: the guide file \/guides.json could not be loaded: HTTP 404$/);
  assert.equal(await page.locator('wowpath-root .card, wowpath-root .panel').count(), 0);
  // A start made later says the same, rather than that the file has no such guide.
  const later = await page.evaluate(() => window.wowpath('start', 'project-tour').then(() => 'resolved', (e) => e.message));
  assert.equal(later, 'wowpath: cannot start `project-tour`: the guide file /guides.json could not be loaded: HTTP 404');
  await context.close();
});

test('reset() while the guide file loads forgets the waiting calls of the previous user', async () => {
  const { context, page, release } = await openHeld();
  await callEarly(page, [['track', 'Project Created'], ['start', 'project-tour'], ['reset'], ['complete', 'invite-teammate']]);
  release();
  await page.locator('wowpath-root li.done').waitFor();
  await allSettled(page);
  assert.deepEqual(await new Checklist(page).doneSteps(), ['invite-teammate']);
  assert.equal((await settled(page))[1], 'rejected: wowpath: cannot start `project-tour`: the guide file was still loading when reset() was called');
  await context.close();
});

test('a start waiting for an invalid guide file rejects and points to the console', async () => {
  const { context, page, consoleMessages, release } = await openHeld((route) => route.fulfill({
    status: 200, contentType: 'application/json', body: '{ "version": 1, "guides": [ { "id": "project-tour", "steps": [] } ] }',
  }));
  await callEarly(page, [['start', 'project-tour']]);
  release();
  await allSettled(page);
  assert.deepEqual(await settled(page), ['rejected: wowpath: cannot start `project-tour`: the guide file /guides.json has errors, listed in the console']);
  assert.ok(consoleMessages.some((m) => m.type === 'error' && m.text.startsWith('wowpath: /guides.json:')), JSON.stringify(consoleMessages));
  await context.close();
});

test('signing in while the guide file loads keeps what the user did anonymously', async () => {
  const { context, page } = await openPage(env.browser);
  await page.goto(`${env.collector.url}/`);
  await page.evaluate(() => window.wowpath('track', 'Project Created'));
  await page.locator('wowpath-root li.done[data-step="create-project"]').waitFor();
  const release = await holdGuideFile(page);
  await page.reload();
  await page.waitForFunction(() => window.wowpath && window.wowpath.loaded === true);
  await callEarly(page, [['identify', 'early-signer']]);
  await allSettled(page);
  release();
  await page.locator('wowpath-root .panel').waitFor();
  assert.deepEqual(await new Checklist(page).doneSteps(), ['create-project']);
  await context.close();
});

test('progress from another device that arrives before the guide file is not lost', async () => {
  const first = await openPage(env.browser);
  await first.page.goto(`${env.collector.url}/`);
  await first.page.evaluate(() => window.wowpath('identify', 'roamer'));
  await first.page.evaluate(() => window.wowpath('track', 'Project Created'));
  await first.page.locator('wowpath-root li.done[data-step="create-project"]').waitFor();
  await first.page.evaluate(() => window.wowpath('flush'));
  await first.context.close();

  const { context, page, release } = await openHeld();
  const progress = page.waitForResponse((r) => r.url().includes('/v1/progress/roamer'));
  await callEarly(page, [['identify', 'roamer']]);
  const answer = await progress;
  assert.equal(answer.status(), 200);
  await page.waitForTimeout(200); // the answer has been read and held
  release();
  await page.locator('wowpath-root .panel').waitFor();
  await page.locator('wowpath-root li.done').first().waitFor({ timeout: 5000 });
  assert.deepEqual(await new Checklist(page).doneSteps(), ['create-project']);
  await context.close();
});

test('a page visited while the guide file loads still completes the step that asks for it', async () => {
  const guides = {
    version: 1,
    guides: [{
      id: 'team',
      title: 'Your team',
      steps: [
        { id: 'see-team', title: 'Meet your team', body: 'Everyone in one place.', complete_when: { url: '/team' } },
        { id: 'later', title: 'Later', body: 'Not yet.', complete_when: { event: 'Never Sent' } },
      ],
    }],
  };
  const { context, page, consoleMessages, release } = await openHeld((route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(guides) }));
  // The single-page app goes to its team page and back before the guide file arrives.
  await page.evaluate(() => {
    history.pushState({}, '', '/team');
    history.pushState({}, '', '/');
  });
  release();
  await page.locator('wowpath-root li.done').waitFor();
  assert.deepEqual(await new Checklist(page).doneSteps(), ['see-team']);
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'pageerror' || m.type === 'error'), []);
  await context.close();
});

test('a guide file that cannot be loaded gives the host its history functions back', async () => {
  // Without the Navigation API the widget follows the URL by wrapping pushState and replaceState.
  const { context, page, release } = await openHeld((route) => route.fulfill({ status: 404, body: 'not here' }), {
    initScript: () => Object.defineProperty(window, 'navigation', { value: undefined }),
  });
  const native = () => page.evaluate(() => [history.pushState, history.replaceState].map((f) => /\[native code\]/.test(String(f))));
  assert.deepEqual(await native(), [false, false], 'the URL is followed while the guide file loads');
  await callEarly(page, [['start', 'project-tour']]);
  release();
  await allSettled(page);
  assert.deepEqual(await native(), [true, true], 'no guides will run, so nothing of the page stays wrapped');
  await page.evaluate(() => history.pushState({}, '', '/team'));
  assert.equal(await page.evaluate(() => location.pathname), '/team');
  await context.close();
});

test('a wow reached while the guide file loads is timed from init, not from the file arriving', async () => {
  const { context, page, release } = await openHeld();
  await callEarly(page, [['identify', 'early-wow']]);
  await page.waitForTimeout(400);
  await callEarly(page, [['track', 'Report Shared', { recipients: 2 }]]);
  await page.waitForTimeout(300);
  release();
  await page.locator('wowpath-root li.done[data-step="share-report"]').waitFor();
  await page.evaluate(() => window.wowpath('flush'));
  const rows = await env.collector.waitFor(
    `SELECT json_extract(raw, '$.properties.time_to_wow_ms') AS ms FROM events
     WHERE event = 'Onboarding Wow Reached' AND json_extract(raw, '$.userId') = 'early-wow'`,
    (r) => r.length > 0,
    10000,
  );
  // From init to the tracked event: at least the 400 ms waited, not the 0 a start at the
  // file's arrival (after the event) would give.
  assert.equal(rows.length, 1);
  assert.ok(rows[0].ms >= 400 && rows[0].ms < 5000, `time_to_wow_ms ${rows[0].ms}`);
  await context.close();
});

test('a router rewriting the query on every scroll does not crowd out the waiting calls', async () => {
  const { context, page, consoleMessages, release } = await openHeld();
  await callEarly(page, [['track', 'Project Created']]);
  await page.evaluate(() => {
    for (let y = 0; y < 1500; y++) history.replaceState({ y }, '', `/?y=${y}`);
  });
  release();
  await page.locator('wowpath-root li.done').waitFor();
  assert.deepEqual(await new Checklist(page).doneSteps(), ['create-project']);
  assert.deepEqual(consoleMessages.filter((m) => /calls were made while/.test(m.text)), []);
  await context.close();
});
