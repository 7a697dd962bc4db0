// Risk & sensitivity (リスクと感度, `#view=risk`) and the Funnel view's chance headline: the
// chance of reaching the target, P10/P50/P90, the counts for 80 % / 90 %, bad inputs answered
// beside their fields with the last result kept and marked not current, the share link carrying
// the risk inputs and the seed, English, phones.
//
// The expected chances are computed here with exact BigInt sums of binomial terms, never read
// off the page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TIMEOUT } from './support/config.mjs';
import { useApp, withOpenPage, eventually, fullPageScreenshot, captureDownload } from './support/harness.mjs';
import { encodeLink } from './support/fixtures.mjs';
import {
  setLanguage,
  waitForCanvasDrawAfter,
  fieldMessage,
  assertNoGarbage,
  field,
  card,
} from './pages/common.mjs';
import { openSharePanel } from './pages/scenario_bar.mjs';
import { waitForRisk } from './pages/risk.mjs';

const app = useApp();

// 80 opportunities at a 25 % win rate for ¥1億 at ¥500万 a deal: 20 won needed.
const COIN_FLIP = {
  stages: [
    { id: 0, kind: 'opportunities', rate: '25' },
    { id: 1, kind: 'won', rate: '100' },
  ],
  entry_stage: 0,
  entry_count: '80',
  seek: { rate: 0 },
};

/** P(Binomial(n, 1/4) ≥ k) exactly: Σ C(n, j)·3^(n−j) over 4^n in BigInt, divided once. */
function tailQuarter(n, k) {
  let sum = 0n;
  let c = 1n; // C(n, j)
  for (let j = 0; j <= n; j++) {
    if (j > 0) c = (c * BigInt(n - j + 1)) / BigInt(j);
    if (j >= k) sum += c * 3n ** BigInt(n - j);
  }
  const den = 4n ** BigInt(n);
  // 12 significant digits are plenty for a percentage with two decimals.
  return Number((sum * 10n ** 12n) / den) / 1e12;
}

const pct = (p) => `${(p * 100).toFixed(2)}%`;
const smallestFor = (level) => {
  for (let n = 80; ; n++) if (tailQuarter(n, 20) >= level) return n;
};

