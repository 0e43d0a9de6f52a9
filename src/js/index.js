// wowpath as an ES module: `import * as wowpath from 'wowpath'`. Every function returns a
// Promise that rejects with a clear message on bad input; none of them ever throws.
import initWasm, * as wasm from './wowpath.js';

let ready;
let loaded = false;
let moduleResponse;
// Apps under zone.js (Angular) re-check themselves after every task their zone sees. The
// widget's timers, listeners and observers are its own business: each call into the module runs
// in zone.js's root zone, so what the widget schedules never wakes the app.
const outside = (fn) => {
  const root = globalThis.Zone && globalThis.Zone.root;
  return root && typeof root.run === 'function' ? root.run(fn) : fn();
};

const load = () =>
  (ready ||= outside(() => initWasm({ module_or_path: moduleResponse || new URL('./wowpath_bg.wasm', import.meta.url) })).then(() => {
    wasm.setValidator(validateText);
    loaded = true;
  }, startFailed));

// `fetch` as the page has it (apps wrap it), with a wrapper's synchronous throw (many parse
// their input with `new URL(input)`, which throws on a relative URL) turned into a rejection,
// so it is reported as a failed request rather than thrown through the caller.
const request = (...args) => {
  try {
    return Promise.resolve(fetch(...args));
  } catch (e) {
    return Promise.reject(e);
  }
};

// The guide-file validator is a module of its own, fetched the first time a file needs it: a
// file stamped by `wowpath check --stamp` never does, so most pages never download it.
let validator;
const validatorModule = () =>
  (validator ||= outside(() => {
    // Its module is requested beside its glue, not after it: one round trip instead of two.
    const wasmFile = request(new URL('./wowpath_check_bg.wasm', import.meta.url));
    wasmFile.catch(() => {}); // reported through the glue's start-up, below
    return import('./wowpath_check.js').then(async (module) => {
      await module.default({ module_or_path: wasmFile });
      return module;
    });
  }).catch((e) => {
    validator = undefined; // a later call tries again
    const why = e && e.message ? e.message : String(e);
    throw new Error(`wowpath: the guide-file validator (wowpath_check.js and wowpath_check_bg.wasm, beside the widget's files) could not be loaded: ${why}`);
  }));
// A file with no stamp at all will need the validator: its download starts as soon as the text
// is known, beside the widget's own module, rather than once the widget has read the file.
// (Whether a stamp matches is for the widget to say; a stale one still waits for the download.)
const STAMPED = /"checked"\s*:\s*"wowpath:[0-9a-f]{16}"/;
const prepareValidator = (text) => {
  if (typeof text !== 'string' || !STAMPED.test(text)) validatorModule().catch(() => {});
};
// Guide text in, the verdict's JSON out (what `validate` parses).
const validateText = (source) => validatorModule().then((module) => outside(() => module.validateGuides(source)));

// One error for every call: the module will not start later either.
const startFailed = (e) => {
  const why = e && e.message ? e.message : String(e);
  const csp = /Content Security Policy|unsafe-eval/i.test(why)
    ? " Your page's Content-Security-Policy blocks WebAssembly: add 'wasm-unsafe-eval' to its script-src."
    : '';
  throw new Error(`wowpath: the widget's WebAssembly module could not start: ${why}${csp}`);
};

/** For the script-tag loader: the snippet's own request for `wowpath_bg.wasm` (a Promise of
 * the Response), so the module downloads beside the loader instead of after it. */
export const _moduleResponse = (response) => {
  if (!ready) moduleResponse = response;
};

/** For the script-tag loader: the snippet's own request for the guide file of the first
 * `init` (its URL and a Promise of the Response), so the file downloads beside the loader. */
export const _guideResponse = (url, response) => {
  if (!initCalled) prefetchedGuides = { url, response };
};
let prefetchedGuides;

// Objects cross into Rust as JSON text, so one validating parser reads every input.
const json = (value) => (value === undefined || value === null ? '{}' : JSON.stringify(value));
const text = (value) => (typeof value === 'string' ? value : value == null ? '' : String(value));
const DONE = Promise.resolve();

