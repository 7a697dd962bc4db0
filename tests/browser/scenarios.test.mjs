// Scenario library (issue: scenarios): create, rename, duplicate, delete with undo, switch; every
// change autosaves (debounced, and at once on pagehide); a reload brings back exactly what was
// there, including the language and the scenario last open.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, withOpenPage, eventually, waitForApp } from './support/harness.mjs';
import { KEYS, DEFAULT_REQUIRED_JA } from './support/fixtures.mjs';
import { storageDump, storedScenario } from './support/storage.mjs';
import { setLanguage, field, button } from './pages/common.mjs';
import { readTable, expectRequired } from './pages/funnel.mjs';
import {
  scenarioNames,
  selectedName,
  noticeTexts,
  expectNotice,
  picker,
  nameInput,
  rename,
} from './pages/scenario_bar.mjs';

const app = useApp();

const XSS = '"><img src=x onerror=alert(1)>';

const status = (page) => page.locator('.save-status');

/** Waits until the stored scenario `id` satisfies `check(json)`. */
async function expectStored(page, id, check) {
  return eventually(async () => {
    const stored = await storedScenario(page, id);
    assert.ok(stored, `no stored scenario ${id}`);
    check(stored);
    return stored;
  });
}

/** The counts shown in the table, by stage. */
async function counts(page) {
  return Object.fromEntries((await readTable(page)).map((r) => [r.stage, r.required]));
}

test('the first visit saves the starter scenario and says so', () =>
  withOpenPage(app, async (page) => {
    assert.deepEqual(await scenarioNames(page), ['基本計画']);
    assert.equal(await nameInput(page).inputValue(), '基本計画');
    assert.equal((await status(page).textContent()).trim(), '自動保存済み');
    assert.equal(await button(page, '削除').isDisabled(), true, 'the only scenario cannot be deleted');
    const stored = await expectStored(page, 1, (s) => assert.equal(s.name, '基本計画'));
    assert.equal(stored.format, 'funnel-calculator-scenario');
    assert.equal(stored.version, 3);
    assert.equal(stored.draft.target, '1億');
    await eventually(async () => assert.equal((await storageDump(page))[KEYS.current], '1'));
  }));

test('create, rename, duplicate and switch: each is on screen and in storage', () =>
  withOpenPage(app, async (page) => {
    await field(page, '売上目標（KGI）').fill('2億');
    await expectRequired(page, { 受注: '40' });
    await expectStored(page, 1, (s) => assert.equal(s.draft.target, '2億'));

    // create: a default scenario, opened
    await button(page, '新規').click();
    await eventually(async () => assert.deepEqual(await scenarioNames(page), ['基本計画', '新しいシナリオ']));
    assert.equal(await selectedName(page), '新しいシナリオ');
    assert.equal(await field(page, '売上目標（KGI）').inputValue(), '1億');
    await expectRequired(page, DEFAULT_REQUIRED_JA);
    await expectStored(page, 2, (s) => assert.equal(s.name, '新しいシナリオ'));
    await eventually(async () => assert.equal((await storageDump(page))[KEYS.current], '2'));
    assert.equal(await button(page, '削除').isDisabled(), false);

    // rename commits on change (Enter); spaces around are trimmed
    await rename(page, '  ウェビナー強化  ');
    await eventually(async () => assert.deepEqual(await scenarioNames(page), ['基本計画', 'ウェビナー強化']));
    await expectStored(page, 2, (s) => assert.equal(s.name, 'ウェビナー強化'));
    // a blank name becomes a dash rather than an empty option
    await rename(page, '   ');
    await eventually(async () => assert.deepEqual(await scenarioNames(page), ['基本計画', '—']));
    await rename(page, 'ウェビナー強化');
    await expectStored(page, 2, (s) => assert.equal(s.name, 'ウェビナー強化'));
    await field(page, '受注率（商談 → 受注）').fill('50');
    await expectRequired(page, { 受注: '20', 商談: '40' });
    await expectStored(page, 2, (s) => assert.equal(s.draft.stages[4].rate, '50'));

    // switch back: the first scenario's inputs and numbers, remembered as the open one
    await picker(page).selectOption({ label: '基本計画' });
    await eventually(async () => assert.equal(await field(page, '売上目標（KGI）').inputValue(), '2億'));
    assert.equal(await field(page, '受注率（商談 → 受注）').inputValue(), '25');
    await expectRequired(page, { 受注: '40', 商談: '160' });
    assert.equal(await nameInput(page).inputValue(), '基本計画');
    await eventually(async () => assert.equal((await storageDump(page))[KEYS.current], '1'));

    // duplicate: a copy with the same inputs, opened, the original untouched
    await button(page, '複製').click();
    await eventually(async () =>
      assert.deepEqual(await scenarioNames(page), ['基本計画', 'ウェビナー強化', '基本計画のコピー']),
    );
    assert.equal(await selectedName(page), '基本計画のコピー');
    assert.equal(await field(page, '売上目標（KGI）').inputValue(), '2億');
    await expectRequired(page, { 受注: '40', 商談: '160' });
    const copy = await expectStored(page, 3, (s) => assert.equal(s.name, '基本計画のコピー'));
    const original = await storedScenario(page, 1);
    assert.deepEqual(copy.draft, original.draft);
    // a second copy of the same name gets a number, not a clash
    await picker(page).selectOption({ label: '基本計画' });
    await eventually(async () => assert.equal(await selectedName(page), '基本計画'));
    await button(page, '複製').click();
    await eventually(async () =>
      assert.deepEqual(await scenarioNames(page), [
        '基本計画',
        'ウェビナー強化',
        '基本計画のコピー',
        '基本計画のコピー (2)',
      ]),
    );

    // editing the copy does not change the original
    await field(page, '売上目標（KGI）').fill('3億');
    await expectRequired(page, { 受注: '60' });
    await expectStored(page, 4, (s) => assert.equal(s.draft.target, '3億'));
    assert.equal((await storedScenario(page, 1)).draft.target, '2億');
    assert.equal((await storedScenario(page, 3)).draft.target, '2億');
  }));

