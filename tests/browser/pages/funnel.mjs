// The funnel view (the default): its results table and its chart's draw count.

import assert from 'node:assert/strict';
import { TIMEOUT } from '../support/config.mjs';
import { eventually } from '../support/harness.mjs';
import { testId } from './common.mjs';

/** The results table: one object per stage row. */
export async function readTable(page) {
  return page.locator('table.stage-table tbody tr').evaluateAll((rows) =>
    rows.map((tr) => {
      const cells = [...tr.querySelectorAll('td')];
      const required = tr.querySelector('td.required');
      return {
        stage: tr.querySelector('th').textContent.trim(),
        required: required.textContent.trim(),
        title: required.getAttribute('title'),
        exact: tr.querySelector('td.exact').textContent.trim(),
        rate: cells[2]?.textContent.trim(),
        cumulative: cells[3]?.textContent.trim(),
      };
    }),
  );
}

/** Row of `stage` (by its visible name) in the results table. */
export async function row(page, stage) {
  const rows = await readTable(page);
  const found = rows.find((r) => r.stage === stage);
  assert.ok(found, `no row "${stage}" in ${JSON.stringify(rows.map((r) => r.stage))}`);
  return found;
}

/** Waits until the table shows `expected` ({stage: required, …}) and returns the rows. */
export async function expectRequired(page, expected) {
  return eventually(async () => {
    const rows = await readTable(page);
    const actual = Object.fromEntries(
      Object.keys(expected).map((k) => [k, rows.find((r) => r.stage === k)?.required]),
    );
    assert.deepEqual(actual, expected);
    return rows;
  });
}

/** The required counts of the results table, top to bottom. */
export async function requiredCounts(page) {
  return (await readTable(page)).map((r) => r.required);
}

/** Current draw count of the funnel canvas. */
export async function draws(page) {
  return Number((await page.locator('.chart canvas').getAttribute('data-draws')) ?? 0);
}

/** Waits until the canvas has been drawn more than `before` times. */
export async function waitForDrawAfter(page, before) {
  await page.waitForFunction(
    (n) => Number(document.querySelector('.chart canvas')?.getAttribute('data-draws') ?? 0) > n,
    before,
    { timeout: TIMEOUT },
  );
}

/** The notice that the results shown are the last valid ones. */
export const staleNotice = (page) => page.locator('.stale-notice');
/** The goal-seek select (求める値) and its answer. */
export const seekSelect = (page) => page.getByLabel('求める値', { exact: true });
export const seekAnswer = (page) => page.locator('.seek-answer');

/** The forward mode's gap to the target: its card title, value and class. */
export async function gap(page) {
  const dd = page.locator(testId('forward-gap'));
  return dd.evaluate((el) => ({
    label: el.parentElement.querySelector('dt').textContent.trim(),
    value: el.textContent.trim(),
    cls: el.parentElement.className,
  }));
}

/** The stage names in the stage editor, top to bottom. */
export async function stageNames(page) {
  return page.locator('input.stage-name').evaluateAll((els) => els.map((e) => e.value));
}

/** Waits until both the stage editor and the results table list `names` in this order. */
export async function expectOrder(page, names) {
  await eventually(async () => {
    assert.deepEqual(await stageNames(page), names, 'stage editor order');
    assert.deepEqual(
      (await readTable(page)).map((r) => r.stage),
      names,
      'results table order',
    );
  });
}
