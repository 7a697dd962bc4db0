// Editable stage chain (SPEC §2): add SAL between MQL and SQL, rename, set its rate, remove,
// reorder, and the 2–12 stage limits.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, eventually } from './support/harness.mjs';
import { expectText, testId, setLanguage, assertNoGarbage, field, button } from './pages/common.mjs';
import { readTable, expectRequired, stageNames, expectOrder } from './pages/funnel.mjs';

const app = useApp();

const DEFAULT = { 訪問: '333,334', リード: '6,667', MQL: '667', SQL: '200', 商談: '80', 受注: '20' };

test('add SAL after MQL, rename it and set SAL → SQL 80 %: SQL 200, SAL 250, MQL 834', () =>
  app.withPage(async (page) => {
    await button(page, 'MQLの後に段階を追加').click();
    await expectOrder(page, ['訪問', 'リード', 'MQL', '新しい段階', 'SQL', '商談', '受注']);
    // a new stage starts at 50 % so the plan stays valid: SQL 200 ÷ .5 = 400 new, ÷ .3 = 1,334 MQL
    await expectRequired(page, { SQL: '200', 新しい段階: '400', MQL: '1,334' });

    const name = field(page, '段階4の名前');
    assert.equal(await name.inputValue(), '新しい段階');
    await name.fill('SAL');
    await expectOrder(page, ['訪問', 'リード', 'MQL', 'SAL', 'SQL', '商談', '受注']);
    // the rate labels follow the new name; MQL keeps its 30 %, now towards SAL
    assert.equal(await field(page, 'MQL → SAL 転換率').inputValue(), '30');
    assert.equal(await field(page, 'SAL → SQL 転換率').inputValue(), '50');

    await field(page, 'SAL → SQL 転換率').fill('80');
    // SQL still 200; SAL = 200 ÷ .8 = 250; MQL = 250 ÷ .3 = 833.3 → 834; leads 8,333.3 → 8,334
    const rows = await expectRequired(page, {
      受注: '20',
      商談: '80',
      SQL: '200',
      SAL: '250',
      MQL: '834',
      リード: '8,334',
      訪問: '416,667',
    });
    assert.equal(rows.find((r) => r.stage === 'MQL').exact, '833.33');
    assert.equal(rows.find((r) => r.stage === 'SAL').rate, '80%');
    await expectText(page, testId('headline-leads'), '8,334件');
    // buttons are named after the new stage
    await button(page, 'SALを削除').waitFor();
    await button(page, 'SALを上へ移動').waitFor();

    // the user's name is kept in English too; the rate label uses it
    await setLanguage(page, 'en');
    await field(page, 'SAL → SQL rate').waitFor();
    assert.equal(await field(page, 'Stage 4 name').inputValue(), 'SAL');
    await expectRequired(page, { SAL: '250', MQL: '834', Leads: '8,334' });
    await assertNoGarbage(page);
  }));

test('removing a stage drops its row, its rate field and its factor', () =>
  app.withPage(async (page) => {
    await expectRequired(page, DEFAULT);
    await button(page, 'SQLを削除').click();
    await expectOrder(page, ['訪問', 'リード', 'MQL', '商談', '受注']);
    // MQL's 30 % now leads to opportunities: 80 ÷ .3 = 266.67 → 267; ÷ .1 → 2,667 leads
    await expectRequired(page, { 受注: '20', 商談: '80', MQL: '267', リード: '2,667', 訪問: '133,334' });
    assert.equal(await field(page, 'MQL → 商談 転換率').inputValue(), '30');
    assert.equal(await page.getByLabel('商談化率（SQL → 商談）', { exact: true }).count(), 0);

    // removing the top stage: visits disappear, leads stay
    await button(page, '訪問を削除').click();
    await expectOrder(page, ['リード', 'MQL', '商談', '受注']);
    assert.equal(await page.getByLabel('CVR（訪問 → リード）', { exact: true }).count(), 0);
    await expectText(page, testId('headline-leads'), '2,667件');
    await assertNoGarbage(page);
  }));

