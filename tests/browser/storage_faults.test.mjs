// Storage faults (issue: scenarios/storage): a corrupt or unreadable entry is moved aside under
// its own key and reported by name, never silently dropped and never taking the other scenarios
// down; storage full gives a clear message and keeps what was saved; storage unavailable (it
// throws in some third-party iframes and private modes) leaves a working app that says saving is
// off.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, withOpenPage, eventually, waitForApp, captureDownload } from './support/harness.mjs';
import { scenarioJson, encodeLink, KEYS, DEFAULT_COUNTS, DEFAULT_REQUIRED_JA } from './support/fixtures.mjs';
import {
  storageDump,
  storedScenario,
  seedStorage,
  trackAutosave,
  autosaves,
  autosaveSettled,
  firePagehide,
} from './support/storage.mjs';
import { field, button } from './pages/common.mjs';
import { expectRequired, requiredCounts } from './pages/funnel.mjs';
import {
  scenarioNames,
  selectedName,
  noticeTexts,
  expectNotice,
  openSharePanel,
} from './pages/scenario_bar.mjs';

const app = useApp();

const XSS = '"><img src=x onerror=alert(1)>';

const status = async (page) => (await page.locator('.save-status').textContent()).trim();

const ONE_STAGE = scenarioJson('壊れた計画', { stages: [{ id: 0, kind: 'won', rate: '100' }], entry_stage: 0, seek: 'deal_size' });
const TRUNCATED = scenarioJson('途中で切れた計画').slice(0, 150);
const FUTURE = scenarioJson('未来の計画', {}, { version: 4 });

const moved = (label, key) => `保存データ「${label}」を読み込めませんでした。元のデータはキー「${key}」に退避してあります。`;
const kept = (label) => `保存データ「${label}」は新しい版のアプリで保存されたため読み込めません。データはそのまま残しています。`;

test('corrupt entries are moved aside and reported by name; the other scenarios load', () => {
  const seed = {
    [KEYS.scenario(1)]: scenarioJson('計画A', { target: '2億' }),
    [KEYS.scenario(2)]: ONE_STAGE,
    [KEYS.scenario(3)]: TRUNCATED,
    [KEYS.scenario(4)]: scenarioJson('計画B', { target: '3億' }),
    [KEYS.scenario(5)]: scenarioJson(XSS, { target: 'abc', stages: [] }),
    [KEYS.scenario(7)]: FUTURE,
    [KEYS.current]: '4',
    [KEYS.lang]: 'ja',
    'another-app.setting': 'keep me',
  };
  return withOpenPage(
    app,
    async (page) => {
      // the readable ones, the last open one open
      assert.deepEqual(await scenarioNames(page), ['計画A', '計画B']);
      assert.equal(await selectedName(page), '計画B');
      await expectRequired(page, { 受注: '60' });
      // every unreadable one reported by name (or by key when no name can be read)
      assert.deepEqual(
        (await noticeTexts(page)).sort(),
        [
          moved('壊れた計画', KEYS.unreadable(2)),
          moved(KEYS.scenario(3), KEYS.unreadable(3)),
          moved(XSS, KEYS.unreadable(5)),
          kept('未来の計画'),
        ].sort(),
      );
      for (const n of await page.locator('li.notice').all()) {
        assert.match(await n.getAttribute('class'), /\berror\b/);
      }
      assert.equal(await page.locator('img').count(), 0, 'a name with HTML stays text');
      // moved aside byte for byte under its own key; nothing else lost
      const s = await storageDump(page);
      assert.equal(s[KEYS.unreadable(2)], seed[KEYS.scenario(2)]);
      assert.equal(s[KEYS.unreadable(3)], seed[KEYS.scenario(3)]);
      assert.equal(s[KEYS.unreadable(5)], seed[KEYS.scenario(5)]);
      assert.equal(s[KEYS.scenario(2)], undefined);
      assert.equal(s[KEYS.scenario(3)], undefined);
      assert.equal(s[KEYS.scenario(5)], undefined);
      assert.equal(s[KEYS.scenario(7)], FUTURE, 'a newer version’s entry is left in place');
      assert.equal(s['another-app.setting'], 'keep me');
      // the readable ones keep every field they had (a save rewrites them as version 3, which
      // adds the plan's defaults)
      const funnelPart = (text) => {
        const { version, ...rest } = JSON.parse(text);
        const { plan, kpi, ...draft } = rest.draft;
        return { ...rest, draft };
      };
      assert.deepEqual(funnelPart(s[KEYS.scenario(1)]), funnelPart(seed[KEYS.scenario(1)]));
      assert.deepEqual(funnelPart(s[KEYS.scenario(4)]), funnelPart(seed[KEYS.scenario(4)]));

      // the app works on: switch, edit, save
      await page.locator('#scenario-picker').selectOption({ label: '計画A' });
      await expectRequired(page, { 受注: '40' });
      await field(page, '売上目標（KGI）').fill('4億');
      await expectRequired(page, { 受注: '80' });
      await eventually(async () => assert.equal((await storedScenario(page, 1)).draft.target, '4億'));

      // a reload: the moved-aside entries stay aside (reported once), the newer one again
      await page.reload();
      await waitForApp(page);
      assert.deepEqual(await noticeTexts(page), [kept('未来の計画')]);
      assert.deepEqual(await scenarioNames(page), ['計画A', '計画B']);
      const after = await storageDump(page);
      assert.equal(after[KEYS.unreadable(2)], seed[KEYS.scenario(2)]);
      assert.equal(after[KEYS.unreadable(3)], seed[KEYS.scenario(3)]);
      assert.equal(after[KEYS.scenario(7)], FUTURE);
    },
    { init: (context) => seedStorage(context, seed) },
  );
});

