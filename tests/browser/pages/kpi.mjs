// The KPI tree (#view=kpi): the outline with its actual inputs, the node editor, the bottleneck
// headline, the warnings and the tree chart.

import assert from 'node:assert/strict';
import { TIMEOUT } from '../support/config.mjs';
import { eventually } from '../support/harness.mjs';
import { button, field, waitForCanvasDrawAfter } from './common.mjs';

/** Waits until the KPI view shows its outline and has drawn its tree canvas once. */
export async function waitForKpi(page) {
  await page.locator('ul.kpi-outline li.kpi-row').first().waitFor({ timeout: TIMEOUT });
  await waitForCanvasDrawAfter(page, 'kpi-canvas', 0);
}

/**
 * The KPI outline, top to bottom: one {title, kind, depth, detail, status, tags, hasActual,
 * selected, bottleneck} per visible node (depth read from the row's indent, 0.9rem a level).
 */
export async function readKpiOutline(page) {
  return page.locator('ul.kpi-outline > li.kpi-row').evaluateAll((lis) =>
    lis.map((li) => ({
      title: li.querySelector('button.node-title').textContent.trim(),
      kind: li.querySelector('.kind').textContent.trim(),
      depth: Math.round(parseFloat(li.style.paddingLeft || '0') / 0.9),
      detail: li.querySelector('.detail').textContent.trim(),
      status: li.querySelector('.status').textContent.trim(),
      tags: [...li.querySelectorAll('.tag')].map((t) => t.textContent.trim()),
      hasActual: li.querySelector('input') !== null,
      selected: li.classList.contains('selected'),
      bottleneck: li.classList.contains('bottleneck'),
    })),
  );
}

/** The actual input of a node in the outline, by the node's title. */
export const actual = (page, title) => field(page, `${title}の実績`);
export const outline = (page) => page.locator('ul.kpi-outline');
export const headline = (page) => page.locator('[data-testid="bottleneck"]');
export const warnings = (page) => page.locator('[data-testid="kpi-warnings"] li');
export const editorHeading = (page) => page.locator('#node-editor-heading');

/** Clicks a node's title in the outline and waits until the editor shows it. */
export async function select(page, title) {
  await outline(page).getByRole('button', { name: title, exact: true }).click();
  await eventually(async () => assert.equal(await editorHeading(page).textContent(), `選択中のノード: ${title}`));
}

/** The outline row of `title` (waits until there is exactly one). */
export async function rowOf(page, title) {
  return eventually(async () => {
    const rows = (await readKpiOutline(page)).filter((r) => r.title === title);
    assert.equal(rows.length, 1, `rows titled ${title}`);
    return rows[0];
  });
}

/** Waits until the outline row of `title` shows `detail` (and `status`, when given). */
export async function expectRow(page, title, detail, status) {
  return eventually(async () => {
    const row = await rowOf(page, title);
    assert.equal(row.detail, detail, `${title} detail`);
    if (status !== undefined) assert.equal(row.status, status, `${title} status`);
    return row;
  });
}

/** Texts of the warnings under the tree. */
export async function warningTexts(page) {
  return warnings(page).allTextContents();
}

/** Opens the KPI tree by its tab and waits until it is drawn. */
export async function openKpi(page) {
  await page.getByRole('tab', { name: 'KPIツリー', exact: true }).click();
  await waitForKpi(page);
}

/** Adds a KPI (or a KSF) named `name` under the node `parent` with the node editor. */
export async function addKpi(page, parent, name, kind = 'KPI') {
  await select(page, parent);
  await button(page, kind === 'KPI' ? '下にKPIを追加' : '下にKSFを追加').click();
  await eventually(async () => assert.equal(await editorHeading(page).textContent(), `選択中のノード: 新しい${kind}`));
  await field(page, 'ノード名').fill(name);
  await eventually(async () => assert.equal(await editorHeading(page).textContent(), `選択中のノード: ${name}`));
}
