// Loading on a slow network: the snippet asks for the module and the guide file beside the
// loader, so the first guide waits for the slowest of the three files rather than for them one
// after another. A failed guide file is still reported as the widget reports its own requests'
// failures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from '../support/browser.mjs';
import { startCollector } from '../support/collector.mjs';
import { withCollectorAndBrowser } from '../support/suite.mjs';
import { eventually } from '../support/eventually.mjs';

const env = withCollectorAndBrowser();

// 150 ms each way is a distant server; 10 Mbit/s makes the module take a while to arrive.
async function slowNetwork(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: 1.25e6, uploadThroughput: 1.25e6,
  });
}

const timings = (page) =>
  page.evaluate(() => performance.getEntriesByType('resource').map((e) => ({
    path: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd,
  })));

test('on a slow network the module and the guide file download beside the loader, each once', async (t) => {
  const { context, page, consoleMessages } = await openPage(env.browser);
  await slowNetwork(context, page);
  await page.goto(`${env.collector.url}/`);
  await page.locator('wowpath-root .panel').waitFor();
  const all = await timings(page);
  const only = (path) => {
    const found = all.filter((e) => e.path === path);
    assert.equal(found.length, 1, `${path} requested ${found.length} times: ${JSON.stringify(all)}`);
    return found[0];
  };
  const loader = only('/pkg/loader.js');
  const wasm = only('/pkg/wowpath_bg.wasm');
  const guides = only('/guides.json');
  t.diagnostic(`loader ${loader.start.toFixed(0)}–${loader.end.toFixed(0)} ms, module ${wasm.start.toFixed(0)}–${wasm.end.toFixed(0)} ms, guide file ${guides.start.toFixed(0)}–${guides.end.toFixed(0)} ms`);
  assert.ok(wasm.start < loader.end, 'the module was requested only after the loader had arrived');
  assert.ok(guides.start < wasm.end, 'the guide file was requested only after the module had arrived');
  assert.ok(guides.start < loader.end, 'the guide file was requested only after the loader had arrived');
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'error' || m.type === 'warning' || m.type === 'pageerror'), []);
  await context.close();
});

// The demo app with its `init` line replaced, and `loader.js` held back until `release()`, so
// that what the snippet does on its own can be seen before the widget's JavaScript arrives.
async function demoWithInit(page, initLine) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(`${env.collector.url}/`, async (route) => {
    const r = await route.fetch();
    const html = (await r.text()).replace('wowpath("init",{writeKey:"demo",guidesUrl:"/guides.json"});', initLine);
    await route.fulfill({ response: r, body: html });
  });
  await page.route('**/pkg/loader.js', async (route) => { await held; await route.continue(); });
  const requested = [];
  const answered = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  page.on('response', (r) => answered.push(new URL(r.url()).pathname));
  await page.goto(`${env.collector.url}/`);
  const guideFileAnswered = () => eventually(() => assert.ok(answered.includes('/guides.json'), 'the guide file was not requested before the loader arrived'));
  return { release, requested, guideFileAnswered };
}

test('the snippet asks for the guide file itself, once, and the widget reads that answer', async () => {
  const { context, page, consoleMessages } = await openPage(env.browser);
  const { release, requested, guideFileAnswered } = await demoWithInit(page, 'wowpath("init",{writeKey:"demo",guidesUrl:"/guides.json"});');
  await guideFileAnswered();
  assert.equal(await page.evaluate(() => window.wowpath.loaded), undefined, 'the widget had not loaded yet');
  release();
  await page.locator('wowpath-root .panel').waitFor();
  assert.deepEqual(requested.filter((p) => p === '/guides.json'), ['/guides.json'], 'the guide file was requested once');
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'error' || m.type === 'warning' || m.type === 'pageerror'), []);
  await context.close();
});

