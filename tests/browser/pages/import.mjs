// Import actuals (#view=import): choosing a file, the column and value mapping selects, the
// summary line and the headline cards.

import assert from 'node:assert/strict';
import { eventually } from '../support/harness.mjs';
import { field } from './common.mjs';

/** The "used N rows" line. */
export const summary = (page) => page.locator('.import-summary');
/** The value of the headline card titled `title`. */
export const card = (page, title) => page.locator('.card', { has: page.locator('dt', { hasText: title }) }).locator('dd');

/** Chooses `file` with the file input (labelled in `lang`). */
export async function choose(page, file, lang = 'ja') {
  await field(page, lang === 'ja' ? 'CSV・TSVファイル' : 'CSV or TSV file').setInputFiles(file);
}

/** Waits until the summary line reads `text`. */
export async function expectSummary(page, text) {
  await eventually(async () => assert.equal((await summary(page).textContent())?.trim(), text));
}

/** The selected option's visible text of the select labelled `label`. */
export async function selectedText(page, label) {
  return field(page, label).evaluate((s) => s.options[s.selectedIndex].textContent.trim());
}

/** Hands `bytes` to the file input as a file built inside the page (sizes node cannot send). */
export async function chooseInPage(page, script) {
  await page.evaluate(script);
}