test('delete shows a notice with undo; undo puts the scenario back where it was', () =>
  withOpenPage(app, async (page) => {
    await button(page, '新規').click();
    await rename(page, 'A案');
    await button(page, '新規').click();
    await rename(page, 'B案');
    await eventually(async () => assert.deepEqual(await scenarioNames(page), ['基本計画', 'A案', 'B案']));
    await picker(page).selectOption({ label: 'A案' });
    await field(page, '売上目標（KGI）').fill('5億');
    await expectRequired(page, { 受注: '100' });
    await expectStored(page, 2, (s) => assert.equal(s.draft.target, '5億'));

    await button(page, '削除').click();
    const notice = await expectNotice(page, '「A案」を削除しました。');
    await eventually(async () => assert.deepEqual(await scenarioNames(page), ['基本計画', 'B案']));
    assert.equal(await selectedName(page), 'B案', 'the scenario below opens in its place');
    await expectRequired(page, DEFAULT_REQUIRED_JA);
    await eventually(async () => assert.equal(await storedScenario(page, 2), null, 'its key is removed'));

    await notice.getByRole('button', { name: '元に戻す', exact: true }).click();
    await eventually(async () => assert.deepEqual(await scenarioNames(page), ['基本計画', 'A案', 'B案']));
    assert.equal(await selectedName(page), 'A案', 'the restored scenario opens');
    assert.equal(await field(page, '売上目標（KGI）').inputValue(), '5億');
    await expectRequired(page, { 受注: '100' });
    await expectStored(page, 2, (s) => {
      assert.equal(s.name, 'A案');
      assert.equal(s.draft.target, '5億');
    });
    await eventually(async () => assert.deepEqual(await noticeTexts(page), [], 'the undone notice goes away'));

    // deleted without undo: gone after a reload, and the notice can be dismissed
    await button(page, '削除').click();
    const again = await expectNotice(page, '「A案」を削除しました。');
    await again.getByRole('button', { name: '閉じる', exact: true }).click();
    await eventually(async () => assert.deepEqual(await noticeTexts(page), []));
    await page.reload();
    await waitForApp(page);
    assert.deepEqual(await scenarioNames(page), ['基本計画', 'B案']);
    assert.equal(await storedScenario(page, 2), null);

    // the last scenario cannot be deleted
    await button(page, '削除').click();
    await expectNotice(page, '「B案」を削除しました。');
    await eventually(async () => assert.deepEqual(await scenarioNames(page), ['基本計画']));
    assert.equal(await button(page, '削除').isDisabled(), true);
  }));

