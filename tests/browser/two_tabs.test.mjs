// Two tabs of the app on one browser profile (two pages of one context share localStorage and
// hear each other's `storage` events): a tab without edits follows the other's saves at once;
// edits made in both are merged field by field (the later edit of a field wins, and the page says
// so); the scenario list follows creates, renames, duplicates and deletes; a scenario deleted
// while another tab shows it can be kept; the language and the open scenario are each tab's own;
// a tab closed in the middle of its debounced save still saves; and two tabs making hundreds of
// random edits end with every field holding its last edit.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TIMEOUT } from './support/config.mjs';
import { useApp, openPage, collectErrors, eventually, waitForApp, screenshot } from './support/harness.mjs';
import { KEYS } from './support/fixtures.mjs';
import { storageDump, storedScenario } from './support/storage.mjs';
import { setLanguage, field, button } from './pages/common.mjs';
import { expectRequired, draws } from './pages/funnel.mjs';
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

const status = (page) => page.locator('.save-status');

const TARGET = '売上目標（KGI）';
const DEAL = '平均受注単価';
const WIN = '受注率（商談 → 受注）';
const DELETED_JA = 'このシナリオ「';

/**
 * Lets a test hold a tab's 300 ms autosave: while `window.__hold` is set, the app's save timer is
 * kept (the latest one) instead of run, so the tab has unsaved edits for as long as the test
 * needs; `release(page)` runs it.
 */
function holdableAutosave(context) {
  return context.addInitScript(() => {
    window.__hold = false;
    window.__held = null;
    const setTimeout = window.setTimeout;
    window.setTimeout = function (fn, ms, ...rest) {
      if (window.__hold && ms === 300 && typeof fn === 'function') {
        window.__held = fn;
        return setTimeout.call(window, () => {}, 0);
      }
      return setTimeout.call(window, fn, ms, ...rest);
    };
  });
}

async function hold(page) {
  await page.evaluate(() => {
    window.__hold = true;
  });
}

async function release(page) {
  await page.evaluate(() => {
    window.__hold = false;
    const held = window.__held;
    window.__held = null;
    if (held) held();
  });
}

/** Two tabs of one browser profile on the app, with error collection on both. */
async function withTwoTabs(body, { init } = {}) {
  const { context, page: a, errors } = await openPage(app, {
    path: '',
    init: async (ctx) => {
      await holdableAutosave(ctx);
      if (init) await init(ctx);
    },
  });
  const b = await context.newPage();
  b.setDefaultTimeout(TIMEOUT);
  const errorsB = collectErrors(b);
  try {
    await b.goto(app.url);
    await waitForApp(b);
    await body(a, b, context);
    assert.deepEqual(errors, [], 'tab A logged errors');
    assert.deepEqual(errorsB, [], 'tab B logged errors');
  } catch (err) {
    const all = [...errors, ...errorsB];
    if (all.length && !String(err.message).includes('logged errors')) {
      err.message += `\n\npage errors so far:\n${all.join('\n')}`;
    }
    throw err;
  } finally {
    await context.close();
  }
}

async function expectStored(page, id, check) {
  return eventually(async () => {
    const stored = await storedScenario(page, id);
    assert.ok(stored, `no stored scenario ${id}`);
    check(stored);
    return stored;
  });
}

async function expectValue(page, label, value) {
  await eventually(async () => assert.equal(await field(page, label).inputValue(), value));
}

