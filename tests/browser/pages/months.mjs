// The monthly plan (#view=months): the period fields (which live on the funnel view), its result
// cards, its month table and timeline chart.

import { TIMEOUT } from '../support/config.mjs';
import { eventually } from '../support/harness.mjs';
import { waitForCanvasDrawAfter } from './common.mjs';

/** Waits until the monthly plan shows its table and has drawn its timeline once. */
export async function waitForMonths(page) {
  await page.locator('table.month-table tbody tr').first().waitFor({ timeout: TIMEOUT });
  await waitForCanvasDrawAfter(page, 'timeline-canvas', 0);
}

/**
 * The month table: `head` (column titles), `rows` ({month, tag, cells}) for the months and
 * `total` (cells of the 合計/Total row). Cells are the shown texts.
 */
export async function readMonthTable(page) {
  return page.locator('table.month-table').evaluate((table) => {
    const head = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
    const rows = [];
    let total = null;
    let totalLabel = null;
    for (const tr of table.querySelectorAll('tbody tr')) {
      const th = tr.querySelector('th');
      const tag = th.querySelector('.tag')?.textContent.trim() ?? '';
      const label = [...th.childNodes]
        .filter((n) => !(n.nodeType === 1 && n.classList.contains('tag')))
        .map((n) => n.textContent)
        .join('')
        .trim();
      const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent.trim());
      if (tr.classList.contains('total')) {
        total = cells;
        totalLabel = label;
      } else rows.push({ month: label, tag, before: tr.classList.contains('before'), cells });
    }
    return { head, rows, total, totalLabel };
  });
}

/**
 * The period is set in one place, beside the target on the funnel view: a period field opens
 * that view, acts, and comes back to the monthly plan.
 */
export function periodField(page, label) {
  const here = () => page.getByLabel(label, { exact: true });
  const onFunnel = async (act) => {
    await page.locator('[role=tab][id=tab-funnel]').click();
    try {
      return await act(here());
    } finally {
      await page.locator('[role=tab][id=tab-months]').click();
      await waitForMonths(page);
    }
  };
  return {
    selectOption: (option) => onFunnel((l) => l.selectOption(option)),
    inputValue: () => onFunnel((l) => l.inputValue()),
    count: () => onFunnel((l) => l.count()),
    locator: (selector) => ({
      allTextContents: () => onFunnel((l) => l.locator(selector).allTextContents()),
      textContent: () => onFunnel((l) => l.locator(selector).textContent()),
    }),
  };
}

/** The result card `months-<key>`, and the notice that the results shown are the last valid ones. */
export const card = (page, key) => page.locator(`[data-testid="months-${key}"]`);
export const staleNotice = (page) => page.locator('#view-months .stale-notice');

/** The month table once it satisfies `check(table)`. */
export async function monthTableWhen(page, check) {
  return eventually(async () => {
    const t = await readMonthTable(page);
    check(t);
    return t;
  });
}
