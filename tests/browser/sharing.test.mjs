// Share links (issue: sharing): the link field and the copy button; a link opened in a fresh
// browser reproduces the same numbers as a temporary, clearly marked scenario and touches none
// of that browser's saved scenarios until "save a copy"; truncated, tampered, oversized,
// future-version and garbage links get a clear message and the app opens normally.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, withOpenPage, eventually, waitForApp, screenshot } from './support/harness.mjs';
import { encodeLink, defaultDraft, DEFAULT_COUNTS, DEFAULT_REQUIRED_JA, KEYS } from './support/fixtures.mjs';
import { storageDump, trackAutosave, autosaves, autosaveSettled, firePagehide } from './support/storage.mjs';
import { field, button } from './pages/common.mjs';
import { readTable, expectRequired, requiredCounts } from './pages/funnel.mjs';
import {
  scenarioNames,
  selectedName,
  noticeTexts,
  expectNotice,
  openSharePanel,
  rename,
} from './pages/scenario_bar.mjs';

const app = useApp();

const XSS = '"><img src=x onerror=alert(1)>';

const banner = (page) => page.locator('.shared-banner');

/** Stages of the default draft with the win rate (opportunities → won) set to `win`. */
function withWinRate(win) {
  const stages = defaultDraft().stages.map((s) => (s.kind === 'opportunities' ? { ...s, rate: win } : s));
  return { stages };
}

/** The share link the page offers right now. */
async function shareLink(page) {
  await openSharePanel(page);
  return page.locator('#share-link').inputValue();
}

/** Context 1: a distinctive scenario (2億, win rate 20 %) and its link and table. */
async function makeSharedScenario() {
  const { context, page, errors, dialogs } = await openPage(app, { path: '' });
  try {
    await rename(page, '共有テスト計画');
    await field(page, '売上目標（KGI）').fill('2億');
    await field(page, '受注率（商談 → 受注）').fill('20');
    await expectRequired(page, { 受注: '40', 商談: '200', SQL: '500', MQL: '1,667', リード: '16,667', 訪問: '833,334' });
    const link = await eventually(async () => {
      const l = await shareLink(page);
      assert.equal(l, `${app.url}#s=${encodeLink('共有テスト計画', { target: '2億', ...withWinRate('20') })}`);
      return l;
    });
    const table = await readTable(page);
    assert.deepEqual(errors, []);
    assert.deepEqual(dialogs, []);
    return { link, table };
  } finally {
    await context.close();
  }
}

/**
 * Context 2's own history: a renamed, edited scenario and a second one, saved. Returns the
 * storage as saved.
 */
async function makeOwnScenarios(page) {
  await rename(page, 'わたしの計画');
  await field(page, '売上目標（KGI）').fill('3億');
  await expectRequired(page, { 受注: '60' });
  await button(page, '新規').click();
  await rename(page, 'もう一つの計画');
  await page.locator('#scenario-picker').selectOption({ label: 'わたしの計画' });
  await eventually(async () => assert.equal(await field(page, '売上目標（KGI）').inputValue(), '3億'));
  return eventually(async () => {
    const saved = await storageDump(page);
    assert.equal(saved[KEYS.current], '1');
    assert.equal(JSON.parse(saved[KEYS.scenario(1)]).draft.target, '3億');
    assert.equal(JSON.parse(saved[KEYS.scenario(2)]).name, 'もう一つの計画');
    return saved;
  });
}

test('the share link field follows the open scenario and matches the link format', () =>
  withOpenPage(app, async (page) => {
    await openSharePanel(page);
    const field1 = page.locator('#share-link');
    assert.equal(await field1.getAttribute('readonly'), '');
    assert.equal(await page.getByLabel('共有リンク', { exact: true }).count(), 1);
    assert.equal(await field1.inputValue(), `${app.url}#s=${encodeLink('基本計画')}`);
    await field(page, '売上目標（KGI）').fill('2億');
    await eventually(async () =>
      assert.equal(await field1.inputValue(), `${app.url}#s=${encodeLink('基本計画', { target: '2億' })}`),
    );
    await rename(page, '名前つき');
    await eventually(async () =>
      assert.equal(await field1.inputValue(), `${app.url}#s=${encodeLink('名前つき', { target: '2億' })}`),
    );
    // the default scenario's link stays short (the budget is 600 characters)
    assert.ok(encodeLink('基本計画').length <= 600);
  }));