test('a key already used for a moved-aside entry is not overwritten', () => {
  const seed = {
    [KEYS.scenario(1)]: scenarioJson('計画A'),
    [KEYS.scenario(2)]: TRUNCATED,
    [KEYS.unreadable(2)]: 'an earlier unreadable entry',
  };
  return withOpenPage(
    app,
    async (page) => {
      assert.deepEqual(await noticeTexts(page), [moved(KEYS.scenario(2), `${KEYS.unreadable(2)}.1`)]);
      const s = await storageDump(page);
      assert.equal(s[KEYS.unreadable(2)], 'an earlier unreadable entry');
      assert.equal(s[`${KEYS.unreadable(2)}.1`], TRUNCATED);
      assert.deepEqual(await scenarioNames(page), ['計画A']);
    },
    { init: (context) => seedStorage(context, seed) },
  );
});

test('when no entry is readable the app starts with the starter scenario and reports them all', () => {
  const seed = { [KEYS.scenario(3)]: TRUNCATED, [KEYS.scenario(4)]: '', [KEYS.current]: '3' };
  return withOpenPage(
    app,
    async (page) => {
      assert.deepEqual(await scenarioNames(page), ['基本計画']);
      assert.deepEqual(await requiredCounts(page), DEFAULT_COUNTS);
      assert.deepEqual(
        (await noticeTexts(page)).sort(),
        [moved(KEYS.scenario(3), KEYS.unreadable(3)), moved(KEYS.scenario(4), KEYS.unreadable(4))].sort(),
      );
      const s = await storageDump(page);
      assert.equal(s[KEYS.unreadable(3)], TRUNCATED);
      assert.equal(s[KEYS.unreadable(4)], '');
    },
    { init: (context) => seedStorage(context, seed) },
  );
});

test('an entry saved by a newer version is never overwritten by a new scenario', () => {
  const seed = {
    [KEYS.scenario(1)]: scenarioJson('計画A'),
    [KEYS.scenario(2)]: FUTURE,
    [KEYS.current]: '1',
  };
  return withOpenPage(
    app,
    async (page) => {
      await expectNotice(page, kept('未来の計画'));
      await button(page, '新規').click();
      await eventually(async () => assert.deepEqual(await scenarioNames(page), ['計画A', '新しいシナリオ']));
      await field(page, '売上目標（KGI）').fill('2億');
      const n = await autosaves(page);
      await autosaveSettled(page, n);
      await firePagehide(page);
      // BUG: ids are issued from the readable entries only, so the new scenario gets id 2 and
      // its save replaces the newer version's entry kept under funnel-calculator.scenario.2.
      assert.equal((await storageDump(page))[KEYS.scenario(2)], FUTURE, 'the newer version’s entry is intact');
    },
    {
      init: async (context) => {
        await seedStorage(context, seed);
        await trackAutosave(context);
      },
    },
  );
});