test('autosave waits for a pause in typing and then writes once', () =>
  withOpenPage(
    app,
    async (page) => {
      await expectStored(page, 1, (s) => assert.equal(s.draft.target, '1億'));
      // an edit is not written synchronously: storage still holds the old text right after it
      const immediately = await page.evaluate((k) => {
        const input = [...document.querySelectorAll('label')]
          .find((l) => l.textContent === '売上目標（KGI）')
          .control;
        input.value = '7億';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        return JSON.parse(localStorage.getItem(k)).draft.target;
      }, KEYS.scenario(1));
      assert.equal(immediately, '1億');
      await expectStored(page, 1, (s) => assert.equal(s.draft.target, '7億'));

      // a burst of keystrokes is saved once it pauses, not once per keystroke
      await page.evaluate(() => {
        window.__writes = [];
      });
      const target = field(page, '売上目標（KGI）');
      await target.selectText();
      await page.keyboard.type('123456789');
      await expectStored(page, 1, (s) => assert.equal(s.draft.target, '123456789'));
      const writes = await page.evaluate((k) => window.__writes.filter((w) => w === k).length, KEYS.scenario(1));
      assert.ok(writes >= 1 && writes <= 3, `${writes} writes of the scenario for 9 keystrokes`);
    },
    {
      init: (context) =>
        context.addInitScript(() => {
          window.__writes = [];
          const setItem = Storage.prototype.setItem;
          Storage.prototype.setItem = function (k, v) {
            window.__writes.push(k);
            return setItem.call(this, k, v);
          };
        }),
    },
  ));

test('an edit made just before the page goes away is saved on pagehide', () =>
  withOpenPage(
    app,
    async (page) => {
      await expectStored(page, 1, (s) => assert.equal(s.draft.target, '1億'));
      // from here on the 300 ms autosave timer never fires: only pagehide can save
      await page.evaluate(() => {
        window.__holdAutosave = true;
      });
      await field(page, '売上目標（KGI）').fill('9億');
      await expectRequired(page, { 受注: '180' });
      await eventually(async () => assert.ok(await page.evaluate(() => window.__dropped > 0)));
      assert.equal((await storedScenario(page, 1)).draft.target, '1億', 'not saved before pagehide');
      await page.reload();
      await waitForApp(page);
      assert.equal(await field(page, '売上目標（KGI）').inputValue(), '9億');
      await expectRequired(page, { 受注: '180' });
    },
    {
      init: (context) =>
        context.addInitScript(() => {
          window.__dropped = 0;
          const setTimeout = window.setTimeout;
          window.setTimeout = function (fn, ms, ...rest) {
            if (window.__holdAutosave && ms === 300) {
              window.__dropped += 1;
              return setTimeout.call(window, () => {}, 0);
            }
            return setTimeout.call(window, fn, ms, ...rest);
          };
        }),
    },
  ));

test('a reload brings back the language, the list, the scenario last open and its inputs', () =>
  withOpenPage(app, async (page) => {
    await setLanguage(page, 'en');
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await rename(page, 'Webinar push');
    await field(page, 'Revenue target (KGI)').fill('1.5億');
    await field(page, 'Win rate (Opportunity → Won deal)').fill('12.5');
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await rename(page, 'Field sales');
    await field(page, 'Average deal size').fill('2000万');
    // a stage removed and one renamed, a wrong rate kept as typed
    await page.getByRole('button', { name: 'Remove MQL', exact: true }).click();
    await page.getByLabel('Stage 1 name', { exact: true }).fill('Ads');
    await field(page, 'Ads → Lead CVR').fill('abc');
    await page.locator('#scenario-picker').selectOption({ label: 'Webinar push' });
    await eventually(async () => assert.equal(await selectedName(page), 'Webinar push'));
    await eventually(async () => assert.equal(await field(page, 'Revenue target (KGI)').inputValue(), '1.5億'));

    const before = {
      names: await scenarioNames(page),
      selected: await selectedName(page),
      table: await readTable(page),
      target: await field(page, 'Revenue target (KGI)').inputValue(),
      win: await field(page, 'Win rate (Opportunity → Won deal)').inputValue(),
    };
    assert.deepEqual(before.names, ['Base plan', 'Webinar push', 'Field sales']);
    assert.equal(before.table.find((r) => r.stage === 'Won deals').required, '30');

    await page.reload();
    await waitForApp(page);
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await page.getByRole('button', { name: 'English', exact: true }).getAttribute('aria-pressed'), 'true');
    assert.deepEqual(
      {
        names: await scenarioNames(page),
        selected: await selectedName(page),
        table: await readTable(page),
        target: await field(page, 'Revenue target (KGI)').inputValue(),
        win: await field(page, 'Win rate (Opportunity → Won deal)').inputValue(),
      },
      before,
    );
    assert.equal(await nameInput(page).inputValue(), 'Webinar push');
    assert.deepEqual(await noticeTexts(page), []);

    // the other scenario's edits came back too, the wrong rate still as typed and flagged
    await page.locator('#scenario-picker').selectOption({ label: 'Field sales' });
    await eventually(async () => assert.equal(await field(page, 'Average deal size').inputValue(), '2000万'));
    assert.equal(await page.getByLabel('Stage 1 name', { exact: true }).inputValue(), 'Ads');
    assert.equal(await field(page, 'Ads → Lead CVR').inputValue(), 'abc');
    assert.equal(await field(page, 'Ads → Lead CVR').getAttribute('aria-invalid'), 'true');
    assert.deepEqual(
      await page.locator('input.stage-name').evaluateAll((is) => is.map((i) => i.value)),
      ['Ads', 'Leads', 'SQL', 'Opportunities', 'Won deals'],
    );
  }));