test('the snippet\'s guide file is used only for the URL init names when the widget starts', async () => {
  // The page changes the options it gave `init` before the loader arrives: the widget reads the
  // options as they are then, so it asks for the new URL and shows that file, not the old one.
  const { context, page, consoleMessages } = await openPage(env.browser);
  const demo = await (await fetch(`${env.collector.url}/guides.json`)).text();
  await page.route('**/other.json', (route) => route.fulfill({
    contentType: 'application/json', body: demo.replace('"title": "Get started"', '"title": "From the other file"'),
  }));
  const { release, requested, guideFileAnswered } = await demoWithInit(page,
    'var o={writeKey:"demo",guidesUrl:"/guides.json"};wowpath("init",o);o.guidesUrl="/other.json";');
  await guideFileAnswered();
  release();
  await page.locator('wowpath-root .panel h2', { hasText: 'From the other file' }).waitFor();
  assert.deepEqual(requested.filter((p) => p.endsWith('.json')), ['/guides.json', '/other.json']);
  assert.ok(!consoleMessages.some((m) => m.type === 'pageerror'));
  await context.close();
});

test('an init with the guide file inline makes the snippet ask for no guide file', async () => {
  const { context, page, consoleMessages } = await openPage(env.browser);
  const demo = await (await fetch(`${env.collector.url}/guides.json`)).text();
  const { release, requested } = await demoWithInit(page,
    `wowpath("init",{writeKey:"demo",guides:${JSON.stringify(demo)}});wowpath("init",{writeKey:"demo",guidesUrl:"/guides.json"});`);
  release();
  await page.locator('wowpath-root .panel').waitFor();
  assert.deepEqual(requested.filter((p) => p.endsWith('.json')), [], 'no guide file was requested');
  assert.ok(consoleMessages.some((m) => m.type === 'warning' && /init was called more than once/.test(m.text)));
  assert.ok(!consoleMessages.some((m) => m.type === 'pageerror'));
  await context.close();
});

test('a page with the earlier snippet, which asks for no guide file, still shows its guides', async () => {
  // The snippet as published before it asked for the guide file: pages keep what they pasted.
  const earlier = 'var q=[],f=w.wowpath=function(){var a=arguments,p=new Promise(function(r,j){q.push([a,r,j])});p.catch(function(){});return p};f.q=q;if(w.fetch)(f.w=fetch(u+"wowpath_bg.wasm")).catch(function(){});';
  const { context, page, consoleMessages } = await openPage(env.browser);
  await page.route(`${env.collector.url}/`, async (route) => {
    const r = await route.fetch();
    const html = (await r.text()).replace(/var q=\[\],c=function.*?;if\(w\.fetch\)try\{f\.w=c\(fetch\(u\+"wowpath_bg\.wasm"\)\)\}catch\(e\)\{\}/, earlier);
    assert.ok(html.includes(earlier), 'the demo page\'s snippet was replaced');
    await route.fulfill({ response: r, body: html });
  });
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(`${env.collector.url}/`);
  await page.locator('wowpath-root .panel').waitFor();
  assert.deepEqual(requested.filter((p) => p === '/guides.json'), ['/guides.json']);
  assert.ok(requested.indexOf('/pkg/loader.js') < requested.indexOf('/guides.json'));
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'error' || m.type === 'warning' || m.type === 'pageerror'), []);
  await context.close();
});

