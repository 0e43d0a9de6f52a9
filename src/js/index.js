// wowpath as an ES module: `import * as wowpath from 'wowpath'`. Every function returns a
// Promise that rejects with a clear message on bad input; none of them ever throws.
import initWasm, * as wasm from './wowpath.js';

let ready;
const load = () => (ready ||= initWasm({ module_or_path: new URL('./wowpath_bg.wasm', import.meta.url) }));

// Objects cross into Rust as JSON text, so one validating parser reads every input.
const json = (value) => (value === undefined || value === null ? '{}' : JSON.stringify(value));
const text = (value) => (typeof value === 'string' ? value : value == null ? '' : String(value));
const call = async (fn) => {
  await load();
  return fn();
};

/** Starts the widget: `init({ writeKey, endpoint?, guides? | guidesUrl?, flushAfterMs?, debug? })`. */
export const init = (options) =>
  call(() => {
    if (typeof options !== 'object' || options === null) {
      throw new TypeError('wowpath: init takes an options object, e.g. { writeKey: "wk_…", guidesUrl: "/guides.json" }');
    }
    const { guides, ...rest } = options;
    const source = guides === undefined ? undefined : typeof guides === 'string' ? guides : JSON.stringify(guides, null, 2);
    wasm.initWidget(JSON.stringify(rest), source);
  });

/** Names the signed-in user; progress made while anonymous carries over. `options.userHash`:
 * HMAC-SHA256(identity secret, userId) from your server, when the collector requires it. */
export const identify = (userId, traits, options) =>
  call(() => wasm.identify(text(userId), json(traits), options && options.userHash != null ? text(options.userHash) : undefined));
/** Reports something the user did: `track('Project Created', { template: 'kanban' })`. */
export const track = (event, properties) => call(() => wasm.track(text(event), json(properties)));
/** Reports a page view (single-page apps call it on every route change). */
export const page = (name, properties) =>
  call(() => wasm.page(json(name == null ? properties : { ...properties, name: text(name) })));
/** Shows a guide now (one whose `start` is `manual`, or any eligible one). */
export const start = (guideId) => call(() => wasm.start(text(guideId)));
/** Closes a guide for this user, as its close button would. */
export const dismiss = (guideId) => call(() => wasm.dismiss(text(guideId)));
/** Why each guide is or is not showing, one line per guide (also logged with `debug: true`). */
export const explain = () => call(() => wasm.explain());
/** Marks a step done by its id. */
export const complete = (stepId) => call(() => wasm.complete(text(stepId)));
/** Forgets the signed-in user on this browser (call it on logout). */
export const reset = () => call(() => wasm.reset());
/** Sends queued events now. */
export const flush = () => call(() => wasm.flush());