test('an entry saved by a newer version survives when it is the only one', () => {
  const seed = { [KEYS.scenario(1)]: FUTURE };
  return withOpenPage(
    app,
    async (page) => {
      await expectNotice(page, kept('未来の計画'));
      assert.deepEqual(await scenarioNames(page), ['基本計画']);
      const n = await autosaves(page);
      await field(page, '売上目標（KGI）').fill('2億');
      await autosaveSettled(page, n);
      await firePagehide(page);
      // BUG: the starter scenario always gets id 1 and its first autosave replaces the kept entry.
      assert.equal((await storageDump(page))[KEYS.scenario(1)], FUTURE, 'the newer version’s entry is intact');
    },
    {
      init: async (context) => {
        await seedStorage(context, seed);
        await trackAutosave(context);
      },
    },
  );
});

test('a stored current id that does not exist falls back to the first scenario', () => {
  const seed = {
    [KEYS.scenario(3)]: scenarioJson('計画C', { target: '2億' }),
    [KEYS.scenario(8)]: scenarioJson('計画H', { target: '3億' }),
    [KEYS.current]: 'not-a-number',
  };
  return withOpenPage(
    app,
    async (page) => {
      assert.deepEqual(await scenarioNames(page), ['計画C', '計画H']);
      assert.equal(await selectedName(page), '計画C');
      await expectRequired(page, { 受注: '40' });
      assert.deepEqual(await noticeTexts(page), []);
      // new ids continue after the highest stored one
      await button(page, '新規').click();
      await eventually(async () => assert.ok(await storedScenario(page, 9)));
    },
    { init: (context) => seedStorage(context, seed) },
  );
});

// ---------------------------------------------------------------------------------------------
// Storage full

/** From now on every write throws QuotaExceededError (as a full quota does). */
async function fillQuota(page) {
  await page.evaluate(() => {
    window.__realSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
}

const FULL = '保存できませんでした: ブラウザの保存領域がいっぱいです。以前に保存した内容はそのまま残っています。';

test('storage full: one clear message, and what was saved before stays intact', () =>
  withOpenPage(
    app,
    async (page) => {
      await field(page, '売上目標（KGI）').fill('2億');
      await expectRequired(page, { 受注: '40' });
      const before = await eventually(async () => {
        const s = await storageDump(page);
        assert.equal(JSON.parse(s[KEYS.scenario(1)]).draft.target, '2億');
        return s;
      });
      await fillQuota(page);
      await field(page, '売上目標（KGI）').fill('3億');
      await expectRequired(page, { 受注: '60' });
      const notice = await expectNotice(page, '保存できませんでした');
      assert.equal((await notice.locator('span').textContent()).trim(), FULL);
      assert.match(await notice.getAttribute('class'), /\berror\b/);
      assert.deepEqual(await storageDump(page), before, 'the previous save is unchanged');

      // more failing saves do not pile up messages; the app keeps working in memory
      const n = await autosaves(page);
      await field(page, '売上目標（KGI）').fill('4億');
      await expectRequired(page, { 受注: '80' });
      await autosaveSettled(page, n);
      await button(page, '新規').click();
      await eventually(async () => assert.deepEqual(await scenarioNames(page), ['基本計画', '新しいシナリオ']));
      await firePagehide(page);
      assert.deepEqual(await noticeTexts(page), [FULL], 'one storage-full message');
      assert.deepEqual(await storageDump(page), before);
      assert.equal(await page.locator('.storage-off').isVisible(), false, 'saving is not reported as off');

      // space again: the next change is saved
      await page.evaluate(() => {
        Storage.prototype.setItem = window.__realSetItem;
      });
      await page.locator('#scenario-picker').selectOption({ label: '基本計画' });
      await field(page, '売上目標（KGI）').fill('5億');
      await eventually(async () => assert.equal((await storedScenario(page, 1)).draft.target, '5億'));
      await eventually(async () => assert.equal((await storedScenario(page, 2))?.name, '新しいシナリオ'));
    },
    { init: trackAutosave },
  ));

test('storage full: the save status does not claim the change was saved', () =>
  withOpenPage(app, async (page) => {
    await eventually(async () => assert.ok(await storedScenario(page, 1)));
    assert.equal(await status(page), '自動保存済み');
    await fillQuota(page);
    await field(page, '売上目標（KGI）').fill('3億');
    await expectNotice(page, '保存できませんでした');
    // BUG: the status next to the scenario buttons keeps saying 自動保存済み ("saved
    // automatically") while every save fails and the notice says nothing could be saved.
    assert.notEqual(await status(page), '自動保存済み');
  }));

test('storage full on the first visit: the app still opens and says it cannot save', () =>
  withOpenPage(
    app,
    async (page) => {
      await expectRequired(page, DEFAULT_REQUIRED_JA);
      await expectNotice(page, FULL);
      assert.deepEqual(await scenarioNames(page), ['基本計画']);
    },
    {
      init: (context) =>
        context.addInitScript(() => {
          Storage.prototype.setItem = function () {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          };
        }),
    },
  ));

// ---------------------------------------------------------------------------------------------
// Storage unavailable

const OFF =
  'このページでは保存が使えません（ブラウザの設定や埋め込み先の制限）。計算はできますが、ページを閉じると入力は失われます。';

const UNAVAILABLE = {
  'localStorage throws SecurityError': () =>
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", 'SecurityError');
      },
    }),
  'localStorage is null': () => Object.defineProperty(window, 'localStorage', { configurable: true, value: null }),
};

