// The compare view (#view=compare): its table and its two charts.

import { TIMEOUT } from '../support/config.mjs';

/** Waits until the compare view shows its table rows and has drawn both charts. */
export async function waitForCompare(page) {
  await page.locator('table.compare-table tbody tr').first().waitFor({ timeout: TIMEOUT });
  await page.waitForFunction(
    () => {
      const canvases = [...document.querySelectorAll('.compare-charts canvas')];
      return canvases.length === 2 && canvases.every((c) => Number(c.getAttribute('data-draws') ?? 0) >= 1);
    },
    null,
    { timeout: TIMEOUT },
  );
}

/** The compare table: one {label, a, b, delta} per row. */
export async function readCompare(page) {
  return page.locator('table.compare-table tbody tr').evaluateAll((rows) =>
    rows.map((tr) => {
      const td = [...tr.querySelectorAll('td')].map((c) => c.textContent.trim());
      return { label: tr.querySelector('th').textContent.trim(), a: td[0], b: td[1], delta: td[2] };
    }),
  );
}

/** Chooses scenario `label` as side `which` ('a' or 'b'). */
export async function pick(page, which, label) {
  await page.locator(`#compare-${which}`).selectOption({ label });
}

/** The accessible summaries of the two compare charts. */
export async function chartSummaries(page) {
  return page.locator('.compare-charts canvas').evaluateAll((cs) => cs.map((c) => c.getAttribute('aria-label')));
}
