// The widget's own clicks, presses and focus stay the widget's business. Host UI libraries
// listen on the document for presses outside their dropdowns, for focus leaving their modals
// and for Escape; without a fence, using a tour step that points into such a dropdown or modal
// would close it or pull focus back out of the step. `tests/pages/traps.html` builds those
// listeners the way common libraries do, in the bubble phase and (`?capture`) the capture phase.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { withCollectorAndBrowser } from '../support/suite.mjs';
import { ROOT } from '../support/collector.mjs';
import { openPage } from '../support/browser.mjs';

const env = withCollectorAndBrowser({ www: join(ROOT, 'tests/pages') });

const errors = (messages) => messages.filter((m) => m.type === 'pageerror' || m.type === 'error');
const hostSaw = (page) => page.locator('#log').textContent();

async function open(query = '', contextOptions = {}) {
  const { page, context, consoleMessages } = await openPage(env.browser, contextOptions);
  page.setDefaultTimeout(5000);
  await page.goto(`${env.collector.url}/traps.html${query}`);
  await page.waitForFunction(() => window.wowpath && window.wowpath.loaded);
  return { page, context, consoleMessages };
}

/** A real mouse press at the centre of the card's button named `name`. */
async function press(card, name) {
  const box = await card.getByRole('button', { name }).boundingBox();
  await card.page().mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

const focusInWidget = (page) => page.evaluate(() => {
  const inner = document.querySelector('wowpath-root').shadowRoot.activeElement;
  return document.activeElement.localName === 'wowpath-root' && inner ? inner.localName : null;
});

test('Next on a step inside an open dropdown leaves the dropdown open', async () => {
  const { page, context, consoleMessages } = await open();
  await page.click('#menu-button');
  await page.evaluate(() => wowpath('start', 'menu-tour'));
  const first = page.locator('wowpath-root .card', { hasText: 'Export from here' });
  await first.waitFor();
  await press(first, 'Next');
  await page.locator('wowpath-root .card', { hasText: 'Or share it' }).waitFor();
  assert.equal(await page.locator('#menu').isVisible(), true, 'the host menu is still open');
  assert.equal(await hostSaw(page), '');
  assert.deepEqual(errors(consoleMessages), []);
  await context.close();
});

for (const [phase, query] of [['bubble phase', ''], ['capture phase', '?capture'], ['the rest of the page inert', '?inert']]) {
  test(`a tour inside a host modal that guards its focus, clicks and keys (${phase}) is usable`, async () => {
    const { page, context, consoleMessages } = await open(query);
    await page.click('#open-modal');
    await page.evaluate(() => wowpath('start', 'modal-tour'));
    const first = page.locator('wowpath-root .card', { hasText: 'Name your project' });
    await first.waitFor();
    await page.waitForTimeout(100);
    // The modal put the keyboard in its field: the step that opened by itself leaves it there.
    assert.equal(await page.evaluate(() => document.activeElement.localName), 'input');
    assert.deepEqual(await page.evaluate(() => {
      const host = document.querySelector('wowpath-root');
      return [host.inert, host.getAttribute('aria-hidden')];
    }), [false, null], 'the step is usable and exposed to assistive technology');
    await press(first, 'Next');
    const second = page.locator('wowpath-root .card', { hasText: 'Then create it' });
    await second.waitFor();
    await page.waitForTimeout(100);
    assert.equal(await focusInWidget(page), 'div', 'focus moved into the step opened from the widget, and stayed there');
    await page.keyboard.press('Tab');
    assert.equal(await focusInWidget(page), 'button', 'Tab moves within the step');
    // Escape belongs to the step: it dismisses the tour, not the host's modal.
    await page.keyboard.press('Escape');
    await second.waitFor({ state: 'detached' });
    assert.equal(await page.locator('#modal').isVisible(), true, 'the host modal is still open');
    assert.equal(await hostSaw(page), '', 'the host saw none of the widget\'s events');
    // Focus went back to the host's field, and the host's own keys work again.
    assert.equal(await page.evaluate(() => document.activeElement.localName), 'input');
    await page.keyboard.press('Escape');
    await page.locator('#modal').waitFor({ state: 'hidden' });
    assert.match(await hostSaw(page), /modal closed by Escape/);
    // With the modal gone the checklist works as before.
    await page.locator('wowpath-root .launcher').click();
    await page.locator('wowpath-root .panel').waitFor({ state: 'hidden' });
    assert.deepEqual(errors(consoleMessages), []);
    await context.close();
  });
}

test('a long step over a host modal that locks scrolling still scrolls its text under the wheel', async () => {
  const { page, context, consoleMessages } = await open('', { viewport: { width: 1280, height: 360 } });
  await page.click('#open-modal');
  await page.evaluate(() => wowpath('start', 'long-tour'));
  const body = page.locator('wowpath-root .card .body');
  await body.waitFor();
  const box = await body.boundingBox();
  assert.ok(await body.evaluate((b) => b.scrollHeight > b.clientHeight), 'the step\'s text overflows');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 120);
  await page.waitForFunction(() => document.querySelector('wowpath-root').shadowRoot.querySelector('.card .body').scrollTop > 0);
  assert.deepEqual(errors(consoleMessages), []);
  await context.close();
});

test('a step that opens while the user types leaves the keyboard where it is: every key lands in the field', async () => {
  const { page, context, consoleMessages } = await openPage(env.browser);
  page.setDefaultTimeout(5000);
  await page.goto(`${env.collector.url}/form.html`);
  await page.waitForFunction(() => window.wowpath && window.wowpath.loaded);
  // The first step takes focus from Save, and would give it back there when it closes.
  await page.focus('#save');
  await page.evaluate(() => wowpath('start', 'form-tour'));
  await page.locator('wowpath-root .card', { hasText: 'Your name' }).waitFor();
  await page.waitForFunction(() => document.activeElement.localName === 'wowpath-root');
  // The first key completes the step and opens the next one, mid-word.
  await page.click('#name');
  await page.keyboard.type('Ada Lovelace', { delay: 40 });
  await page.locator('wowpath-root .card', { hasText: 'Your email' }).waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.type('ada@example.com', { delay: 40 });
  await page.locator('wowpath-root .card', { hasText: 'Save it' }).waitFor();
  assert.deepEqual(await page.evaluate(() => [document.querySelector('#name').value, document.querySelector('#email').value, document.activeElement.id]),
    ['Ada Lovelace', 'ada@example.com', 'email']);
  assert.deepEqual(errors(consoleMessages), []);
  await context.close();
});
