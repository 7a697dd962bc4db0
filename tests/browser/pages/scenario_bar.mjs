// The scenario bar above every view: the picker, the notices, the phone menu and the
// 共有・書き出し (Share & export) panel.

import { TIMEOUT } from '../support/config.mjs';

/** Texts of the scenario picker's options, in order. */
export async function scenarioNames(page, selector = '#scenario-picker') {
  // the saved scenarios only (a shared, unsaved one is a disabled placeholder option)
  return page.locator(`${selector} option:not([disabled])`).evaluateAll((os) => os.map((o) => o.textContent));
}

/** The selected option's text of a picker. */
export async function selectedName(page, selector = '#scenario-picker') {
  return page.locator(selector).evaluate((s) => s.options[s.selectedIndex]?.textContent ?? null);
}

/** Texts of the notices on screen (li.notice). */
export async function noticeTexts(page) {
  return page.locator('li.notice > span').allTextContents();
}

/** Waits until some notice contains `fragment` and returns that notice's locator. */
export async function expectNotice(page, fragment) {
  const notice = page.locator('li.notice').filter({ hasText: fragment });
  await notice.first().waitFor({ timeout: TIMEOUT });
  return notice.first();
}

/** On a phone the scenario controls fold behind one button: opens it (nothing to do when wide). */
export async function openScenarioMenu(page) {
  const toggle = page.locator('.toolbar .menu-toggle');
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
}

/** Opens the 共有・書き出し panel (idempotent). */
export async function openSharePanel(page) {
  await openScenarioMenu(page);
  await page.locator('details.share').evaluate((d) => {
    d.open = true;
  });
  await page.locator('#share-link').waitFor({ state: 'visible', timeout: TIMEOUT });
}

/** The scenario picker and the current scenario's name input. */
export const picker = (page) => page.locator('#scenario-picker');
export const nameInput = (page) => page.locator('#scenario-name');

/** Renames the current scenario (types the name, then Enter). */
export async function rename(page, name) {
  await nameInput(page).fill(name);
  await nameInput(page).press('Enter');
}