test('a tab without edits of its own shows the other tab’s save at once, both ways, and says so quietly', () =>
  withTwoTabs(async (a, b) => {
    await expectStored(a, 1, (s) => assert.equal(s.draft.target, '1億'));
    assert.equal((await status(b).textContent()).trim(), '自動保存済み');
    const drawsBefore = await draws(b);

    // the case: 4億 typed in one tab…
    await field(a, TARGET).fill('4億');
    await expectValue(b, TARGET, '4億');
    // …shows in the other with its results and chart, and a quiet status, not a notice
    await expectRequired(b, { 受注: '80', 商談: '320' });
    await b.waitForFunction((n) => Number(document.querySelector('.chart canvas').getAttribute('data-draws')) > n, drawsBefore);
    await eventually(async () => assert.equal((await status(b).textContent()).trim(), '別のタブで更新されました'));
    assert.deepEqual(await noticeTexts(b), []);
    assert.equal((await status(a).textContent()).trim(), '自動保存済み');

    // …and the other way: the tab that followed edits, the first follows it, keeping 4億
    await field(b, DEAL).fill('800万');
    await eventually(async () => assert.equal((await status(b).textContent()).trim(), '自動保存済み'));
    await expectValue(a, DEAL, '800万');
    await expectValue(a, TARGET, '4億');
    await expectRequired(a, { 受注: '50', 商談: '200' });
    await eventually(async () => assert.equal((await status(a).textContent()).trim(), '別のタブで更新されました'));
    const stored = await expectStored(a, 1, (s) => assert.equal(s.draft.deal_size, '800万'));
    assert.equal(stored.draft.target, '4億', 'the later save did not put back the stale target');

    // English
    await setLanguage(a, 'en');
    await field(b, TARGET).fill('5億');
    await eventually(async () => assert.equal((await status(a).textContent()).trim(), 'Updated in another tab'));
    await expectValue(a, 'Revenue target (KGI)', '5億');
  }));

test('edits made in both tabs before either saved are all kept; the same field keeps the later edit and says so', () =>
  withTwoTabs(async (a, b) => {
    await expectStored(a, 1, (s) => assert.equal(s.draft.target, '1億'));

    // B edits the deal size and has not saved when A's new target arrives
    await hold(b);
    await field(b, DEAL).fill('800万');
    await field(a, TARGET).fill('4億');
    await expectStored(a, 1, (s) => assert.equal(s.draft.target, '4億'));
    // B shows both at once: A's target under its own unsaved deal size
    await expectValue(b, TARGET, '4億');
    assert.equal(await field(b, DEAL).inputValue(), '800万');
    await expectRequired(b, { 受注: '50' });
    // B's save writes only what B changed: both are stored, and A follows
    await release(b);
    const both = await expectStored(a, 1, (s) => assert.equal(s.draft.deal_size, '800万'));
    assert.equal(both.draft.target, '4億');
    await expectValue(a, DEAL, '800万');
    await expectValue(a, TARGET, '4億');
    assert.deepEqual(await noticeTexts(a), []);
    assert.deepEqual(await noticeTexts(b), [], 'different fields: nothing to report');

    // The same field in both: B types first (unsaved), A types later and saves — A's is the last
    // edit, so it stays in both tabs, and B is told its edit gave way.
    await hold(b);
    await field(b, TARGET).fill('3億');
    await field(b, WIN).fill('20');
    await field(a, TARGET).fill('6億');
    await expectValue(b, TARGET, '6億');
    await expectNotice(b, '別のタブでも同じ項目が変更されていました（1件）');
    assert.equal(await field(b, WIN).inputValue(), '20', 'B’s other edit is kept');
    await release(b);
    const later = await expectStored(a, 1, (s) => assert.equal(s.draft.stages[4].rate, '20'));
    assert.equal(later.draft.target, '6億');
    await expectValue(a, WIN, '20');
    await expectValue(a, TARGET, '6億');

    // The other order: A types first and holds; B types later and saves: B's stays.
    await hold(a);
    await field(a, TARGET).fill('7億');
    await field(b, TARGET).fill('8億');
    await expectValue(a, TARGET, '8億');
    await expectNotice(a, '別のタブでも同じ項目が変更されていました（1件）');
    await release(a);
    await expectStored(a, 1, (s) => assert.equal(s.draft.target, '8億'));
    await expectValue(b, TARGET, '8億');
    await screenshot(b, 'two-tabs-both-edited-ja');

    // Fields on other views merge too: a definition in one tab, a checklist item in the other
    await hold(b);
    await a.getByRole('tab', { name: '定義とチェックリスト', exact: true }).click();
    await b.getByRole('tab', { name: '定義とチェックリスト', exact: true }).click();
    await b.locator('#checklist-heading').waitFor();
    await field(b, 'MQL 定義').fill('資料請求と料金ページ閲覧が両方あるリード');
    await field(a, '期間の最終目標（KGI）を数字で決めた').check();
    await eventually(async () => assert.equal(await field(b, '期間の最終目標（KGI）を数字で決めた').isChecked(), true));
    await release(b);
    await eventually(async () =>
      assert.equal(await field(a, 'MQL 定義').inputValue(), '資料請求と料金ページ閲覧が両方あるリード'),
    );
    const kpi = await expectStored(a, 1, (s) =>
      assert.equal(s.draft.kpi.definitions?.mql?.meaning, '資料請求と料金ページ閲覧が両方あるリード'),
    );
    assert.ok(kpi.draft.kpi.checklist > 0, 'the ticked item is stored too');
    assert.equal(kpi.draft.target, '8億');
  }));