test('the funnel view shows the exact chance of reaching the target and links to the risk view', () =>
  withOpenPage(
    app,
    async (page) => {
      const want = tailQuarter(80, 20);
      assert.ok(Math.abs(want - 0.5428) < 1e-4, `hand check ${want}`);
      await eventually(async () => assert.equal(await card(page, 'funnel-reach').textContent(), pct(want)));
      assert.match(await page.locator('.reach-headline').textContent(), /約2回に1回/);
      // Another win rate makes another plan: 20 ÷ 30 % = 66.67 → 67 opportunities, and the
      // chance is that of 67 at 30 %.
      await field(page, '受注率（商談 → 受注）').fill('30');
      await eventually(async () => assert.equal(await card(page, 'funnel-reach').textContent(), pct(tailQuarterAt30())));
      await page.getByRole('link', { name: 'リスクと感度を見る →' }).click();
      await waitForRisk(page);
      assert.match(page.url(), /#view=risk/);
      assert.equal(await page.getByRole('tab', { name: 'リスクと感度' }).getAttribute('aria-selected'), 'true');
    },
    { path: `#s=${encodeLink('コイン投げ', COIN_FLIP)}` },
  ));

/** P(Binomial(67, 3/10) ≥ 20): Σ C(67, j)·3^j·7^(67−j) over 10^67. */
function tailQuarterAt30() {
  let sum = 0n;
  let c = 1n;
  for (let j = 0; j <= 67; j++) {
    if (j > 0) c = (c * BigInt(67 - j + 1)) / BigInt(j);
    if (j >= 20) sum += c * 3n ** BigInt(j) * 7n ** BigInt(67 - j);
  }
  return Number((sum * 10n ** 12n) / 10n ** 67n) / 1e12;
}

test('the risk view gives the chance, the percentiles and the counts for 80 % and 90 %', () =>
  withOpenPage(
    app,
    async (page) => {
      await waitForRisk(page);
      const reach = tailQuarter(80, 20);
      assert.ok((await card(page, 'risk-reach').textContent()).startsWith(pct(reach)));
      // P10 / P50 / P90 of Binomial(80, 1/4): the smallest k with P(X ≤ k) ≥ q.
      const q = (level) => {
        for (let k = 0; k <= 80; k++) if (1 - tailQuarter(80, k + 1) >= level) return k;
      };
      assert.equal(await card(page, 'risk-won').textContent(), `${q(0.1)}件 / ${q(0.5)}件 / ${q(0.9)}件`);
      const n80 = smallestFor(0.8);
      const n90 = smallestFor(0.9);
      assert.ok((await card(page, 'risk-level80').textContent()).startsWith(`${n80}件（+${n80 - 80}）`));
      assert.ok((await card(page, 'risk-level90').textContent()).startsWith(`${n90}件（+${n90 - 80}）`));
      assert.match(await page.locator('[data-testid="risk-method"]').textContent(), /厳密に計算/);
      assert.match(await page.locator('[data-testid="risk-worth"]').textContent(), /受注率（商談 → 受注）を1ポイント上げると/);
      // Charts drawn with their text alternatives.
      for (const id of ['risk-distribution-canvas', 'risk-curve-canvas', 'risk-tornado-canvas']) {
        await waitForCanvasDrawAfter(page, id, 0);
      }
      assert.match(await page.locator('#risk-distribution-canvas').getAttribute('aria-label'), /P50 20件/);
      assert.match(await page.locator('#risk-curve-canvas').getAttribute('aria-label'), new RegExp(`80%には${n80}件`));
      // A range on the win rate: sampled, with its error and the seed said.
      await field(page, '受注率（商談 → 受注）の不確かさ').selectOption('range');
      await field(page, '受注率（商談 → 受注）の下限').fill('20');
      await field(page, '受注率（商談 → 受注）の上限').fill('30');
      await eventually(async () => assert.match(await page.locator('[data-testid="risk-method"]').textContent(), /モンテカルロ100,000回（シード1）/));
      const sampled = await card(page, 'risk-reach').textContent();
      assert.ok(!sampled.startsWith(pct(reach)), sampled);
      // Zero width: back to the exact answer.
      await field(page, '受注率（商談 → 受注）の下限').fill('25');
      await field(page, '受注率（商談 → 受注）の上限').fill('25');
      await eventually(async () => assert.ok((await card(page, 'risk-reach').textContent()).startsWith(pct(reach))));
      // CSV of the figures.
      const csv = await captureDownload(page, page.getByRole('button', { name: '数値をCSVで保存', exact: true }));
      const text = csv.bytes.toString('utf8');
      assert.ok(text.startsWith('\ufeff'));
      assert.match(text, new RegExp(`目標達成の確率,${reach.toFixed(4)}`));
      const png = await captureDownload(page, page.getByRole('button', { name: 'トルネードをPNGで保存', exact: true }));
      assert.equal(png.bytes.subarray(1, 4).toString(), 'PNG');
      await assertNoGarbage(page);
    },
    { path: `#view=risk&s=${encodeLink('コイン投げ', COIN_FLIP)}`, ready: null },
  ));

test('bad risk inputs get a message beside the field and keep the last result, marked not current', () =>
  withOpenPage(
    app,
    async (page) => {
      await waitForRisk(page);
      const before = await card(page, 'risk-reach').textContent();
      const cases = [
        ['受注率（商談 → 受注）の不確かさ', 'range'],
      ];
      for (const [label, value] of cases) await field(page, label).selectOption(value);
      await field(page, '受注率（商談 → 受注）の下限').fill('30');
      await field(page, '受注率（商談 → 受注）の上限').fill('20');
      await eventually(async () =>
        assert.equal(await fieldMessage(page, '受注率（商談 → 受注）の下限').textContent(), '下限が上限を上回っています。'),
      );
      await page.locator('[data-testid="risk-stale"]').waitFor();
      assert.equal(await card(page, 'risk-reach').textContent(), before, 'the last result stays');
      await field(page, '受注率（商談 → 受注）の上限').fill('120');
      await eventually(async () =>
        assert.equal(await fieldMessage(page, '受注率（商談 → 受注）の上限').textContent(), '転換率は100%以下にしてください。'),
      );
      await field(page, '受注率（商談 → 受注）の下限').fill('0');
      await eventually(async () =>
        assert.equal(await fieldMessage(page, '受注率（商談 → 受注）の下限').textContent(), '転換率は0%より大きくしてください。'),
      );
      await field(page, '受注率（商談 → 受注）の不確かさ').selectOption('counts');
      await field(page, '受注率（商談 → 受注）の成功数').fill('200');
      await field(page, '受注率（商談 → 受注）の母数').fill('190');
      await eventually(async () =>
        assert.equal(await fieldMessage(page, '受注率（商談 → 受注）の成功数').textContent(), '成功数が母数を上回っています。'),
      );
      await field(page, '受注率（商談 → 受注）の成功数').fill('abc');
      await eventually(async () =>
        assert.match(await fieldMessage(page, '受注率（商談 → 受注）の成功数').textContent(), /数値として読めません/),
      );
      await field(page, '受注率（商談 → 受注）の成功数').fill('48');
      for (const bad of ['100', '0', 'abc']) {
        await field(page, '確信度（任意の水準）').fill(bad);
        await eventually(async () =>
          assert.match(await fieldMessage(page, '確信度（任意の水準）').textContent(), bad === 'abc' ? /数値として読めません/ : /50%〜99%/),
        );
      }
      await field(page, '受注単価 P10（小さい案件）').fill('800万');
      await field(page, '受注単価 P90（大きい案件）').fill('300万');
      await eventually(async () =>
        assert.equal(await fieldMessage(page, '受注単価 P10（小さい案件）').textContent(), 'P10はP90より小さくしてください。'),
      );
      await assertNoGarbage(page);
      // Everything fixed: current again, with the counts now sampled.
      await field(page, '確信度（任意の水準）').fill('95');
      await field(page, '受注単価 P10（小さい案件）').fill('300万');
      await field(page, '受注単価 P90（大きい案件）').fill('800万');
      await eventually(async () => assert.equal(await page.locator('[data-testid="risk-stale"]').count(), 0));
      assert.match(await page.locator('[data-testid="risk-method"]').textContent(), /モンテカルロ/);
      await assertNoGarbage(page);
    },
    { path: `#view=risk&s=${encodeLink('コイン投げ', COIN_FLIP)}`, ready: null },
  ));

test('a share link carries the risk inputs and the seed, and shows the same figures', async () => {
  let link;
  let figures;
  await withOpenPage(
    app,
    async (page) => {
      await waitForRisk(page);
      await field(page, '受注率（商談 → 受注）の不確かさ').selectOption('counts');
      await field(page, '受注率（商談 → 受注）の成功数').fill('48');
      await field(page, '受注率（商談 → 受注）の母数').fill('190');
      await field(page, '乱数シード').fill('7');
      await eventually(async () => assert.match(await page.locator('[data-testid="risk-method"]').textContent(), /シード7/));
      figures = await page.locator('[data-testid="risk-headline"]').textContent();
      await openSharePanel(page);
      link = await page.locator('#share-link').inputValue();
    },
    { path: `#view=risk&s=${encodeLink('コイン投げ', COIN_FLIP)}`, ready: null },
  );
  const fragment = link.slice(link.indexOf('#'));
  await withOpenPage(
    app,
    async (page) => {
      await page.getByRole('tab', { name: 'リスクと感度' }).click();
      await waitForRisk(page);
      assert.equal(await field(page, '乱数シード').inputValue(), '7');
      assert.equal(await field(page, '受注率（商談 → 受注）の母数').inputValue(), '190');
      await eventually(async () => assert.equal(await page.locator('[data-testid="risk-headline"]').textContent(), figures));
    },
    { path: fragment },
  );
});

test('English, phones and wide screens: the risk view reads well (screenshots)', () =>
  withOpenPage(
    app,
    async (page) => {
      await waitForRisk(page);
      await fullPageScreenshot(page, 'risk-1280-ja');
      await setLanguage(page, 'en');
      await eventually(async () => assert.match(await card(page, 'risk-reach').textContent(), /about/));
      assert.match(await page.locator('[data-testid="risk-worth"]').textContent(), /\+1 pt adds/);
      await field(page, 'Win rate (Opportunity → Won deal) Doubt').selectOption('range');
      await field(page, 'Win rate (Opportunity → Won deal) Low').fill('20');
      await field(page, 'Win rate (Opportunity → Won deal) High').fill('30');
      await eventually(async () => assert.match(await page.locator('[data-testid="risk-method"]').textContent(), /Monte Carlo of 100,000 trials/));
      await fullPageScreenshot(page, 'risk-1280-en');
      await page.setViewportSize({ width: 375, height: 800 });
      await waitForCanvasDrawAfter(page, 'risk-tornado-canvas', 1);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no sideways scroll at 375 px (${overflow})`);
      await fullPageScreenshot(page, 'risk-375-en');
      await setLanguage(page, 'ja');
      await fullPageScreenshot(page, 'risk-375-ja');
      await assertNoGarbage(page);
    },
    { path: '#view=risk', ready: null },
  ));