test('moving a stage up and down reorders the chain; each rate travels with its stage', () =>
  app.withPage(async (page) => {
    assert.ok(await button(page, '訪問を上へ移動').isDisabled(), 'the first stage cannot move up');
    assert.ok(await button(page, '受注を下へ移動').isDisabled(), 'the last stage cannot move down');
    assert.ok(await button(page, 'SQLを上へ移動').isEnabled());

    await button(page, 'SQLを上へ移動').click();
    await expectOrder(page, ['訪問', 'リード', 'SQL', 'MQL', '商談', '受注']);
    assert.equal(await field(page, 'リード → SQL 転換率').inputValue(), '10');
    assert.equal(await field(page, 'SQL → MQL 転換率').inputValue(), '40');
    assert.equal(await field(page, 'MQL → 商談 転換率').inputValue(), '30');
    // 80 ÷ .3 = 266.67 → 267 MQL; ÷ .4 = 666.67 → 667 SQL; ÷ .1 = 6,666.67 → 6,667 leads
    await expectRequired(page, { 受注: '20', 商談: '80', MQL: '267', SQL: '667', リード: '6,667' });

    await button(page, 'SQLを下へ移動').click();
    await expectOrder(page, ['訪問', 'リード', 'MQL', 'SQL', '商談', '受注']);
    await expectRequired(page, DEFAULT);
    assert.equal(await field(page, '商談化率（SQL → 商談）').inputValue(), '40');

    // keyboard: focus the button and press Enter
    await button(page, 'リードを下へ移動').focus();
    await page.keyboard.press('Enter');
    await expectOrder(page, ['訪問', 'MQL', 'リード', 'SQL', '商談', '受注']);
    await button(page, 'リードを上へ移動').focus();
    await page.keyboard.press('Enter');
    await expectOrder(page, ['訪問', 'リード', 'MQL', 'SQL', '商談', '受注']);
    await expectRequired(page, DEFAULT);
  }));

test('at 12 stages every add button is disabled; at 2 stages every remove button is', () =>
  app.withPage(async (page) => {
    const addButtons = page.getByRole('button', { name: /の後に段階を追加$/ });
    const removeButtons = page.getByRole('button', { name: /を削除$/ });
    for (let n = 6; n < 12; n++) {
      await eventually(async () => assert.equal(await addButtons.count(), n));
      assert.ok(await button(page, 'リードの後に段階を追加').isEnabled());
      await button(page, 'リードの後に段階を追加').click();
    }
    await eventually(async () => assert.equal((await stageNames(page)).length, 12));
    await eventually(async () => {
      const disabled = await addButtons.evaluateAll((bs) => bs.map((b) => b.disabled));
      assert.equal(disabled.length, 12);
      assert.ok(disabled.every(Boolean), 'all 12 add buttons are disabled');
    });
    assert.equal((await readTable(page)).length, 12);
    // the new stages start at 50 %: six of them double leads six times → 6,667 × 64 visits
    await expectRequired(page, { リード: '426,667', MQL: '667' });
    await assertNoGarbage(page);

    // down to 2 stages, always removing the top one
    for (let n = 12; n > 2; n--) {
      const first = (await stageNames(page))[0];
      await button(page, `${first}を削除`).first().click();
      await eventually(async () => assert.equal((await stageNames(page)).length, n - 1));
    }
    await expectOrder(page, ['商談', '受注']);
    await eventually(async () => {
      const disabled = await removeButtons.evaluateAll((bs) => bs.map((b) => b.disabled));
      assert.deepEqual(disabled, [true, true]);
    });
    // adding is possible again, and the two-stage plan is right
    assert.ok(await button(page, '商談の後に段階を追加').isEnabled());
    await expectRequired(page, { 商談: '80', 受注: '20' });
    await expectText(page, testId('headline-opps'), '80件');
    await assertNoGarbage(page);
  }));

test('a blank stage name falls back to the default name', () =>
  app.withPage(async (page) => {
    const name = field(page, '段階3の名前');
    await name.fill('Hot leads');
    await expectOrder(page, ['訪問', 'リード', 'Hot leads', 'SQL', '商談', '受注']);
    await field(page, 'Hot leads → SQL 転換率').waitFor();
    await name.fill('');
    await eventually(async () => assert.deepEqual((await readTable(page)).map((r) => r.stage)[2], 'MQL'));
    await field(page, 'MQL → SQL 転換率').waitFor();
  }));

// BUG: clearing a stage name with the keyboard snaps the field back to the default name.
// The name input's value is bound to the *display* name (src/ui/stage_editor.rs,
// `prop:value=name`), and an empty name is stored as None (Draft::rename_stage), whose display
// name is the kind's default. So the moment the last character is deleted, the field refills
// with "MQL" (or "新しい段階"), and typing "SAL" then gives "MQLSAL". A person renaming a stage
// by backspacing, the usual way, cannot do it. Expected: the field keeps what was typed (empty
// while empty; the default name is only a fallback for display elsewhere).
test('renaming a stage by backspacing it empty and typing a new name', () =>
  app.withPage(async (page) => {
    const name = field(page, '段階3の名前');
    await name.click();
    await page.keyboard.press('End');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
    assert.equal(await name.inputValue(), '', 'the field is empty after deleting every character');
    await page.keyboard.type('SAL');
    assert.equal(await name.inputValue(), 'SAL');
    await expectOrder(page, ['訪問', 'リード', 'SAL', 'SQL', '商談', '受注']);

    // the same for a freshly added stage, with select-all + Backspace
    await button(page, 'SALの後に段階を追加').click();
    const added = field(page, '段階4の名前');
    await added.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    assert.equal(await added.inputValue(), '');
    await page.keyboard.type('SAL2');
    assert.equal(await added.inputValue(), 'SAL2');
  }));