test('the scenario list follows creates, renames, duplicates and deletes of the other tab; each tab keeps its open scenario', () =>
  withTwoTabs(async (a, b) => {
    await button(a, '新規').click();
    await eventually(async () => assert.deepEqual(await scenarioNames(b), ['基本計画', '新しいシナリオ']));
    assert.equal(await selectedName(b), '基本計画', 'B stays on its scenario');
    assert.equal(await selectedName(a), '新しいシナリオ');

    await rename(a, 'ウェビナー強化');
    await eventually(async () => assert.deepEqual(await scenarioNames(b), ['基本計画', 'ウェビナー強化']));

    await field(a, TARGET).fill('2億');
    await button(a, '複製').click();
    await eventually(async () =>
      assert.deepEqual(await scenarioNames(b), ['基本計画', 'ウェビナー強化', 'ウェビナー強化のコピー']),
    );
    // B can open what A made, with A's inputs
    await picker(b).selectOption({ label: 'ウェビナー強化のコピー' });
    await expectValue(b, TARGET, '2億');
    await expectRequired(b, { 受注: '40' });
    assert.equal(await selectedName(a), 'ウェビナー強化のコピー');

    // two tabs creating one after the other never share an id
    await button(b, '新規').click();
    await eventually(async () => assert.equal((await scenarioNames(a)).length, 4));
    await button(a, '新規').click();
    await eventually(async () =>
      assert.deepEqual(await scenarioNames(b), [
        '基本計画',
        'ウェビナー強化',
        'ウェビナー強化のコピー',
        '新しいシナリオ',
        '新しいシナリオ (2)',
      ]),
    );
    const ids = Object.keys(await storageDump(a)).filter((k) => k.startsWith('funnel-calculator.scenario.'));
    assert.equal(ids.length, 5);

    // A deletes a scenario B does not show: it leaves B's list; A's undo brings it back
    await picker(a).selectOption({ label: 'ウェビナー強化' });
    await expectValue(a, TARGET, '2億');
    await button(a, '削除').click();
    await eventually(async () => assert.ok(!(await scenarioNames(b)).includes('ウェビナー強化')));
    assert.equal(await selectedName(b), '新しいシナリオ', 'B still shows the one it created');
    await (await expectNotice(a, '「ウェビナー強化」を削除しました')).getByRole('button', { name: '元に戻す' }).click();
    await eventually(async () => assert.deepEqual((await scenarioNames(b)).slice(0, 2), ['基本計画', 'ウェビナー強化']));

    // each tab's open scenario survives its own reload, whatever the other tab opened last
    await picker(a).selectOption({ label: '基本計画' });
    await eventually(async () => assert.equal(await selectedName(a), '基本計画'));
    await b.reload();
    await waitForApp(b);
    assert.equal(await selectedName(b), '新しいシナリオ');
    await a.reload();
    await waitForApp(a);
    assert.equal(await selectedName(a), '基本計画');
  }));

