// Channels & budget (#view=channels): the channel cards, the results table and chart.

import { TIMEOUT } from '../support/config.mjs';
import { eventually } from '../support/harness.mjs';
import { waitForCanvasDrawAfter } from './common.mjs';

/** Waits until the channels view shows its results and has drawn its chart once. */
export async function waitForChannels(page) {
  await page.locator('table.channel-results tbody tr').first().waitFor({ timeout: TIMEOUT });
  await waitForCanvasDrawAfter(page, 'channel-canvas', 0);
}

/** The channel results table: one {name, leads, visits, budget, cpl, mql, won, cpa} per row. */
export async function readChannelResults(page) {
  return page.locator('table.channel-results tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const [leads, visits, budget, cpl, mql, won, cpa] = [...tr.querySelectorAll('td')].map((td) =>
        td.textContent.trim(),
      );
      return { name: tr.querySelector('th').textContent.trim(), leads, visits, budget, cpl, mql, won, cpa, total: tr.classList.contains('total') };
    }),
  );
}

/** The notice that the results shown are the last valid ones, and a channel's input card by its name. */
export const staleNotice = (page) => page.locator('#view-channels .stale-notice');
export const channelCard = (page, name) => page.locator('fieldset.channel-card', { has: page.locator('legend', { hasText: name }) });

/** The results rows once they satisfy `check(rows)`. */
export async function resultsWhen(page, check) {
  return eventually(async () => {
    const rows = await readChannelResults(page);
    check(rows);
    return rows;
  });
}