// `track` is the call hosts make in hot paths, so once loaded it only checks its input and
// notes the call; the calls of one task go into wasm together at the end of the task (a
// microtask), where the message is built. Any other call first hands over the noted ones, so
// the order of calls is kept.
let noted = [];
const handOver = () => {
  if (noted.length === 0) return;
  const calls = noted;
  noted = [];
  try {
    wasm.trackMany(calls);
  } catch (e) {
    console.error(e && e.message ? e.message : e);
  }
};
const kind = (v) => (Array.isArray(v) ? 'an array' : v === undefined ? 'a function or undefined' : `a ${typeof v}`);
const noteTrack = (event, properties) => {
  if (typeof event !== 'string' || event.trim() === '') {
    return Promise.reject(new Error('wowpath: the event name must be a non-empty string'));
  }
  let props;
  try {
    props = json(properties);
  } catch (e) {
    return Promise.reject(new TypeError(`wowpath: track properties could not be read: ${e.message}`));
  }
  if (typeof props !== 'string' || props[0] !== '{') {
    return Promise.reject(new TypeError(`wowpath: track properties must be an object, not ${kind(properties)}`));
  }
  // Possibly over the limit of one event (32 KB of UTF-8, at most 3 bytes a character): the
  // widget measures it now, so the Promise can say it was refused.
  if (event.length + props.length > 10922) return call(() => wasm.track(event, props));
  if (noted.length === 0) outside(() => queueMicrotask(handOver));
  noted.push(event, props, Date.now());
  return DONE;
};

// Once the module is loaded, calls go straight into wasm (no await per call); a throw
// becomes a rejected Promise, as before loading.
const call = (fn) => {
  if (!loaded) return load().then(() => outside(fn));
  try {
    // Noted `track` calls first, so the order of calls is kept.
    const result = outside(() => (handOver(), fn()));
    return result === undefined ? DONE : Promise.resolve(result);
  } catch (e) {
    return Promise.reject(e);
  }
};

/**
 * Starts the widget: `init({ writeKey, endpoint?, guides? | guidesUrl?, flushAfterMs?, gzip?,
 * honorPrivacySignals?, requestTimeoutMs?, debug? })`.
 */
export const init = (options) => {
  const guideFile = fetchGuideFile(options);
  if (!initCalled && typeof options === 'object' && options !== null && options.guides !== undefined) {
    prepareValidator(options.guides);
  }
  initCalled = true;
  return call(() => {
    if (typeof options !== 'object' || options === null) {
      throw new TypeError('wowpath: init takes an options object, e.g. { writeKey: "wk_…", guidesUrl: "/guides.json" }');
    }
    const { guides, ...rest } = options;
    const source = guides === undefined ? undefined : typeof guides === 'string' ? guides : JSON.stringify(guides, null, 2);
    wasm.initWidget(JSON.stringify(rest), source, guideFile);
  });
};

// The guide file is requested at the first `init` (by the snippet, when there is one), while
// the module is still downloading, not once it runs: round trips fewer before the first guide.
// The widget reads the answer and reports a failure as it would its own request's. `no-cache`:
// see runtime/guide_fetch.rs.
let initCalled = false;
const fetchGuideFile = (options) => {
  const url = !initCalled && typeof options === 'object' && options !== null && options.guides === undefined && options.guidesUrl;
  if (typeof url !== 'string' || url === '' || typeof fetch !== 'function') return undefined;
  // The snippet's request is used only for the URL it asked for: a page may have changed the
  // options object it passed to `init` before the loader arrived.
  const prefetched = prefetchedGuides && prefetchedGuides.url === url ? prefetchedGuides.response : undefined;
  prefetchedGuides = undefined;
  return outside(() => {
    const response = prefetched || request(url, { cache: 'no-cache' });
    response.catch(() => {}); // read (and reported) by the widget; not an unhandled rejection
    response.then((r) => (r.ok ? r.clone().text() : undefined)).then((text) => text !== undefined && prepareValidator(text), () => {});
    return response;
  });
};

/** Names the signed-in user; progress made while anonymous carries over. `options.userHash`:
 * HMAC-SHA256(identity secret, userId) from your server, when the collector requires it. */
export const identify = (userId, traits, options) =>
  call(() => {
    if (options != null && typeof options !== 'object') {
      throw new TypeError(`wowpath: identify's third argument is an options object, { userHash }, not ${kind(options)}`);
    }
    return wasm.identify(text(userId), json(traits), options && options.userHash != null ? text(options.userHash) : undefined);
  });
/** Names the account (company, team) the user works in: `group('acme', { plan: 'team' })`. */
export const group = (accountId, traits) => call(() => wasm.group(text(accountId), json(traits)));
/** Reports something the user did: `track('Project Created', { template: 'kanban' })`. */
export const track = (event, properties) =>
  loaded ? noteTrack(event, properties) : call(() => wasm.track(text(event), json(properties)));
