// The committed JSON Schema, checked by an independent validator (ajv): every example guide
// file passes, and every broken file the table marks as structurally wrong is rejected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';

const root = new URL('../../', import.meta.url).pathname;
const read = (path) => readFileSync(join(root, path), 'utf8');

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  // schemars names the Rust integer and float widths; they only constrain the range.
  ajv.addFormat('uint32', { type: 'number', validate: (n) => Number.isInteger(n) && n >= 0 && n <= 4294967295 });
  ajv.addFormat('int32', { type: 'number', validate: (n) => Number.isInteger(n) && Math.abs(n) <= 2147483648 });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  return ajv.compile(JSON.parse(read('schema/guides.schema.json')));
}

test('every example guide file matches the schema', () => {
  const validate = validator();
  const files = readdirSync(join(root, 'examples/guides')).map((f) => `examples/guides/${f}`);
  files.push('www/guides.json');
  for (const file of files) {
    const doc = JSON.parse(read(file));
    assert.ok(validate(doc), `${file}: ${JSON.stringify(validate.errors, null, 2)}`);
    assert.ok(doc.$schema.endsWith('schema/guides.schema.json'), `${file} points editors at the schema`);
  }
});

test('the schema rejects the structurally broken guide files', () => {
  const validate = validator();
  const rows = read('tests/guides/invalid/EXPECTED.tsv')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t'));
  const rejected = rows.filter(([, , , , schema]) => schema === 'reject');
  assert.ok(rejected.length >= 30, `only ${rejected.length} files are marked for the schema`);
  for (const [file, code, pointer] of rejected) {
    const doc = JSON.parse(read(`tests/guides/invalid/${file}`));
    assert.equal(validate(doc), false, `${file} (${code} at ${pointer}) passed the schema`);
  }
});