test('a link opened in a fresh browser shows the same numbers, marked as shared, and saves nothing until asked', async () => {
  const { link, table } = await makeSharedScenario();
  await withOpenPage(
    app,
    async (page) => {
      const before = await makeOwnScenarios(page);
      // (beside each scenario, when its fields were last edited: for merging edits of two tabs)
      const scenarioKeys = Object.keys(before).filter((k) => !k.startsWith('funnel-calculator.edited.'));
      assert.deepEqual(scenarioKeys.sort(), [KEYS.current, KEYS.lang, KEYS.scenario(1), KEYS.scenario(2)].sort());

      await page.goto('about:blank');
      await page.goto(link);
      await waitForApp(page);

      // the same numbers, the whole table
      assert.deepEqual(await readTable(page), table);
      assert.equal(await field(page, '売上目標（KGI）').inputValue(), '2億');
      // clearly marked as a temporary scenario
      await banner(page).waitFor();
      assert.equal(
        (await banner(page).locator('p').textContent()).trim(),
        '共有リンクのシナリオ「共有テスト計画」を表示しています。まだ保存されていません。',
      );
      assert.equal(await page.locator('#scenario-name').inputValue(), '共有テスト計画');
      assert.equal(await page.locator('#scenario-name').isDisabled(), true);
      assert.equal(await button(page, '削除').isDisabled(), true);
      assert.equal((await page.locator('.save-status').textContent()).trim(), '', 'not claimed as saved');
      assert.deepEqual(await scenarioNames(page), ['わたしの計画', 'もう一つの計画'], 'not added to the list');
      assert.match(page.url(), /#s=3\./, 'the link stays in the address while shown');
      await screenshot(page, 'shared-banner-1280');

      // edits to the shared scenario are not saved either, not by autosave nor on pagehide
      const n = await autosaves(page);
      await field(page, '平均受注単価').fill('1000万');
      await expectRequired(page, { 受注: '20', 商談: '100' });
      await autosaveSettled(page, n);
      await firePagehide(page);
      assert.deepEqual(await storageDump(page), before, 'storage unchanged while viewing the link');

      // save a copy: now it is one of the visitor's scenarios, and theirs are untouched
      await button(page, 'コピーを保存').click();
      await banner(page).waitFor({ state: 'detached' });
      await eventually(async () =>
        assert.deepEqual(await scenarioNames(page), ['わたしの計画', 'もう一つの計画', '共有テスト計画']),
      );
      assert.equal(await selectedName(page), '共有テスト計画');
      assert.equal(await page.locator('#scenario-name').isDisabled(), false);
      await expectRequired(page, { 受注: '20', 商談: '100' });
      const after = await eventually(async () => {
        const s = await storageDump(page);
        assert.ok(s[KEYS.scenario(3)], 'the copy is stored');
        assert.equal(s[KEYS.current], '3');
        return s;
      });
      const copy = JSON.parse(after[KEYS.scenario(3)]);
      assert.equal(copy.name, '共有テスト計画');
      assert.equal(copy.draft.target, '2億');
      assert.equal(copy.draft.deal_size, '1000万');
      assert.equal(copy.draft.stages[4].rate, '20');
      assert.equal(after[KEYS.scenario(1)], before[KEYS.scenario(1)]);
      assert.equal(after[KEYS.scenario(2)], before[KEYS.scenario(2)]);
      assert.doesNotMatch(page.url(), /#s=/, 'the link leaves the address once saved');

      await page.reload();
      await waitForApp(page);
      assert.equal(await banner(page).count(), 0);
      assert.deepEqual(await scenarioNames(page), ['わたしの計画', 'もう一つの計画', '共有テスト計画']);
      assert.equal(await selectedName(page), '共有テスト計画');
    },
    { init: trackAutosave },
  );
});

test('closing a shared scenario goes back to your own scenario, unchanged', async () => {
  const { link } = await makeSharedScenario();
  await withOpenPage(app, async (page) => {
    const before = await makeOwnScenarios(page);
    await page.goto('about:blank');
    await page.goto(link);
    await waitForApp(page);
    await banner(page).waitFor();
    await expectRequired(page, { 受注: '40' });
    await button(page, '閉じて自分のシナリオに戻る').click();
    await banner(page).waitFor({ state: 'detached' });
    await expectRequired(page, { 受注: '60' });
    assert.equal(await field(page, '売上目標（KGI）').inputValue(), '3億');
    assert.equal(await page.locator('#scenario-name').inputValue(), 'わたしの計画');
    assert.equal((await page.locator('.save-status').textContent()).trim(), '自動保存済み');
    assert.doesNotMatch(page.url(), /#s=/);
    await firePagehide(page);
    assert.deepEqual(await storageDump(page), before);
    await page.reload();
    await waitForApp(page);
    assert.equal(await banner(page).count(), 0, 'the closed link does not come back on reload');
    await expectRequired(page, { 受注: '60' });
  });
});

test('a shared name with HTML in it is shown as text in the banner and the list', () =>
  withOpenPage(
    app,
    async (page) => {
      await banner(page).waitFor();
      assert.equal(
        (await banner(page).locator('p').textContent()).trim(),
        `共有リンクのシナリオ「${XSS}」を表示しています。まだ保存されていません。`,
      );
      assert.equal(await page.locator('#scenario-name').inputValue(), XSS);
      await button(page, 'コピーを保存').click();
      await eventually(async () => assert.deepEqual(await scenarioNames(page), ['基本計画', XSS]));
      assert.equal(await page.locator('img').count(), 0);
    },
    { path: `#s=${encodeLink(XSS)}` },
  ));

test('copy link puts the link on the clipboard and says so', () =>
  withOpenPage(
    app,
    async (page) => {
      await field(page, '売上目標（KGI）').fill('2億');
      await expectRequired(page, { 受注: '40' });
      const link = await shareLink(page);
      await button(page, 'リンクをコピー').click();
      const notice = await expectNotice(page, 'リンクをコピーしました');
      assert.equal((await notice.locator('span').textContent()).trim(), `リンクをコピーしました（${link.length}文字）。`);
      assert.match(await notice.getAttribute('class'), /\bsuccess\b/);
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
      await notice.getByRole('button', { name: '閉じる', exact: true }).click();
      await eventually(async () => assert.deepEqual(await noticeTexts(page), []));
    },
    { permissions: ['clipboard-read', 'clipboard-write'] },
  ));

test('a refused clipboard write says how to copy by hand', () =>
  withOpenPage(
    app,
    async (page) => {
      await openSharePanel(page);
      await button(page, 'リンクをコピー').click();
      const notice = await expectNotice(page, 'コピーできませんでした');
      assert.equal(
        (await notice.locator('span').textContent()).trim(),
        'コピーできませんでした。共有リンク欄の文字を選択してコピーしてください。',
      );
      assert.match(await notice.getAttribute('class'), /\berror\b/);
    },
    {
      init: (context) =>
        context.addInitScript(() => {
          Object.defineProperty(Navigator.prototype, 'clipboard', {
            configurable: true,
            get: () => ({ writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }),
          });
        }),
    },
  ));

// ---------------------------------------------------------------------------------------------
// Mangled links

const VALID = encodeLink('壊される計画', { target: '5億' });
const MIDDLE = Math.floor(VALID.length / 2);
const flip = (s, i) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);

const MANGLED = [
  { name: 'truncated', payload: VALID.slice(0, MIDDLE), reason: '途中で切れているか、書き換えられています' },
  { name: 'last characters cut', payload: VALID.slice(0, -3), reason: '途中で切れているか、書き換えられています' },
  { name: 'one character changed', payload: flip(VALID, MIDDLE), reason: '途中で切れているか、書き換えられています' },
  {
    name: 'characters changed near the start and end',
    payload: flip(flip(VALID, 5), VALID.length - 8),
    reason: '途中で切れているか、書き換えられています',
  },
  { name: 'a 40,000-character payload', payload: `2.${'A'.repeat(39998)}`, reason: 'データが大きすぎます' },
  {
    name: 'a future version (marker 3, valid check)',
    payload: encodeLink('未来の計画', {}, { version: 4 }),
    reason: '新しい版のアプリで作られています',
  },
  {
    name: 'a far-future version marker',
    payload: `99999999999.${VALID.slice(2)}`,
    reason: '新しい版のアプリで作られています',
  },
  { name: 'plain garbage', payload: 'hello-this-is-not-a-link', reason: '途中で切れているか、書き換えられています' },
  { name: 'garbage after the version marker', payload: '2.!!!@@@', reason: '途中で切れているか、書き換えられています' },
  {
    name: 'a well-formed link with one stage',
    payload: encodeLink('一段', { stages: [{ id: 0, kind: 'won', rate: '100' }], entry_stage: 0, seek: 'deal_size' }),
    reason: '内容がシナリオの形式に合いません',
  },
];

for (const c of MANGLED) {
  test(`a mangled link (${c.name}) gets a clear message and the app opens normally`, () =>
    withOpenPage(
      app,
      async (page) => {
        // the visitor's own scenarios: the default one open, a second one beside it
        await button(page, '新規').click();
        await rename(page, '別の計画');
        await field(page, '売上目標（KGI）').fill('3億');
        await expectRequired(page, { 受注: '60' });
        await page.locator('#scenario-picker').selectOption({ label: '基本計画' });
        await expectRequired(page, DEFAULT_REQUIRED_JA);
        const before = await eventually(async () => {
          const s = await storageDump(page);
          assert.equal(s[KEYS.current], '1');
          assert.equal(JSON.parse(s[KEYS.scenario(2)]).draft.target, '3億');
          return s;
        });

        await page.goto('about:blank');
        await page.goto(`${app.url}#s=${c.payload}`);
        await waitForApp(page);
        const notice = await expectNotice(page, '共有リンクを開けませんでした');
        assert.equal(
          (await notice.locator('span').textContent()).trim(),
          `共有リンクを開けませんでした: ${c.reason}。いつもの画面を表示しています。`,
        );
        assert.match(await notice.getAttribute('class'), /\berror\b/);
        assert.deepEqual(await requiredCounts(page), DEFAULT_COUNTS);
        assert.equal(await page.locator('[data-testid="headline-won"]').textContent(), '20件');
        assert.equal(await banner(page).count(), 0);
        assert.deepEqual(await scenarioNames(page), ['基本計画', '別の計画']);
        assert.equal(await selectedName(page), '基本計画');
        assert.doesNotMatch(page.url(), /#s=/, 'the bad link is dropped from the address');
        const n = await autosaves(page);
        await field(page, '平均受注単価').fill('500万');
        await autosaveSettled(page, n);
        assert.deepEqual(await storageDump(page), before, 'stored scenarios unchanged');

        // the message can be dismissed; a reload does not repeat it
        await notice.getByRole('button', { name: '閉じる', exact: true }).click();
        await eventually(async () => assert.deepEqual(await noticeTexts(page), []));
        await page.reload();
        await waitForApp(page);
        assert.deepEqual(await noticeTexts(page), []);
      },
      { init: trackAutosave },
    ));
}

test('a link with the view and the scenario opens both', () =>
  withOpenPage(
    app,
    async (page) => {
      await banner(page).waitFor();
      assert.equal(await page.getByRole('tab', { name: '比較', exact: true }).getAttribute('aria-selected'), 'true');
      await page.getByRole('tab', { name: 'ファネル', exact: true }).click();
      await waitForApp(page);
      await expectRequired(page, { 受注: '40' });
      assert.match(page.url(), /#s=3\./);
    },
    { path: `#view=compare&s=${encodeLink('比較つき', { target: '2億' })}`, ready: (p) => p.locator('table.compare-table').waitFor() },
  ));

test('a link pasted into the tab already showing the app opens it', () =>
  withOpenPage(app, async (page) => {
    await expectRequired(page, DEFAULT_REQUIRED_JA);
    const payload = encodeLink('貼り付け', { target: '2億' });
    // a fragment-only navigation: the browser does not reload the page
    await page.goto(`${app.url}#s=${payload}`);
    // BUG: the app reads the fragment only at start-up and has no hashchange listener, so a
    // link pasted into the address bar of a tab already on the app changes nothing on screen.
    await banner(page).waitFor({ timeout: 3000 });
    await expectRequired(page, { 受注: '40' });
  }));

test('screenshot: the shared-link banner at 375 px', () =>
  withOpenPage(
    app,
    async (page) => {
      await banner(page).waitFor();
      await screenshot(page, 'shared-banner-375');
      const box = await banner(page).boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 375 + 0.5, `the banner fits: ${JSON.stringify(box)}`);
      for (const name of ['コピーを保存', '閉じて自分のシナリオに戻る']) {
        const b = await button(page, name).boundingBox();
        assert.ok(b.x + b.width <= 375 + 0.5 && b.height >= 24, `${name}: ${JSON.stringify(b)}`);
      }
    },
    {
      path: `#s=${encodeLink('スマホで見る共有計画', { target: '2億' })}`,
      viewport: { width: 375, height: 800 },
      deviceScaleFactor: 2,
    },
  ));
