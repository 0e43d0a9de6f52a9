// The playground: validates the guide file on every edit with the widget's own validator
// (wasm, in this page, no server) and runs the last valid version in the demo app's iframe.
import { validate } from '/pkg/index.js';

const STORE = 'playground-guides';
const source = document.getElementById('source');
const status = document.getElementById('status');
const list = document.getElementById('diagnostics');
const app = document.getElementById('app');
const running = document.getElementById('running');

let checking = 0;
let shown = null;
let reloadTimer;

/** Character offset of a 1-based line and column, to put the cursor on a problem. */
function offsetOf(text, line, column) {
  let offset = 0;
  for (let l = 1; l < line; l += 1) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

function showProblems(diagnostics) {
  list.replaceChildren(
    ...diagnostics.map((d) => {
      const li = document.createElement('li');
      li.className = d.severity;
      li.dataset.code = d.code;
      const where = document.createElement('button');
      where.type = 'button';
      where.className = 'where';
      where.textContent = `${d.line}:${d.column}`;
      where.title = 'Show in the editor';
      where.addEventListener('click', () => {
        const at = offsetOf(source.value, d.line, d.column);
        source.focus();
        source.setSelectionRange(at, at + 1);
      });
      const kind = document.createElement('span');
      kind.className = 'kind';
      kind.textContent = `${d.severity}[${d.code}]`;
      const pointer = document.createElement('code');
      pointer.textContent = d.pointer || '/';
      const message = document.createElement('p');
      message.textContent = d.message;
      li.append(where, ' ', kind, ' ', pointer, message);
      return li;
    }),
  );
}

function run(text) {
  if (text === shown) return;
  shown = text;
  localStorage.setItem(STORE, text);
  app.src = `/playground-app.html?run=${Date.now()}`;
  running.textContent = 'Trackly, running your guide';
}

async function check() {
  const text = source.value;
  const mine = ++checking;
  const started = performance.now();
  const result = await validate(text);
  if (mine !== checking) return; // a newer edit is being checked
  const ms = (performance.now() - started).toFixed(1);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.length - errors;
  showProblems(result.diagnostics);
  if (result.ok) {
    status.textContent = warnings ? `Valid, with ${warnings} warning(s) (${ms} ms)` : `No problems (${ms} ms)`;
    status.className = 'ok';
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => run(text), shown === null ? 0 : 400);
  } else {
    status.textContent = `${errors} error(s), ${warnings} warning(s): the preview keeps the last valid version (${ms} ms)`;
    status.className = 'broken';
  }
}

let typing;
source.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(check, 120);
});
document.getElementById('restart').addEventListener('click', () => {
  shown = null;
  check();
});

const saved = localStorage.getItem(STORE);
// The demo's file carries its `wowpath check --stamp` stamp; a file being edited has none to
// keep (every keystroke would make it stale), so the editor starts without it.
const unstamped = (text) => text.replace(/^[ \t]*"checked": "wowpath:[0-9a-f]{16}",\r?\n/m, '');
source.value = saved ?? unstamped(await fetch('/guides.json').then((r) => r.text()));
check();
