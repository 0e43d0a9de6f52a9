// The validator is a module of its own, in real Chromium: a guide file stamped by
// `wowpath check --stamp` shows without it being downloaded; any other file is checked by it
// first, exactly as before the split; and when it cannot be downloaded, only unstamped files
// are affected, with the reason in the console.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/collector.mjs';
import { openPage } from '../support/browser.mjs';
import { withCollectorAndBrowser } from '../support/suite.mjs';
import { Widget } from '../support/widget.mjs';
import { eventually } from '../support/eventually.mjs';

const env = withCollectorAndBrowser({ www: join(ROOT, 'tests/pages') });
const STAMPED = readFileSync(join(ROOT, 'tests/pages/stamped-guides.json'), 'utf8');
const STEP = 'news/hello';

/** The validator page, with every request's path noted and `routes` ({ glob: handler }) set. */
async function open(routes = {}) {
  const { page, context, consoleMessages } = await openPage(env.browser);
  page.setDefaultTimeout(8000);
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  for (const [glob, handler] of Object.entries(routes)) await page.route(glob, handler);
  await page.goto(`${env.collector.url}/validator.html`);
  const init = (options) => page.evaluate((o) => window.wowpath('init', { writeKey: 'validator-test', flushAfterMs: 60000, ...o }), options);
  const validatorFetched = () => requested.some((p) => p.includes('wowpath_check'));
  return { page, context, consoleMessages, init, validatorFetched, widget: new Widget(page) };
}

const serve = (body) => (route) => route.fulfill({ status: 200, contentType: 'application/json', body });
const problems = (messages) => messages.filter((m) => ['error', 'warning', 'pageerror'].includes(m.type));

test('a stamped guide file shows without the validator being downloaded', async () => {
  const { context, consoleMessages, init, validatorFetched, widget } = await open();
  await init({ guidesUrl: '/stamped-guides.json' });
  await widget.waitForStep(STEP);
  assert.equal(validatorFetched(), false, 'no request for wowpath_check.js or wowpath_check_bg.wasm');
  assert.deepEqual(problems(consoleMessages), []);
  await context.close();
});

test('an unstamped guide file is checked by the validator, downloaded for it, then shown', async () => {
  const { context, consoleMessages, init, validatorFetched, widget } = await open();
  await init({ guides: JSON.parse(STAMPED.replace(/^\s*"checked": .*\n/m, '')) });
  await widget.waitForStep(STEP);
  assert.equal(validatorFetched(), true, 'the validator was downloaded');
  assert.deepEqual(problems(consoleMessages), []);
  await context.close();
});

test('a file edited after stamping is checked again, and the console says to stamp it again', async () => {
  const edited = STAMPED.replace('Reports have teammates', 'Reports now have teammates');
  const { page, context, consoleMessages, init, validatorFetched, widget } = await open({ '**/edited.json': serve(edited) });
  await init({ guidesUrl: '/edited.json' });
  await widget.waitForStep(STEP);
  assert.match(await page.locator('wowpath-root .card h2').innerText(), /now have teammates/);
  assert.equal(validatorFetched(), true);
  const warning = consoleMessages.find((m) => m.type === 'warning' && m.text.includes('/edited.json:2:'));
  assert.ok(warning, `a located warning: ${JSON.stringify(consoleMessages)}`);
  assert.match(warning.text, /at \/checked: the file changed after `wowpath check --stamp`/);
  await context.close();
});

test('a broken file shows nothing, its errors listed where they are, whatever its stamp', async () => {
  const broken = STAMPED.replace('"kind": "modal"', '"kind": "modl"');
  const { page, context, consoleMessages, init, validatorFetched } = await open({ '**/broken.json': serve(broken) });
  const heard = page.evaluate(() => new Promise((resolve) => window.wowpath('on', 'Onboarding Guide Config Invalid', resolve)));
  await init({ guidesUrl: '/broken.json' });
  const event = await heard;
  assert.equal(event.source, '/broken.json');
  assert.match(event.first_error, /^\d+:\d+: error at \/guides\/0\/steps\/0\/kind: unknown value `modl`: did you mean `modal`\?$/);
  assert.equal(validatorFetched(), true);
  const error = consoleMessages.find((m) => m.type === 'error' && m.text.includes('/broken.json:'));
  assert.match(error.text, /^wowpath: \/broken\.json:\d+:\d+: error at \/guides\/0\/steps\/0\/kind: /);
  await assert.rejects(page.evaluate(() => window.wowpath('start', 'news')), /has errors, listed in the console/);
  assert.equal(await page.locator('wowpath-root .card').count(), 0);
  await context.close();
});

test('without the validator, an unstamped file shows nothing and says why; a stamped one still shows', async () => {
  const refuse = (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not here' });
  const blocked = await open({ '**/wowpath_check*': refuse });
  await blocked.init({ guides: JSON.parse(STAMPED.replace(/^\s*"checked": .*\n/m, '')) });
  await eventually(() => {
    const error = blocked.consoleMessages.find((m) => m.type === 'error' && m.text.includes('could not be checked'));
    assert.ok(error, JSON.stringify(blocked.consoleMessages));
    assert.match(error.text, /wowpath_check_bg\.wasm/);
    assert.match(error.text, /wowpath check --stamp/);
  });
  assert.equal(blocked.consoleMessages.filter((m) => m.type === 'pageerror').length, 0, 'the host page saw no error');
  await blocked.context.close();

  const stamped = await open({ '**/wowpath_check*': refuse });
  await stamped.init({ guidesUrl: '/stamped-guides.json' });
  await stamped.widget.waitForStep(STEP);
  await stamped.context.close();
});

test('validate() answers through the validator module, without init', async () => {
  const { page, context } = await open();
  const result = await page.evaluate(() => window.wowpath('validate', { version: 2, guides: [] }));
  assert.equal(result.ok, false);
  assert.deepEqual(result.diagnostics.map((d) => [d.code, d.pointer]), [['unsupported_version', '/version'], ['empty', '/guides']]);
  await assert.rejects(page.evaluate(() => window.wowpath('validate', undefined)), /validate takes a guide file's text or object/);
  await context.close();
});