test('a page whose fetch wrapper throws on relative URLs loses no call and no event', async () => {
  // Apps wrap `fetch`; a wrapper that parses its input with `new URL(input)` throws, at once,
  // on a relative URL such as the snippet's `/pkg/wowpath_bg.wasm`, the demo's `/guides.json`
  // or the events' `/v1/batch`. The widget still loads, says why it shows no guides, and keeps
  // its events until they can be sent (here, once the app puts the browser's fetch back).
  const { context, page, consoleMessages } = await openPage(env.browser);
  await page.addInitScript(() => {
    const browserFetch = (window.browserFetch = window.fetch);
    window.fetch = function (input, init) {
      new URL(input instanceof Request ? input.url : String(input)); // throws on a relative URL
      return browserFetch.call(this, input, init);
    };
  });
  await page.goto(`${env.collector.url}/`);
  await page.waitForFunction(() => window.wowpath.loaded === true);
  await eventually(() => assert.ok(consoleMessages.some((m) => m.type === 'error'
    && /\/guides\.json: could not load the guide file: .*Invalid URL.*; no guides are shown/.test(m.text)), JSON.stringify(consoleMessages)));
  const outcomes = await page.evaluate(async () => {
    const settle = (p) => Promise.race([p.then(() => 'resolved', (e) => `rejected: ${e.message}`),
      new Promise((r) => setTimeout(() => r('still waiting after 3 s'), 3000))]);
    return [await settle(window.wowpath('track', 'Wrapped Fetch Event')), await settle(window.wowpath('flush'))];
  });
  assert.deepEqual(outcomes, ['resolved', 'resolved']);
  await page.evaluate(() => { window.fetch = window.browserFetch; return window.wowpath('flush'); });
  const stored = await env.collector.waitFor("SELECT event FROM events WHERE event = 'Wrapped Fetch Event'", (r) => r.length === 1, 15000);
  assert.equal(stored.length, 1);
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'pageerror'), []);
  await context.close();
});

test('the widget\'s files arrive compressed, from the twins the build writes', async (t) => {
  const { context, page, consoleMessages } = await openPage(env.browser);
  const encodings = {};
  page.on('response', (r) => { encodings[new URL(r.url()).pathname] = r.headers()['content-encoding']; });
  await page.goto(`${env.collector.url}/`);
  await page.locator('wowpath-root .panel').waitFor();
  const sizes = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('resource')
    .map((e) => [new URL(e.name).pathname, { encoded: e.encodedBodySize, decoded: e.decodedBodySize }])));
  for (const path of ['/pkg/loader.js', '/pkg/wowpath_bg.wasm']) {
    const { encoded, decoded } = sizes[path];
    t.diagnostic(`${path}: ${encoded} bytes on the wire (${encodings[path]}) for ${decoded}`);
    assert.match(encodings[path] || '', /^(br|gzip)$/, `${path} was sent uncompressed`);
    assert.ok(encoded > 0 && encoded < decoded / 2, `${path}: ${encoded} of ${decoded} bytes`);
  }
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
  await context.close();
});

test('the widget\'s files can come from another origin, such as the collector\'s', async (t) => {
  // Two public origins in production; here two loopback ports, which Chromium's Local Network
  // Access would otherwise ask the user about (a request to the loopback address space).
  const { page, context, consoleMessages } = await openPage(env.browser, { permissions: ['local-network-access'] });
  // The page on one collector, the widget's files from a second one: two origins.
  const other = await startCollector();
  t.after(() => other.stop());
  const elsewhere = other.url + '/pkg/';
  await page.route(`${env.collector.url}/`, async (route) => {
    const r = await route.fetch();
    await route.fulfill({ response: r, body: (await r.text()).replace('(window,"/pkg/")', `(window,"${elsewhere}")`) });
  });
  const origins = new Set();
  page.on('response', (r) => { if (r.url().includes('/pkg/')) origins.add(new URL(r.url()).origin); });
  await page.goto(`${env.collector.url}/`);
  await page.locator('wowpath-root .panel').waitFor();
  assert.deepEqual([...origins], [new URL(elsewhere).origin], 'both files came from the other origin');
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
  await context.close();
});

test('a guide file that cannot be fetched is reported, shows nothing, and the page keeps working', async () => {
  for (const [answer, expected] of [
    [(route) => route.fulfill({ status: 404, body: 'not here' }), 'could not load the guide file: HTTP 404; no guides are shown'],
    [(route) => route.abort('connectionrefused'), 'could not load the guide file: '],
  ]) {
    const { context, page, consoleMessages } = await openPage(env.browser);
    await page.route('**/guides.json', answer);
    await page.goto(`${env.collector.url}/`);
    await page.waitForFunction(() => window.wowpath && window.wowpath.loaded === true);
    const error = await (async () => {
      for (let i = 0; i < 100; i++) {
        const found = consoleMessages.find((m) => m.type === 'error' && m.text.includes('/guides.json: could not load'));
        if (found) return found.text;
        await page.waitForTimeout(50);
      }
      return null;
    })();
    assert.ok(error && error.includes(expected), `console error: ${error}`);
    assert.equal(await page.locator('wowpath-root .panel').count(), 0);
    assert.ok(!consoleMessages.some((m) => m.type === 'pageerror'));
    // Events still flow: the widget runs without guides.
    assert.equal(await page.evaluate(() => window.wowpath('track', 'Still Tracked').then(() => 'ok')), 'ok');
    await context.close();
  }
});

