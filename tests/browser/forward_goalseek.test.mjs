// Forward mode and goal seek (SPEC §2): expected won deals and revenue from a count, the gap to
// the target, the value one input needs, applying it, and the unreachable case.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, eventually } from './support/harness.mjs';
import { expectText, text, testId, setLanguage, assertNoGarbage, field } from './pages/common.mjs';
import { expectRequired, seekSelect, seekAnswer, gap } from './pages/funnel.mjs';

const app = useApp();

const APPLY_JA = 'この値を入力に使う';
const WIN_JA = '受注率（商談 → 受注）';
const COUNT_JA = 'リードの件数（開始点）';

/** "¥100,008,000" → 100008000; "約1億円" → 100000000 (the shown, rounded figure) */
function parseYen(s) {
  const m = /^(-?)(?:¥(.*)|約?(.*)円)$/.exec(s);
  if (m) m[2] = m[2] ?? m[3];
  assert.ok(m, `not money: ${s}`);
  let total = 0;
  let rest = m[2];
  for (const [unit, size] of [['兆', 1e12], ['億', 1e8], ['万', 1e4]]) {
    const i = rest.indexOf(unit);
    if (i >= 0) {
      total += Math.round(Number(rest.slice(0, i).replaceAll(',', '')) * size);
      rest = rest.slice(i + 1);
    }
  }
  if (rest) total += Number(rest.replaceAll(',', ''));
  assert.ok(Number.isFinite(total), `not money: ${s}`);
  return m[1] ? -total : total;
}

test('3,000 leads yield 9 won deals and 4,500万円 short of the target by 5,500万円', () =>
  app.withPage(async (page) => {
    assert.equal(await field(page, '開始する段階').inputValue(), '1'); // leads (stage id 1)
    // empty by default (forward mode starts from the plan's count); 3,000 typed
    assert.equal(await field(page, COUNT_JA).inputValue(), '');
    await field(page, COUNT_JA).fill('3,000');
    await expectText(page, testId('forward-won'), '9');
    await expectText(page, testId('forward-revenue'), '4,500万円');
    await expectText(page, testId('forward-gap'), '5,500万円');
    const g = await gap(page);
    assert.equal(g.label, '目標に不足する額');
    assert.match(g.cls, /gap-short/);
    // the expected count per stage, beside the requirement: — above the entry, then 3,000 → 300 → 90 → 36 → 9
    const rows = await page.locator('table.stage-table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector('th').textContent.trim(), tr.querySelector('td.expected').textContent.trim()]),
    );
    assert.deepEqual(rows, [['訪問', '—'], ['リード', '3,000'], ['MQL', '300'], ['SQL', '90'], ['商談', '36'], ['受注', '9']]);

    await setLanguage(page, 'en');
    await expectText(page, testId('forward-revenue'), '¥45,000,000');
    await expectText(page, testId('forward-gap'), '¥55,000,000');
    assert.equal((await gap(page)).label, 'Short of target by');
    await assertNoGarbage(page);
  }));

test('forward from another stage: 200 SQL reach the target exactly', () =>
  app.withPage(async (page) => {
    await field(page, '開始する段階').selectOption({ label: 'SQL' });
    await field(page, 'SQLの件数（開始点）').fill('200');
    await expectText(page, testId('forward-won'), '20');
    await expectText(page, testId('forward-revenue'), '1億円');
    const g = await eventually(async () => {
      const g = await gap(page);
      assert.equal(g.label, '目標を上回る額');
      return g;
    });
    assert.equal(g.value, '0円');
    assert.match(g.cls, /gap-reached/);
  }));

test('goal seek on the win rate: 55.56 % needed; using it closes the gap', () =>
  app.withPage(async (page) => {
    await field(page, COUNT_JA).fill('3,000');
    await seekSelect(page).selectOption({ label: WIN_JA });
    await expectText(page, testId('seek-answer'), `${WIN_JA}: 55.56% が必要です（現在 25%）。`);
    await page.getByRole('button', { name: APPLY_JA, exact: true }).click();
    await eventually(async () => assert.equal(await field(page, WIN_JA).inputValue(), '55.56'));
    assert.equal(await field(page, WIN_JA).getAttribute('aria-invalid'), 'false');
    const g = await eventually(async () => {
      const g = await gap(page);
      assert.equal(g.label, '目標を上回る額');
      return g;
    });
    assert.match(g.cls, /gap-reached/);
    assert.ok(parseYen(g.value) >= 0, `surplus ${g.value}`);
    // 3,000 × .1 × .3 × .4 × .5556 = 20.0016 won → ¥100,008,000
    await expectText(page, testId('forward-won'), '20');
    assert.ok(parseYen(await text(page, testId('forward-revenue'))) >= 100_000_000);
    // the reverse plan follows the new rate: 20 ÷ .5556 = 35.997… → 36 opportunities
    await expectRequired(page, { 受注: '20', 商談: '36' });
    await expectText(page, testId('seek-answer'), /55\.56%/);
    await assertNoGarbage(page);
  }));

