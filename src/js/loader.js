// The script-tag loader: replaces the snippet's stub with the widget and replays, in order,
// the calls made before it loaded. Errors go to the console; the host page never sees a throw.
import {
  init, identify, group, track, page, start, dismiss, explain, complete, reset, validate, on, flush, optOut, optIn,
  _moduleResponse, _guideResponse,
} from './index.js';

// Named imports, not `import * as`: a bundled namespace object is filled by a `for…in` loop, which
// a host page that adds enumerable properties to Object.prototype would break.
const api = { init, identify, group, track, page, start, dismiss, explain, complete, reset, validate, on, flush, optOut, optIn };

const stub = window.wowpath;
// The snippet started downloading the module beside this file: use that response rather than
// asking for the module a second time.
if (stub && stub.w) _moduleResponse(stub.w);
// Likewise its request for the guide file named by the first `init`, if it made one.
if (stub && Array.isArray(stub.g)) _guideResponse(stub.g[0], stub.g[1]);

const commands = Object.keys(api);
// A failure shared by every call (the module could not start) is logged once, not per call.
let lastLogged;
const log = (e) => {
  if (e === lastLogged) return;
  lastLogged = e;
  console.error(e && e.message ? e.message : e);
};
const dispatch = (command, args) => {
  const run = commands.includes(command) ? api[command] : null;
  const result = run
    ? run(...args)
    : Promise.reject(new Error(`wowpath: unknown command "${command}"; expected one of ${commands.join(', ')}`));
  result.catch(log);
  return result;
};

const wowpath = (command, ...args) => dispatch(command, args);
wowpath.loaded = true;
window.wowpath = wowpath;

const replay = ([args, resolve, reject]) => {
  dispatch(args[0], Array.prototype.slice.call(args, 1)).then(resolve, reject);
  return 0;
};
const queue = stub && Array.isArray(stub.q) ? stub.q : [];
queue.splice(0).forEach(replay);
// Code that kept a reference to the stub still reaches the widget.
queue.push = (...items) => (items.forEach(replay), 0);
