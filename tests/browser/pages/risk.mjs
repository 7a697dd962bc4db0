// Risk & sensitivity (#view=risk): the chance of reaching the target and its charts.

import { TIMEOUT } from '../support/config.mjs';
import { waitForCanvasDrawAfter } from './common.mjs';

/** Waits until the risk view shows the chance and has drawn its distribution once. */
export const waitForRisk = async (page) => {
  await page.locator('[data-testid="risk-reach"]').waitFor({ timeout: TIMEOUT });
  await waitForCanvasDrawAfter(page, 'risk-distribution-canvas', 0);
};