test('goal seek on the deal size: ¥11,111,112 (約1,111万円)', () =>
  app.withPage(async (page) => {
    await field(page, COUNT_JA).fill('3,000');
    await seekSelect(page).selectOption({ label: '平均受注単価' });
    await expectText(page, testId('seek-answer'), '平均受注単価: 11,111,112円 が必要です（現在 500万円）。');
    await setLanguage(page, 'en');
    await expectText(
      page,
      testId('seek-answer'),
      'Average deal size: ¥11,111,112 needed (now ¥5,000,000).',
    );
    await page.getByRole('button', { name: 'Use this value', exact: true }).click();
    await eventually(async () =>
      assert.equal(await field(page, 'Average deal size').inputValue(), '11111112'),
    );
    // 9 × ¥11,111,112 = ¥100,000,008
    const g = await eventually(async () => {
      const g = await gap(page);
      assert.equal(g.label, 'Above target by');
      return g;
    });
    assert.ok(parseYen(g.value) >= 0);
    await expectText(page, testId('forward-revenue'), '¥100,000,008');
  }));

test('goal seek on the starting count: 6,667 leads', () =>
  app.withPage(async (page) => {
    await field(page, COUNT_JA).fill('3,000');
    await seekSelect(page).selectOption({ label: 'リードの件数' });
    await expectText(page, testId('seek-answer'), 'リードの件数: 6,667 が必要です（現在 3,000）。');
    await page.getByRole('button', { name: APPLY_JA, exact: true }).click();
    await eventually(async () => assert.equal(await field(page, COUNT_JA).inputValue(), '6,667'));
    assert.equal((await gap(page)).label, '目標を上回る額');
  }));

test('300 leads cannot reach the target at any win rate: at most 1,800万円', () =>
  app.withPage(async (page) => {
    await field(page, COUNT_JA).fill('300');
    await seekSelect(page).selectOption({ label: WIN_JA });
    await expectText(
      page,
      testId('seek-answer'),
      `${WIN_JA}を100%にしても目標に届きません（必要なのは 555.56%）。この条件で届く最大の売上は 1,800万円 です。`,
    );
    assert.match(await page.locator(testId('seek-answer')).getAttribute('class'), /unreachable/);
    assert.equal(await page.getByRole('button', { name: APPLY_JA, exact: true }).count(), 0);
    // forward: 300 leads → 0.9 won (shown whole, exact on hover) → 450万円 short by 9,550万円
    await expectText(page, testId('forward-won'), '1');
    assert.equal(await page.locator(`${testId('forward-won')} .figure`).getAttribute('title'), '0.9');
    await expectText(page, testId('forward-revenue'), '450万円');
    await expectText(page, testId('forward-gap'), '9,550万円');

    await setLanguage(page, 'en');
    await expectText(
      page,
      testId('seek-answer'),
      'Even at 100%, Win rate (Opportunity → Won deal) cannot reach the target (it would take 555.56%). The most this plan can reach is ¥18,000,000.',
    );
    await assertNoGarbage(page);
  }));

test('goal seek on a rate above the starting stage is not offered', () =>
  app.withPage(async (page) => {
    const options = await seekSelect(page).locator('option').allTextContents();
    assert.deepEqual(options, [
      'リード → MQL 転換率',
      'MQL → SQL 転換率',
      '商談化率（SQL → 商談）',
      WIN_JA,
      '平均受注単価',
      'リードの件数',
    ]);
    await field(page, '開始する段階').selectOption({ label: 'SQL' });
    await eventually(async () =>
      assert.deepEqual(await seekSelect(page).locator('option').allTextContents(), [
        '商談化率（SQL → 商談）',
        WIN_JA,
        '平均受注単価',
        'SQLの件数',
      ]),
    );
  }));

for (const [bad, ja, en] of [
  ['abc', '数値として読めません。例: 1億、5,000万、100000000', 'Not a number. Try 100,000,000, 1億 or 50M.'],
  // (an empty count is not an error: forward mode then starts from the plan's count)
  ['1.5', '整数で入力してください。', 'Enter a whole number.'],
]) {
  test(`an invalid starting count ${JSON.stringify(bad)} gets its message, and goal seek waits for it`, () =>
    app.withPage(async (page) => {
      const count = field(page, COUNT_JA);
      await count.fill(bad);
      await eventually(async () => assert.equal(await count.getAttribute('aria-invalid'), 'true'));
      const described = await count.evaluate((el) =>
        (el.getAttribute('aria-describedby') ?? '')
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent.trim()),
      );
      assert.ok(described.includes(ja), `aria-describedby → ${JSON.stringify(described)}`);
      await page.getByText(ja, { exact: true }).waitFor();
      await eventually(async () =>
        assert.equal(await text(page, '.seek-answer'), '開始点の件数を正しく入力すると計算できます。'),
      );
      assert.equal(await page.getByRole('button', { name: APPLY_JA, exact: true }).count(), 0);
      await assertNoGarbage(page);
      // the reverse plan is not affected by the forward count
      await expectRequired(page, { 受注: '20', リード: '6,667' });

      await setLanguage(page, 'en');
      await page.getByText(en, { exact: true }).waitFor();
      await expectText(page, '.seek-answer', 'Enter a valid starting count to solve.');
      await setLanguage(page, 'ja');

      await count.fill('3,000');
      await eventually(async () => assert.equal(await count.getAttribute('aria-invalid'), 'false'));
      assert.equal(await page.getByText(ja, { exact: true }).count(), 0);
      await expectText(page, testId('forward-won'), '9');
    }));
}