for (const [name, script] of Object.entries(UNAVAILABLE)) {
  test(`storage unavailable (${name}): the app works and says saving is off`, () =>
    withOpenPage(
      app,
      async (page) => {
        await expectRequired(page, DEFAULT_REQUIRED_JA);
        const off = page.locator('.storage-off');
        assert.equal(await off.isVisible(), true);
        assert.equal((await off.textContent()).trim(), OFF);
        assert.equal(await status(page), '保存オフ');

        // computing, scenarios, links and exports all still work, in memory
        await field(page, '売上目標（KGI）').fill('2億');
        await expectRequired(page, { 受注: '40' });
        await button(page, '新規').click();
        await page.locator('#scenario-name').fill('メモリだけ');
        await page.locator('#scenario-name').press('Enter');
        await eventually(async () => assert.deepEqual(await scenarioNames(page), ['基本計画', 'メモリだけ']));
        await expectRequired(page, DEFAULT_REQUIRED_JA);
        await button(page, '複製').click();
        await eventually(async () =>
          assert.deepEqual(await scenarioNames(page), ['基本計画', 'メモリだけ', 'メモリだけのコピー']),
        );
        await button(page, '削除').click();
        await expectNotice(page, '「メモリだけのコピー」を削除しました。');
        await page.locator('#scenario-picker').selectOption({ label: '基本計画' });
        await expectRequired(page, { 受注: '40' });
        await openSharePanel(page);
        assert.equal(
          await page.locator('#share-link').inputValue(),
          `${app.url}#s=${encodeLink('基本計画', { target: '2億' })}`,
        );
        const csv = await captureDownload(page, button(page, 'CSV書き出し（結果表）'));
        assert.ok(csv.bytes.toString('utf8').includes('受注,40,'));
        await firePagehide(page);
        // no storage-full message: the problem is told once, by the banner
        assert.deepEqual(await noticeTexts(page), ['「メモリだけのコピー」を削除しました。']);
        assert.equal(await status(page), '保存オフ');
      },
      { init: (context) => context.addInitScript(script) },
    ));
}

test('storage unavailable: a shared link still opens', () =>
  withOpenPage(
    app,
    async (page) => {
      await page.locator('.shared-banner').waitFor();
      await expectRequired(page, { 受注: '40' });
      assert.equal(await page.locator('.storage-off').isVisible(), true);
    },
    { init: (context) => context.addInitScript(UNAVAILABLE['localStorage throws SecurityError']), path: `#s=${encodeLink('共有', { target: '2億' })}` },
  ));
