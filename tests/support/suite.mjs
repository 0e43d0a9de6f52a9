// One real collector and one Chromium for a test file: started before its tests, stopped
// after them. `env.collector` and `env.browser` are ready inside every test.
import { before, after } from 'node:test';
import { startCollector } from './collector.mjs';
import { launch } from './browser.mjs';
import { startChaosProxy } from './chaos-proxy.mjs';

export function withCollectorAndBrowser(collectorOptions = {}) {
  const env = { collector: null, browser: null };
  before(async () => {
    env.collector = await startCollector(collectorOptions);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.collector?.stop();
  });
  return env;
}

/** The same, with a chaos proxy in front of the collector: `env.proxy`. */
export function withCollectorProxyAndBrowser(collectorOptions = {}) {
  const env = { collector: null, proxy: null, browser: null };
  before(async () => {
    env.collector = await startCollector(collectorOptions);
    env.proxy = await startChaosProxy(env.collector.url);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.proxy?.stop();
    await env.collector?.stop();
  });
  return env;
}
