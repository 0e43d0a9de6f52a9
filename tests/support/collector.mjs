// Starts the real collector binary on a free loopback port with its own SQLite file, serving
// the demo app and the built widget, and stops it when the test is done.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export async function startCollector({ www = join(ROOT, 'www'), extraArgs = [] } = {}) {
  const binary = process.env.WOWPATH_COLLECTOR || join(ROOT, 'target/debug/wowpath-collector');
  const dir = mkdtempSync(join(tmpdir(), 'wowpath-test-'));
  const db = join(dir, 'events.db');
  const child = spawn(binary, ['--addr', '127.0.0.1:0', '--db', db, '--www', www, '--pkg', join(ROOT, 'pkg'), ...extraArgs], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`collector did not start: ${out}`)), 15000);
    child.on('exit', (code) => fail(new Error(`collector exited with ${code}: ${out}`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
  });
  return {
    url,
    db,
    /** Rows of a query against the collector's SQLite file (read by Python's sqlite3). */
    query(sql) {
      const py = 'import sqlite3,json,sys;c=sqlite3.connect(sys.argv[1]);c.row_factory=sqlite3.Row;print(json.dumps([dict(r) for r in c.execute(sys.argv[2])]))';
      return JSON.parse(execFileSync('python3', ['-c', py, db, sql], { encoding: 'utf8' }));
    },
    /** Polls `query` until `accept(rows)` holds; returns the rows or throws with the last ones. */
    async waitFor(sql, accept, timeoutMs = 10000) {
      const until = Date.now() + timeoutMs;
      let rows = [];
      while (Date.now() < until) {
        rows = this.query(sql);
        if (accept(rows)) return rows;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`timed out waiting on SQLite for: ${sql}\nlast rows: ${JSON.stringify(rows, null, 1)}`);
    },
    async stop() {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
