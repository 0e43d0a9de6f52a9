// Runs the shared peer-bench harness (../shared/peer-bench, or $PEER_BENCH) with wowpath added as
// a contender, in a temporary copy: the shared folder is never written to. The one change to
// the copy: its probes also look inside `wowpath-root`'s open shadow root, where wowpath draws
// (the harness queries the light DOM only); for the other contenders nothing changes.
// Usage: node tests/peer-bench/run.mjs [harness options, e.g. --n 15 --only control,wowpath]
import { cpSync, readFileSync, writeFileSync, mkdtempSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
// Beside the checkout (../shared), or one level further up from a nested work tree.
const shared = [process.env.PEER_BENCH, join(ROOT, '../shared/peer-bench'), join(ROOT, '../../shared/peer-bench')]
  .filter(Boolean).map((p) => resolve(p)).find((p) => existsSync(join(p, 'bench.mjs')));
if (!shared) throw new Error('peer-bench not found beside the checkout (../shared/peer-bench); set PEER_BENCH');
const dir = mkdtempSync(join(tmpdir(), 'peer-bench-'));
cpSync(shared, dir, { recursive: true, filter: (p) => !p.includes('node_modules') && !p.includes('/results') });
execFileSync('chmod', ['-R', 'u+w', dir]);

const contender = join(dir, 'contenders/wowpath');
cpSync(join(import.meta.dirname, 'wowpath'), contender, { recursive: true });
const cfg = readFileSync(join(contender, 'bench.json'), 'utf8').replaceAll('__PKG__', join(ROOT, 'pkg'));
writeFileSync(join(contender, 'bench.json'), cfg);

// The shared tour (template/steps.js) as a guide file, stamped by `wowpath check --stamp`, so
// the page reads it without downloading the validator; given to `init` as text, which keeps
// the stamp matching.
const steps = {};
new Function('window', readFileSync(join(dir, 'template/steps.js'), 'utf8'))(steps);
const tour = { version: 1, guides: [{ id: 'tour', title: 'Tour', steps: steps.BENCH_STEPS.map((s, i) => (
  { id: `s${i + 1}`, kind: 'tooltip', anchor: s.selector, title: s.title, body: s.text })) }] };
const guideFile = join(dir, 'tour-guides.json');
writeFileSync(guideFile, `${JSON.stringify(tour, null, 2)}\n`);
execFileSync('cargo', ['run', '-q', '-p', 'wowpath-cli', '--', 'check', '--stamp', '--strict', guideFile], { cwd: ROOT, stdio: 'inherit' });
const body = join(contender, 'body.html');
writeFileSync(body, readFileSync(body, 'utf8').replace('__STAMPED_GUIDES__', JSON.stringify(readFileSync(guideFile, 'utf8'))));

const patch = (file, pairs) => {
  let s = readFileSync(join(dir, file), 'utf8');
  for (const [from, to] of pairs) {
    if (!s.includes(from)) throw new Error(`peer-bench changed: "${from}" not found in ${file}`);
    s = s.replaceAll(from, to);
  }
  writeFileSync(join(dir, file), s);
};
const ALL = `((sel) => { const m = /^wowpath-root (.*)$/.exec(sel); const h = m && document.querySelector('wowpath-root'); return m ? (h && h.shadowRoot ? h.shadowRoot.querySelectorAll(m[1]) : []) : document.querySelectorAll(sel); })`;
patch('lib/instrument.js', [
  ['document.querySelectorAll(cfg.popover)', `${ALL}(cfg.popover)`],
  ["new MutationObserver(scan).observe(document, { childList: true, subtree: true, characterData: true });",
    "const mo = new MutationObserver(() => { scan(); const h = document.querySelector('wowpath-root'); if (h && h.shadowRoot && !h.__benchSeen) { h.__benchSeen = 1; mo.observe(h.shadowRoot, { childList: true, subtree: true, characterData: true }); scan(); } }); mo.observe(document, { childList: true, subtree: true, characterData: true });"],
]);
patch('bench.mjs', [['[...document.querySelectorAll(sel)]', `[...${ALL}(sel)]`]]);

execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
execFileSync('node', ['tools/make-page.mjs', 'wowpath'], { cwd: dir, stdio: 'inherit' });
execFileSync('node', ['bench.mjs', ...process.argv.slice(2)], { cwd: dir, stdio: 'inherit', env: { ...process.env, CHROMIUM: process.env.CHROMIUM || '/usr/bin/chromium' } });
console.error(`(harness copy and results: ${dir})`);
