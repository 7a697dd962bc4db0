// What every view shares: inputs, buttons and tabs by their visible label or name, texts by
// selector or test id, the language switch, field messages, canvas draw counts, and the
// page-wide check for NaN/∞/undefined.

import assert from 'node:assert/strict';
import { TIMEOUT } from '../support/config.mjs';
import { eventually } from '../support/harness.mjs';

export async function text(page, selector) {
  return (await page.locator(selector).textContent())?.trim();
}

/** Waits until `selector`'s trimmed text equals `expected` (string) or matches it (RegExp). */
export async function expectText(page, selector, expected) {
  return eventually(async () => {
    const actual = await text(page, selector);
    if (expected instanceof RegExp) assert.match(actual ?? '', expected);
    else assert.equal(actual, expected);
    return actual;
  });
}

export const testId = (id) => `[data-testid="${id}"]`;

/** Everything a reader can see or hear: body text plus title/aria-label/placeholder attributes. */
export async function pageText(page) {
  return page.evaluate(() => {
    const parts = [document.title, document.body.innerText];
    for (const el of document.querySelectorAll('[title],[aria-label],[placeholder],[alt]')) {
      for (const a of ['title', 'aria-label', 'placeholder', 'alt']) {
        const v = el.getAttribute(a);
        if (v) parts.push(v);
      }
    }
    return parts.join('\n');
  });
}

/** Asserts the page shows no NaN, Infinity, ∞ or "undefined" anywhere. */
export async function assertNoGarbage(page, context = '') {
  const all = await pageText(page);
  for (const bad of ['NaN', 'Infinity', '∞', 'undefined']) {
    assert.ok(!all.includes(bad), `page text contains "${bad}" ${context}`);
  }
}

/** Sets the page language with the top-bar button and waits until <html lang> follows. */
export async function setLanguage(page, lang) {
  const name = lang === 'en' ? 'English' : '日本語';
  await page.getByRole('button', { name, exact: true }).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang, { timeout: TIMEOUT });
}

/** The message paragraph under the input labelled `label` (exact). */
export function fieldMessage(page, label) {
  return page.locator('div.field', { has: page.getByLabel(label, { exact: true }) }).locator('p.message').first();
}

/** Draw count of the canvas with element id `id` (timeline-canvas, channel-canvas …). */
export async function canvasDraws(page, id) {
  return Number((await page.locator(`canvas#${id}`).getAttribute('data-draws')) ?? 0);
}

/** Waits until canvas `id` has been drawn more than `before` times. */
export async function waitForCanvasDrawAfter(page, id, before) {
  await page.waitForFunction(
    ([cid, n]) => Number(document.getElementById(cid)?.getAttribute('data-draws') ?? 0) > n,
    [id, before],
    { timeout: TIMEOUT },
  );
}

/** The input, select or textarea whose label is exactly `label`. */
export const field = (page, label) => page.getByLabel(label, { exact: true });
/** The button, or the tab, whose accessible name is exactly `name`. */
export const button = (page, name) => page.getByRole('button', { name, exact: true });
export const tab = (page, name) => page.getByRole('tab', { name, exact: true });
/** The element with data-testid `key` (result cards and figures). */
export const card = (page, key) => page.locator(`[data-testid="${key}"]`);
