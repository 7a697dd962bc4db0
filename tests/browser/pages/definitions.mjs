// Stage definitions and the checklist (their own tab, 定義とチェックリスト).

/** Opens the stage definitions and checklist (by their tab, when the page has one). */
export async function openDefinitions(page) {
  const tab = page.getByRole('tab', { name: '定義とチェックリスト', exact: true });
  if (await tab.count()) await tab.click();
  await page.locator('#definitions-heading').waitFor();
  await page.locator('#checklist-heading').waitFor();
}