test('switching to a scenario with a wrong field does not show another scenario\'s numbers', () =>
  withOpenPage(app, async (page) => {
    // scenario 1: 2億 → 40 won; scenario 2: three stages, one rate wrong
    await field(page, '売上目標（KGI）').fill('2億');
    await expectRequired(page, { 受注: '40' });
    await button(page, '新規').click();
    await rename(page, '入力途中');
    await page.getByRole('button', { name: '訪問を削除', exact: true }).click();
    await page.getByRole('button', { name: 'MQLを削除', exact: true }).click();
    await page.getByRole('button', { name: 'SQLを削除', exact: true }).click();
    await expectRequired(page, { リード: '800', 商談: '80', 受注: '20' });
    await field(page, 'リード → 商談 転換率').fill('abc');
    await page.locator('.stale-notice').waitFor();
    // while typing, the last valid numbers of this scenario stay on screen, marked stale
    assert.deepEqual((await readTable(page)).map((r) => r.stage), ['リード', '商談', '受注']);

    await picker(page).selectOption({ label: '基本計画' });
    await expectRequired(page, { 受注: '40' });
    await picker(page).selectOption({ label: '入力途中' });
    await eventually(async () => assert.equal(await field(page, 'リード → 商談 転換率').inputValue(), 'abc'));
    // The results must not carry the last valid plan across a scenario switch.
    const rows = await readTable(page);
    assert.ok(
      rows.length === 0 || JSON.stringify(rows.map((r) => r.stage)) === JSON.stringify(['リード', '商談', '受注']),
      `入力途中 shows another scenario's results: ${JSON.stringify(rows.map((r) => [r.stage, r.required]))}`,
    );
  }));

test('whatever fits in a field comes back after a reload (no entry is lost to an over-long text)', () =>
  withOpenPage(app, async (page) => {
    // 70 characters typed; the field keeps the first 64 (its maxlength), still a valid ¥1.5億.
    const long = '1.5億' + ' '.repeat(66);
    await field(page, '売上目標（KGI）').fill(long);
    const typed = await field(page, '売上目標（KGI）').inputValue();
    assert.ok(typed.length <= 64, `the field holds at most 64 characters, got ${typed.length}`);
    await expectStored(page, 1, (s) => assert.equal(s.draft.target, typed));
    await page.reload();
    await waitForApp(page);
    // BUG: the goal and rate inputs carry no maxlength, so a 70-character text is saved, then
    // refused on load (FormatError::Invalid, texts over 64 characters): the whole scenario is
    // moved aside and the starter scenario replaces it.
    assert.deepEqual(await noticeTexts(page), [], 'no entry is reported unreadable');
    assert.equal(await field(page, '売上目標（KGI）').inputValue(), typed);
    assert.equal(await storageDump(page).then((d) => Object.keys(d).some((k) => k.includes('unreadable'))), false);
  }));

test('a name with HTML in it is shown as text in the picker, the name field and the notices', () =>
  withOpenPage(app, async (page) => {
    await button(page, '新規').click();
    await rename(page, XSS);
    await eventually(async () => assert.deepEqual(await scenarioNames(page), ['基本計画', XSS]));
    assert.equal(await nameInput(page).inputValue(), XSS);
    await expectStored(page, 2, (s) => assert.equal(s.name, XSS));
    await button(page, '複製').click();
    await eventually(async () => assert.equal(await selectedName(page), `${XSS}のコピー`));
    await button(page, '削除').click();
    await expectNotice(page, `「${XSS}のコピー」を削除しました。`);
    await page.reload();
    await waitForApp(page);
    assert.deepEqual(await scenarioNames(page), ['基本計画', XSS]);
    assert.equal(await page.locator('img').count(), 0, 'no element was made from the name');
  }));
