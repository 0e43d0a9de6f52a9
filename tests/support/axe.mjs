// axe-core run in the page against the widget's nodes (inside its shadow root).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT } from './collector.mjs';

const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');

/** axe-core's violations in the widget's nodes, as readable lines. */
export async function axe(page) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    // The whole page, so page-level rules (landmarks, duplicate ids…) see the widget too;
    // only the widget's nodes count (a node inside a shadow root has a nested target).
    const result = await window.axe.run(document);
    const inWidget = (n) => Array.isArray(n.target[0]) && n.target[0][0] === 'wowpath-root';
    const checked = result.passes.filter((r) => r.nodes.some(inWidget)).length;
    const lines = result.violations
      .filter((v) => v.nodes.some(inWidget))
      .map((v) => `${v.id}: ${v.help} (${v.nodes.filter(inWidget).map((n) => n.target.flat().join(' ')).join(', ')})`);
    return { lines, checked };
  });
  assert.ok(violations.checked >= 5, `axe checked the widget with only ${violations.checked} rules`);
  return violations.lines;
}