test('a scenario deleted in another tab: this tab says so and offers to keep its copy or close', () =>
  withTwoTabs(async (a, b) => {
    await button(a, '新規').click();
    await rename(a, '展示会プラン');
    await eventually(async () => assert.ok((await scenarioNames(b)).includes('展示会プラン')));
    await picker(b).selectOption({ label: '展示会プラン' });
    await hold(b);
    await field(b, TARGET).fill('3億');

    // A deletes it while B has it open with an unsaved edit
    await button(a, '削除').click();
    const banner = b.locator('.deleted-banner');
    await banner.waitFor();
    assert.equal(
      (await banner.locator('p').textContent()).trim(),
      'このシナリオ「展示会プラン」は別のタブで削除されました。このタブの内容は保存されていません。',
    );
    assert.equal(await banner.getAttribute('role'), 'alert');
    assert.equal(await field(b, TARGET).inputValue(), '3億', 'what B shows is untouched');
    // B's autosave does not bring it back behind the user's back
    await release(b);
    await field(b, DEAL).fill('600万');
    await new Promise((r) => setTimeout(r, 600));
    assert.ok(!(await scenarioNames(a)).includes('展示会プラン'));
    assert.equal(await button(b, '削除').isDisabled(), true);
    await screenshot(b, 'two-tabs-deleted-elsewhere-ja');

    // A's undo: the scenario is back and B's edits go into it
    await (await expectNotice(a, '「展示会プラン」を削除しました')).getByRole('button', { name: '元に戻す' }).click();
    await banner.waitFor({ state: 'detached' });
    await eventually(async () => {
      const s = Object.values(await storageDump(a))
        .filter((v) => v.includes('"funnel-calculator-scenario"'))
        .map((v) => JSON.parse(v))
        .find((s) => s.name === '展示会プラン');
      assert.ok(s);
      assert.equal(s.draft.target, '3億');
      assert.equal(s.draft.deal_size, '600万');
    });

    // deleted again: keep the copy
    await picker(a).selectOption({ label: '展示会プラン' });
    await eventually(async () => assert.equal(await selectedName(a), '展示会プラン'));
    await button(a, '削除').click();
    await banner.waitFor();
    await button(b, 'コピーを保存').click();
    await banner.waitFor({ state: 'detached' });
    await eventually(async () => assert.ok((await scenarioNames(a)).includes('展示会プラン')));
    assert.equal(await selectedName(b), '展示会プラン');
    assert.equal(await field(b, TARGET).inputValue(), '3億');
    assert.equal(await field(b, DEAL).inputValue(), '600万');

    // deleted again: close goes to another scenario, and the list has it no more
    await picker(a).selectOption({ label: '展示会プラン' });
    await eventually(async () => assert.equal(await selectedName(a), '展示会プラン'));
    await button(a, '削除').click();
    await banner.waitFor();
    await setLanguage(b, 'en');
    assert.match(await banner.textContent(), /This scenario, “展示会プラン”, was deleted in another tab\./);
    await button(b, 'Close').click();
    await banner.waitFor({ state: 'detached' });
    assert.deepEqual(await scenarioNames(b), ['基本計画']);
    assert.equal(await selectedName(b), '基本計画');
    await waitForApp(b);
  }));

test('the language is each tab’s own; a new tab opens in the one chosen last', () =>
  withTwoTabs(async (a, b, context) => {
    await setLanguage(a, 'en');
    await field(a, 'Revenue target (KGI)').fill('2億');
    await expectValue(b, TARGET, '2億');
    assert.equal(await b.evaluate(() => document.documentElement.lang), 'ja', 'B keeps Japanese');
    await b.reload();
    await waitForApp(b);
    assert.equal(await b.evaluate(() => document.documentElement.lang), 'ja', 'and after its reload');
    await a.reload();
    await waitForApp(a);
    assert.equal(await a.evaluate(() => document.documentElement.lang), 'en');
    const c = await context.newPage();
    await c.goto(app.url);
    await waitForApp(c);
    assert.equal(await c.evaluate(() => document.documentElement.lang), 'en', 'a new tab: the last choice');
    await c.close();
  }));