/** Reports a page view (single-page apps call it on every route change). */
export const page = (name, properties) => call(() => wasm.page(name == null ? undefined : text(name), json(properties)));
/** Shows a guide now (one whose `start` is `manual`, or any eligible one); rejects with the reason
 * when it cannot, and waits for a guide file that is still loading. `{ replay: true }` shows a
 * guide the user completed or dismissed again, from its first step ("Take the tour again"). */
export const start = (guideId, options) =>
  call(() => {
    if (options != null && typeof options !== 'object') {
      throw new TypeError(`wowpath: start's second argument is an options object, { replay: true }, not ${kind(options)}`);
    }
    return wasm.start(text(guideId), Boolean(options && options.replay));
  });
/** Closes a guide for this user, as its close button would. */
export const dismiss = (guideId) => call(() => wasm.dismiss(text(guideId)));
/** Why each guide is or is not showing, one line per guide (also logged with `debug: true`). */
export const explain = () => call(() => wasm.explain());
/** Marks a step done by its id. */
export const complete = (stepId) => call(() => wasm.complete(text(stepId)));
/** Forgets the signed-in user on this browser (call it on logout). */
export const reset = () => call(() => wasm.reset());
/**
 * Checks a guide file (JSON text or an object) with the validator the widget itself runs:
 * resolves to `{ ok, diagnostics: [{ severity, code, pointer, line, column, message }] }`.
 * Needs no `init`; downloads the validator module (not the widget's) the first time.
 */
export const validate = (guides) => {
  let source;
  try {
    source = typeof guides === 'string' ? guides : JSON.stringify(guides, null, 2);
  } catch (e) {
    return Promise.reject(new TypeError(`wowpath: validate takes a guide file's text or object; this one could not be read: ${e.message}`));
  }
  if (typeof source !== 'string') {
    return Promise.reject(new TypeError(`wowpath: validate takes a guide file's text or object, not ${kind(guides)}`));
  }
  return validateText(source).then(JSON.parse);
};
// The onboarding events a page can listen to with `on` (README, Events).
const ONBOARDING = ['Group Assigned', 'Guide Started', 'Step Viewed', 'Step Completed', 'Guide Dismissed',
  'Guide Completed', 'Guide Replayed', 'Wow Reached', 'Target Missing', 'Guide Config Invalid'].map((e) => `Onboarding ${e}`);
const listeners = new Map();
let hooked = false;
// Called by the widget as it sends an onboarding event. Listeners run in a microtask, each on
// its own: one that throws is reported and the others, and the widget, go on.
const hear = (event, json) => {
  const due = [...(listeners.get(event) || []), ...(listeners.get('*') || [])];
  if (due.length === 0) return;
  const properties = JSON.parse(json);
  queueMicrotask(() => due.forEach((listener) => {
    try {
      listener(properties, event);
    } catch (e) {
      console.error(`wowpath: a listener for "${event}" threw: ${e && e.message ? e.message : e}`);
    }
  }));
};
/**
 * Calls `listener(properties, event)` for each onboarding event (`Onboarding Guide Completed`…,
 * or `*` for all) the widget sends; resolves to a function that stops it.
 */
export const on = (event, listener) => {
  if (event !== '*' && !ONBOARDING.includes(event)) {
    return Promise.reject(new TypeError(`wowpath: on() listens to "*" or one of ${ONBOARDING.map((e) => `"${e}"`).join(', ')}, not ${JSON.stringify(event)}`));
  }
  if (typeof listener !== 'function') {
    return Promise.reject(new TypeError(`wowpath: on("${event}", listener) needs a function as its listener, not ${listener === null ? 'null' : typeof listener}`));
  }
  if (!listeners.has(event)) listeners.set(event, new Set());
  // A wrapper of its own, so a listener added twice is called twice. It runs in the zone.js zone
  // it was added in (an Angular component's), so the app sees what it changes.
  const zone = globalThis.Zone && globalThis.Zone.current;
  const mine = zone && typeof zone.run === 'function'
    ? (properties, name) => zone.run(listener, undefined, [properties, name])
    : (properties, name) => listener(properties, name);
  listeners.get(event).add(mine);
  const off = () => void listeners.get(event).delete(mine);
  return call(() => {
    if (!hooked) wasm.setHook(hear);
    hooked = true;
    return off;
  });
};
/** Sends queued events now; resolves when the queue is empty or sending must wait. */
export const flush = () => call(() => wasm.flush());
/** Stops collecting events on this browser and forgets the unsent ones. */
export const optOut = () => call(() => wasm.optOut());
/** Collects events again after `optOut` (or despite Do Not Track / GPC). */
export const optIn = () => call(() => wasm.optIn());