test('a guide URL answered with a web page is reported as such, not as a JSON syntax error', async () => {
  // A mistyped or missing `guidesUrl` on a server that answers unknown routes with the app's
  // own page: status 200, HTML. The demo's collector does that for paths without an extension.
  const { context, page, consoleMessages } = await openPage(env.browser);
  await page.route(`${env.collector.url}/`, async (route) => {
    const r = await route.fetch();
    await route.fulfill({ response: r, body: (await r.text()).replace('guidesUrl:"/guides.json"', 'guidesUrl:"/api/guides"') });
  });
  await page.goto(`${env.collector.url}/`);
  const reported = () => consoleMessages.find((m) => m.type === 'error' && m.text.includes('/api/guides'));
  for (let i = 0; i < 100 && !reported(); i++) await page.waitForTimeout(50);
  assert.match(reported()?.text ?? '', /\/api\/guides:1:1: .*this looks like an HTML page, not a guide file's JSON; if it came from `guidesUrl`, check that URL/);
  assert.equal(await page.locator('wowpath-root .panel').count(), 0);
  assert.ok(!consoleMessages.some((m) => m.type === 'pageerror'));
  await context.close();
});

test('a loader that cannot be fetched is reported once, and the host page keeps working', async () => {
  const { context, page, consoleMessages } = await openPage(env.browser);
  await page.route('**/pkg/loader.js', (route) => route.fulfill({ status: 404, body: 'not here' }));
  // Keep the demo's own `init` call, made before the loader failed.
  await page.route('**/', async (route) => {
    const r = await route.fetch();
    await route.fulfill({ response: r, body: (await r.text()).replace('wowpath("init",', 'window.__init=wowpath("init",') });
  });
  await page.goto(`${env.collector.url}/`);
  await page.locator('#new-project').click();
  const reported = () => consoleMessages.filter((m) => m.type === 'error' && m.text.startsWith('wowpath: could not load /pkg/loader.js'));
  for (let i = 0; i < 100 && reported().length === 0; i++) await page.waitForTimeout(50);
  assert.equal(reported().length, 1, JSON.stringify(consoleMessages));
  assert.ok(!consoleMessages.some((m) => m.type === 'pageerror'));
  // Calls made before and after the failure are answered with it rather than left waiting,
  // and none throws into the page.
  const outcomes = await page.evaluate(async () => {
    const settle = (p) => Promise.race([
      p.then(() => 'resolved', (e) => e.message),
      new Promise((resolve) => setTimeout(() => resolve('still waiting after 5 s'), 5000)),
    ]);
    return [await settle(window.__init), await settle(window.wowpath('track', 'Later'))];
  });
  for (const o of outcomes) assert.match(o, /^wowpath: could not load \/pkg\/loader\.js: /);
  await context.close();
});

test('without scheduler.postTask (browsers that lack it) the first draw still comes, in a task of its own', async () => {
  const { context, page, consoleMessages } = await openPage(env.browser);
  await page.addInitScript(() => {
    delete window.scheduler;
    delete Object.getPrototypeOf(window).scheduler;
  });
  await page.goto(`${env.collector.url}/`);
  assert.equal(await page.evaluate(() => typeof window.scheduler), 'undefined');
  await page.locator('wowpath-root .panel').waitFor({ timeout: 5000 });
  assert.ok(!consoleMessages.some((m) => m.type === 'pageerror' || m.type === 'error'));
  await context.close();
});