test('a tab closed in the middle of its debounced save still saves, and the other tab shows it', () =>
  withTwoTabs(async (a, b) => {
    await expectStored(a, 1, (s) => assert.equal(s.draft.target, '1億'));
    await hold(a);
    await field(a, TARGET).fill('9億');
    assert.equal((await storedScenario(b, 1)).draft.target, '1億', 'not saved before the tab goes');
    await a.close({ runBeforeUnload: true });
    await expectValue(b, TARGET, '9億');
    await expectRequired(b, { 受注: '180' });
    assert.equal((await storedScenario(b, 1)).draft.target, '9億');
  }));

/** A small seeded random generator, so a failure can be replayed from the seed it prints. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The fields the long test edits: how to type into each, and where the stored JSON has it. */
const RANDOM_FIELDS = [
  { label: TARGET, value: (n) => `${n}億`, stored: (s) => s.draft.target },
  { label: DEAL, value: (n) => `${n * 10}万`, stored: (s) => s.draft.deal_size },
  { label: WIN, value: (n) => `${n}`, stored: (s) => s.draft.stages[4].rate },
  { label: '商談化率（SQL → 商談）', value: (n) => `${n}.5`, stored: (s) => s.draft.stages[3].rate },
  { label: 'CVR（訪問 → リード）', value: (n) => `${n}%`, stored: (s) => s.draft.stages[0].rate },
  { label: 'リードの件数（開始点）', value: (n) => `${n},000`, stored: (s) => s.draft.entry_count },
  { label: '段階3の名前', value: (n) => `段階${n}`, stored: (s) => s.draft.stages[2].name },
  { name: true, value: (n) => `案${n}`, stored: (s) => s.name },
];

test('two tabs making 200 random edits each to one scenario: every field ends with its last edit', { timeout: 240_000 }, () =>
  withTwoTabs(async (a, b) => {
    const seed = Number(process.env.TWO_TABS_SEED ?? Date.now() % 1_000_000);
    const rnd = random(seed);
    const tabs = [a, b];
    const last = new Map();
    const counts = [0, 0];
    let sameFieldRuns = 0;
    let previousField = -1;
    let n = 0;
    while (counts[0] < 200 || counts[1] < 200) {
      const t = counts[0] >= 200 ? 1 : counts[1] >= 200 ? 0 : rnd() < 0.5 ? 0 : 1;
      // half the time the field the other tab just edited, so both edit the same field often
      const f = rnd() < 0.35 && previousField >= 0 ? previousField : Math.floor(rnd() * RANDOM_FIELDS.length);
      if (f === previousField) sameFieldRuns += 1;
      previousField = f;
      n += 1;
      const spec = RANDOM_FIELDS[f];
      // unique values: the final check cannot pass by an older edit having the same value
      const value = spec.value(n);
      const page = tabs[t];
      if (spec.name) {
        await nameInput(page).fill(value);
        await nameInput(page).press('Enter');
      } else {
        await field(page, spec.label).fill(value);
      }
      last.set(f, value);
      counts[t] += 1;
      // pauses shorter and longer than the 300 ms autosave, so saves overlap edits every way
      const pause = rnd() < 0.7 ? Math.floor(rnd() * 120) : 250 + Math.floor(rnd() * 200);
      if (pause > 0) await new Promise((r) => setTimeout(r, pause));
    }
    assert.ok(sameFieldRuns > 50, `the same field was edited back to back ${sameFieldRuns} times`);

    const expected = RANDOM_FIELDS.map((spec, f) => last.get(f));
    const message = `seed ${seed} (TWO_TABS_SEED=${seed} replays it)`;
    await eventually(async () => {
      const stored = await storedScenario(a, 1);
      assert.deepEqual(RANDOM_FIELDS.map((spec) => spec.stored(stored)), expected, message);
    }, 5_000);
    // and both tabs show it
    for (const page of tabs) {
      await eventually(async () => {
        const shown = [];
        for (const spec of RANDOM_FIELDS) {
          shown.push(spec.name ? await nameInput(page).inputValue() : await field(page, spec.label).inputValue());
        }
        assert.deepEqual(shown, expected, message);
      }, 5_000);
    }
  }));
