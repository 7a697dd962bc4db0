// The monthly plan (月次計画, `#view=months`): reachable by tab and by URL; what must be created
// in which month for the default plan (each stage's months add up to the funnel's requirement,
// months before the period marked 期首前 and counted in the 期首までに… cards); period, fiscal
// start and period index; seasonality weights; lead time as average days or as a distribution,
// with every wrong input getting its message while the last valid plan stays; headcount and
// coverage; the timeline canvas; the CSV download; English; phones.
//
// Every expected number is computed here from the model's documented formulas
// (crates/model/src/plan/{lead_time,phasing,period,velocity,cohort}.rs), never read off the page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useApp,
  withOpenPage,
  openPage,
  eventually,
  setLanguage,
  readTable,
  waitForApp,
  waitForMonths,
  readMonthTable,
  canvasDraws,
  waitForCanvasDrawAfter,
  countOf,
  grouped,
  largestRemainder,
  fieldMessage,
  fullPageScreenshot,
  captureDownload,
  assertNoGarbage,
  DEFAULT_COUNTS,
} from './helpers.mjs';

const app = useApp();

const MONTHS = { path: '#view=months', ready: waitForMonths };
const PERIOD_LABELS = ['期間の単位', '計画する期間', '期首月', 'Period length', 'Period to plan', 'Fiscal year starts in'];
/**
 * The period is set in one place, beside the target on the funnel view: a period field opens
 * that view, acts, and comes back to the monthly plan.
 */
function periodField(page, label) {
  const here = () => page.getByLabel(label, { exact: true });
  const onFunnel = async (act) => {
    await page.locator('[role=tab][id=tab-funnel]').click();
    try {
      return await act(here());
    } finally {
      await page.locator('[role=tab][id=tab-months]').click();
      await waitForMonths(page);
    }
  };
  return {
    selectOption: (option) => onFunnel((l) => l.selectOption(option)),
    inputValue: () => onFunnel((l) => l.inputValue()),
    count: () => onFunnel((l) => l.count()),
    locator: (selector) => ({
      allTextContents: () => onFunnel((l) => l.locator(selector).allTextContents()),
      textContent: () => onFunnel((l) => l.locator(selector).textContent()),
    }),
  };
}
const field = (page, label) =>
  PERIOD_LABELS.includes(label) ? periodField(page, label) : page.getByLabel(label, { exact: true });
const button = (page, name) => page.getByRole('button', { name, exact: true });
const card = (page, key) => page.locator(`[data-testid="months-${key}"]`);
const staleNotice = (page) => page.locator('#view-months .stale-notice');

const STAGES_JA = ['訪問', 'リード', 'MQL', 'SQL', '商談', '受注'];
/** Column of each stage in a month row's cells (cells = stages…, IS, FS). */
const COL = Object.fromEntries(STAGES_JA.map((s, i) => [s, i]));
const IS = 6;
const FS = 7;

// ---- the default plan, by hand ------------------------------------------------------------
// Funnel: 1億円 ÷ 500万円 = 20 won; ÷ 25 % = 80 opportunities; ÷ 40 % = 200 SQL; ÷ 30 % =
// 666.67 → 667 MQL; ÷ 10 % = 6,666.67 → 6,667 leads; ÷ 2 % = 333,333.3 → 333,334 visits.
const REQUIRED = [333_334, 6_667, 667, 200, 80, 20];
// Lead time 90 days = 90 ÷ 30.4 = 2.9605 months (lead_time.rs from_days): split between the
// neighbouring whole months so the mean is exact: 96.05 % close 3 months after creation and
// 1 − 0.9605 = 3.95 % after 2 months. The earliest month is 3 before April = January.
const LAG3 = 90 / 30.4 - 2; // 0.96053
const LAG2 = 1 - LAG3; // 0.03947
// Won per month, even: 20 ÷ 3 = 6.67 → largest remainder 7 / 7 / 6 (ties go to the earlier).
// Any earlier stage created in month s serves Σ_k D[k] · won[s + k] over the period's months
// (phasing.rs), with won = w each month:
//   Jan (−3): D[3]·w          = 0.9605 w
//   Feb (−2): D[2]·w + D[3]·w = w
//   Mar (−1): D[2]·w + D[3]·w = w
//   Apr ( 0): D[2]·w          = 0.0395 w   (its lag-3 share would close in July)
//   May, Jun: nothing closes inside the quarter → 0
// so each stage's required total is split by largest remainder over [0.9605, 1, 1, 0.0395, 0, 0].
const DEFAULT_WEIGHTS = [LAG3, 1, 1, LAG2, 0, 0];
function defaultColumns() {
  return REQUIRED.map((r, i) => (i === 5 ? largestRemainder(r, [0, 0, 0, 1, 1, 1]) : largestRemainder(r, DEFAULT_WEIGHTS)));
}
// e.g. leads: 6,667 × (0.9605/3, 1/3, 1/3, 0.0395/3) = 2,134.61 / 2,222.33 / 2,222.33 / 87.72 →
// floors 2,134 + 2,222 + 2,222 + 87 = 6,665; the 2 left go to .72 (Apr) and .61 (Jan):
const DEFAULT_LEADS = [2_135, 2_222, 2_222, 88, 0, 0];
// SQL: 200 × (…) = 64.04 / 66.67 / 66.67 / 2.63 → 64 + 66 + 66 + 2 = 198, +1 to Feb and Mar:
const DEFAULT_SQL = [64, 67, 67, 2, 0, 0];
// opportunities: 80 × (…) = 25.61 / 26.67 / 26.67 / 1.05 → 25 + 26 + 26 + 1 = 78, +1 Feb, Mar:
const DEFAULT_OPPS = [25, 27, 27, 1, 0, 0];
const DEFAULT_WON = [0, 0, 0, 7, 7, 6];

/** The column of stage `stage` (a name) as numbers. */
function column(table, stage) {
  return table.rows.map((r) => countOf(r.cells[COL[stage]]));
}

/** The month table once it satisfies `check(table)`. */
async function monthTableWhen(page, check) {
  return eventually(async () => {
    const t = await readMonthTable(page);
    check(t);
    return t;
  });
}

const sum = (xs) => xs.reduce((a, b) => a + b, 0);

test('the 月次計画 tab and #view=months open the monthly plan, and the view survives a reload', () =>
  withOpenPage(app, async (page, { context }) => {
    // from the funnel view, by its tab
    const tab = page.getByRole('tab', { name: '月次計画', exact: true });
    assert.equal(await tab.getAttribute('aria-selected'), 'false');
    await tab.click();
    await waitForMonths(page);
    assert.equal(await tab.getAttribute('aria-selected'), 'true');
    assert.equal(await page.getByRole('tab', { name: 'ファネル', exact: true }).getAttribute('aria-selected'), 'false');
    await eventually(async () => assert.match(new URL(page.url()).hash, /(^#|&)view=months(&|$)/));
    assert.equal(await page.locator('#months-heading').textContent(), '月次計画');

    // a reload keeps the view
    await page.reload();
    await waitForMonths(page);
    assert.equal(await page.getByRole('tab', { name: '月次計画', exact: true }).getAttribute('aria-selected'), 'true');
    assert.equal(await page.locator('table.stage-table').count(), 0, 'the funnel view is not shown');

    // a fresh tab opened on the address goes straight to it
    const other = await context.newPage();
    await other.goto(`${app.url}#view=months`);
    await waitForMonths(other);
    assert.equal(await other.getByRole('tab', { name: '月次計画', exact: true }).getAttribute('aria-selected'), 'true');
    await other.close();

    // and back to the funnel by its tab
    await page.getByRole('tab', { name: 'ファネル', exact: true }).click();
    await waitForApp(page);
    assert.doesNotMatch(new URL(page.url()).hash, /view=months/);
  }));

test('each stage’s months add up to the funnel’s requirement; 期首前 months feed the 期首までに cards', () =>
  withOpenPage(
    app,
    async (page) => {
      const t = await readMonthTable(page);
      assert.deepEqual(t.head, ['月', ...STAGES_JA, 'IS人数', 'FS人数', '売上目標']);
      // January–March are before the April quarter (lag up to 3 months), then April–June
      assert.deepEqual(
        t.rows.map((r) => [r.month, r.tag, r.before]),
        [
          ['1月', '期首前', true],
          ['2月', '期首前', true],
          ['3月', '期首前', true],
          ['4月', '', false],
          ['5月', '', false],
          ['6月', '', false],
        ],
      );
      // the 合計 row is the funnel's requirement, and every stage column adds up to it
      assert.equal(t.totalLabel, '合計');
      assert.deepEqual(t.total.slice(0, 6), DEFAULT_COUNTS);
      assert.deepEqual(t.total.slice(6), ['—', '—', '1億円']);
      STAGES_JA.forEach((s, i) => {
        assert.equal(sum(column(t, s)), REQUIRED[i], `${s}: the months add up to ${REQUIRED[i]}`);
      });
      // each month, as computed above
      const expected = defaultColumns();
      STAGES_JA.forEach((s, i) => assert.deepEqual(column(t, s), expected[i], `${s} by month`));
      assert.deepEqual(column(t, 'リード'), DEFAULT_LEADS);
      assert.deepEqual(column(t, 'SQL'), DEFAULT_SQL);
      assert.deepEqual(column(t, '商談'), DEFAULT_OPPS);
      assert.deepEqual(column(t, '受注'), DEFAULT_WON);

      // before the period: leads 2,135 + 2,222 + 2,222 = 6,579; opportunities 25 + 27 + 27 = 79
      assert.equal(sum(DEFAULT_LEADS.slice(0, 3)), 6_579);
      assert.equal(await card(page, 'before-leads').textContent(), '6,579件');
      assert.equal(await card(page, 'before-opps').textContent(), `${sum(DEFAULT_OPPS.slice(0, 3))}件`);
      assert.equal(await page.locator('.card-before-leads dt').textContent(), '期首までに必要なリード');
      assert.equal(await page.locator('.card-before-opps dt').textContent(), '期首までに必要な商談');

      // the funnel view shows the same requirements as the 合計 row
      await page.getByRole('tab', { name: 'ファネル', exact: true }).click();
      await waitForApp(page);
      const funnel = await readTable(page);
      assert.deepEqual(
        funnel.map((r) => r.required),
        t.total.slice(0, 6),
      );
      assert.deepEqual(
        funnel.map((r) => r.stage),
        STAGES_JA,
      );
    },
    MONTHS,
  ));

test('the cards: coverage 1 ÷ win rate, velocity, headcount; an open pipeline of 2億 covers 2×', () =>
  withOpenPage(
    app,
    async (page) => {
      // coverage needed = 1 ÷ 25 % = 4×; nothing open yet → 0×, short
      // no verdict while the optional open pipeline is empty
      assert.equal(await card(page, 'coverage').textContent(), '4倍');
      // velocity = 80 opportunities × ¥5,000,000 × 25 % ÷ 90 days = ¥1,111,111.1 a day
      assert.equal(Math.round((80 * 5_000_000 * 0.25) / 90), 1_111_111);
      assert.equal(await card(page, 'velocity').textContent(), '約111万円');
      // headcount: SQL 67 in the busiest month ÷ 40 a rep → 2; opportunities 27 ÷ 8 → 4
      assert.equal(Math.ceil(Math.max(...DEFAULT_SQL) / 40), 2);
      assert.equal(Math.ceil(Math.max(...DEFAULT_OPPS) / 8), 4);
      assert.equal(await card(page, 'headcount').textContent(), 'IS 2人・FS 4人');
      // per month: IS = ⌈SQL ÷ 40⌉, FS = ⌈opportunities ÷ 8⌉
      const t = await readMonthTable(page);
      assert.deepEqual(
        t.rows.map((r) => Number(r.cells[IS])),
        DEFAULT_SQL.map((n) => Math.ceil(n / 40)),
      );
      assert.deepEqual(
        t.rows.map((r) => Number(r.cells[FS])),
        DEFAULT_OPPS.map((n) => Math.ceil(n / 8)),
      );

      // open pipeline 2億円 against the 1億円 target: 2× of the 4× needed
      await field(page, '期首時点で進行中の商談金額（任意）').fill('2億');
      await eventually(async () => assert.equal(await card(page, 'coverage').textContent(), '4倍（現在 2倍・不足）'));
      // 4億円 × 25 % = 1億円 = the target exactly: covered
      await field(page, '期首時点で進行中の商談金額（任意）').fill('4億');
      await eventually(async () => assert.equal(await card(page, 'coverage').textContent(), '4倍（現在 4倍・足りています）'));
      // not money → a message beside it, the last plan stays
      await field(page, '期首時点で進行中の商談金額（任意）').fill('たくさん');
      await eventually(async () => assert.notEqual((await fieldMessage(page, '期首時点で進行中の商談金額（任意）').textContent()).trim(), ''));
      assert.equal(await field(page, '期首時点で進行中の商談金額（任意）').getAttribute('aria-invalid'), 'true');
      await staleNotice(page).waitFor();
      assert.equal(await card(page, 'coverage').textContent(), '4倍（現在 4倍・足りています）');

      // inside sales can take 1 SQL a month: one rep per SQL, so the IS column is the SQL column
      await field(page, '期首時点で進行中の商談金額（任意）').fill('');
      await field(page, 'インサイドセールス1人が月に対応できるSQL数').fill('1');
      const t1 = await monthTableWhen(page, (x) =>
        assert.deepEqual(
          x.rows.map((r) => r.cells[IS]),
          x.rows.map((r) => r.cells[COL.SQL]),
        ),
      );
      assert.deepEqual(column(t1, 'SQL'), DEFAULT_SQL);
      assert.equal(await card(page, 'headcount').textContent(), 'IS 67人・FS 4人');
      assert.equal(await staleNotice(page).count(), 0);
      // 0 reps' capacity is refused beside the field
      await field(page, 'インサイドセールス1人が月に対応できるSQL数').fill('0');
      await eventually(async () =>
        assert.equal(await field(page, 'インサイドセールス1人が月に対応できるSQL数').getAttribute('aria-invalid'), 'true'),
      );
      assert.notEqual((await fieldMessage(page, 'インサイドセールス1人が月に対応できるSQL数').textContent()).trim(), '');
      await assertNoGarbage(page, 'with a capacity of 0');
    },
    MONTHS,
  ));

test('period length, fiscal start and period index change the months', () =>
  withOpenPage(
    app,
    async (page) => {
      const index = field(page, '計画する期間');
      assert.equal(await index.inputValue(), '0');
      assert.deepEqual(await index.locator('option').allTextContents(), [
        '第1四半期（4月〜6月）',
        '第2四半期（7月〜9月）',
        '第3四半期（10月〜12月）',
        '第4四半期（1月〜3月）',
      ]);
      // a calendar-year company: fiscal start January; its third quarter is July–September
      await field(page, '期首月').selectOption({ label: '1月' });
      await eventually(async () =>
        assert.deepEqual(await index.locator('option').allTextContents(), [
          '第1四半期（1月〜3月）',
          '第2四半期（4月〜6月）',
          '第3四半期（7月〜9月）',
          '第4四半期（10月〜12月）',
        ]),
      );
      await index.selectOption({ label: '第3四半期（7月〜9月）' });
      // 90 days reach 3 months back: April–June before the period, July–September inside it
      let t = await monthTableWhen(page, (x) =>
        assert.deepEqual(
          x.rows.map((r) => `${r.month}${r.tag}`),
          ['4月期首前', '5月期首前', '6月期首前', '7月', '8月', '9月'],
        ),
      );
      assert.deepEqual(column(t, '受注'), [0, 0, 0, 7, 7, 6]);
      assert.deepEqual(column(t, 'リード'), DEFAULT_LEADS, 'the same plan, three months later');

      // one month: the index (2) stays inside the year → the third month of a January year = 3月;
      // 90 days (up to 3 months) is longer than the 1-month period → a note
      await field(page, '期間の単位').selectOption({ label: '月' });
      t = await monthTableWhen(page, (x) =>
        assert.deepEqual(
          x.rows.map((r) => `${r.month}${r.tag}`),
          ['12月期首前', '1月期首前', '2月期首前', '3月'],
        ),
      );
      assert.equal(await index.locator('option:checked').textContent(), '3月');
      assert.deepEqual(column(t, '受注'), [0, 0, 0, 20]);
      // one month's 20 deals: leads created 3 months earlier × 0.9605, 2 months earlier × 0.0395
      // → 6,667 × 0.9605 = 6,403.7 and × 0.0395 = 263.2 → 6,403 + 263 = 6,666, the 1 left to .7
      assert.deepEqual(column(t, 'リード'), largestRemainder(6_667, [LAG3, LAG2, 0, 0]));
      assert.deepEqual(column(t, 'リード'), [6_404, 263, 0, 0]);
      const note = page.locator('#view-months p.note');
      await eventually(async () =>
        assert.equal(
          (await note.textContent()).trim(),
          '受注まで最長3か月かかり、期間（1か月）より長くなっています。 期間前の月に作る分は「期首前」の行に示します。',
        ),
      );
      // picking another month by its name
      await index.selectOption({ label: '10月' });
      await monthTableWhen(page, (x) =>
        assert.deepEqual(
          x.rows.map((r) => `${r.month}${r.tag}`),
          ['7月期首前', '8月期首前', '9月期首前', '10月'],
        ),
      );

      // the fiscal year: twelve months January–December plus October–December before it;
      // 20 won ÷ 12 = 1.67 a month → floors 12 × 1 = 12, the 8 left to the first 8 months (ties)
      await field(page, '期間の単位').selectOption({ label: '年度' });
      t = await monthTableWhen(page, (x) => assert.equal(x.rows.length, 15));
      assert.equal(await index.locator('option:checked').textContent(), '通期（1月〜12月）');
      assert.deepEqual(
        t.rows.map((r) => `${r.month}${r.tag}`),
        ['10月期首前', '11月期首前', '12月期首前', ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`)],
      );
      assert.deepEqual(column(t, '受注'), [0, 0, 0, ...largestRemainder(20, Array(12).fill(1))]);
      assert.deepEqual(column(t, '受注').slice(3), [2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1]);
      STAGES_JA.forEach((s, i) => assert.equal(sum(column(t, s)), REQUIRED[i], `${s} over the year`));
      // no note: 3 months of lead time fit in a 12-month period
      assert.equal(await note.count(), 0);
    },
    MONTHS,
  ));

test('seasonality: April weighted 2 gets half the quarter’s deals; all-zero and unreadable weights get messages', () =>
  withOpenPage(
    app,
    async (page) => {
      const box = field(page, '月ごとに重みを付ける（季節性）');
      assert.equal(await field(page, '4月の重み').count(), 0, 'no weights until the box is checked');
      await box.check();
      // one field per month of the period, each starting at 1
      for (const m of ['4月', '5月', '6月']) assert.equal(await field(page, `${m}の重み`).inputValue(), '1');
      assert.equal(await field(page, '7月の重み').count(), 0);

      // weights 2 / 1 / 1 → 20 × 2/4, 1/4, 1/4 = 10 / 5 / 5 won in April / May / June
      await field(page, '4月の重み').fill('2');
      const inPeriod = (t) => t.rows.filter((r) => !r.before);
      let t = await monthTableWhen(page, (x) =>
        assert.deepEqual(
          inPeriod(x).map((r) => [r.month, r.cells[COL['受注']]]),
          [
            ['4月', '10'],
            ['5月', '5'],
            ['6月', '5'],
          ],
        ),
      );
      STAGES_JA.forEach((s, i) => assert.equal(sum(column(t, s)), REQUIRED[i], `${s} with seasonality`));
      // leads created in month s serve D[k]·won[s+k]: won 10 / 5 / 5 (exact 20 × ½, ¼, ¼)
      //   Jan: 0.9605·10; Feb: 0.0395·10 + 0.9605·5; Mar: 0.0395·5 + 0.9605·5 = 5; Apr: 0.0395·5
      const w = [10, 5, 5];
      const seasonal = [LAG3 * w[0], LAG2 * w[0] + LAG3 * w[1], LAG2 * w[1] + LAG3 * w[2], LAG2 * w[2], 0, 0];
      assert.deepEqual(column(t, 'リード'), largestRemainder(6_667, seasonal));

      // an unreadable weight: its own message, the last plan stays
      await field(page, '5月の重み').fill('abc');
      await eventually(async () =>
        assert.equal(await fieldMessage(page, '5月の重み').textContent(), '数値として読めません。例: 1、1.5、0'),
      );
      await staleNotice(page).waitFor();
      assert.deepEqual(inPeriod(await readMonthTable(page)).map((r) => r.cells[COL['受注']]), ['10', '5', '5']);

      // all zero: a message for the weights together; the last valid plan (0 / 0 / 20) stays
      await field(page, '5月の重み').fill('0');
      await field(page, '4月の重み').fill('0');
      await monthTableWhen(page, (x) => assert.deepEqual(inPeriod(x).map((r) => r.cells[COL['受注']]), ['0', '0', '20']));
      await field(page, '6月の重み').fill('0');
      const weightsMessage = page.locator('#view-months .weights + p.message');
      await eventually(async () =>
        assert.equal(
          await weightsMessage.textContent(),
          '期間内の月の重みがすべて0です。少なくとも1か月は0より大きくしてください。',
        ),
      );
      await staleNotice(page).waitFor();
      t = await readMonthTable(page);
      assert.deepEqual(inPeriod(t).map((r) => r.cells[COL['受注']]), ['0', '0', '20'], 'the last valid plan stays');
      await assertNoGarbage(page, 'with all weights 0');

      // unchecking goes back to even months: 7 / 7 / 6
      await box.uncheck();
      await monthTableWhen(page, (x) => assert.deepEqual(inPeriod(x).map((r) => r.cells[COL['受注']]), ['7', '7', '6']));
      assert.equal(await staleNotice(page).count(), 0);
      assert.equal(await field(page, '4月の重み').count(), 0);
    },
    MONTHS,
  ));

test('a distribution with everything won the same month: no 期首前 rows, period and cohort rates agree', () =>
  withOpenPage(
    app,
    async (page) => {
      await field(page, 'リードタイムの入れ方').selectOption({ label: '受注月の分布' });
      // the default distribution 0 / 30 / 50 / 20 %
      const lags = ['同じ月に受注', '1か月後に受注', '2か月後に受注', '3か月後に受注'];
      assert.deepEqual(
        await Promise.all(lags.map((l) => field(page, l).inputValue())),
        ['0', '30', '50', '20'],
      );
      assert.equal(await page.locator('[data-testid="distribution-total"]').textContent(), '合計 100%');
      await monthTableWhen(page, (x) => assert.equal(x.rows.filter((r) => r.before).length, 3));

      await field(page, '同じ月に受注').fill('100');
      for (const l of lags.slice(1)) await field(page, l).fill('0');
      await eventually(async () =>
        assert.equal(await page.locator('[data-testid="distribution-total"]').textContent(), '合計 100%'),
      );
      const t = await monthTableWhen(page, (x) =>
        assert.deepEqual(
          x.rows.map((r) => `${r.month}${r.tag}`),
          ['4月', '5月', '6月'],
        ),
      );
      // every stage follows the won deals month by month: 1 / 1 / 1 → 6,667 = 2,223 + 2,222 + 2,222
      STAGES_JA.forEach((s, i) => assert.deepEqual(column(t, s), largestRemainder(REQUIRED[i], [1, 1, 1]), s));
      assert.deepEqual(column(t, 'リード'), [2_223, 2_222, 2_222]);
      assert.equal(await card(page, 'before-leads').textContent(), '0件');
      assert.equal(await card(page, 'before-opps').textContent(), '0件');
      // won ÷ leads in the period = 20 ÷ 6,666.67 = 0.3 % = the cohort rate (the funnel's
      // lead → won: 10 % × 30 % × 40 % × 25 % = 0.3 %)
      assert.equal(await page.locator('[data-testid="cohort-period"]').textContent(), '0.3%');
      assert.equal(await page.locator('[data-testid="cohort-true"]').textContent(), '0.3%');
      assert.match(await page.locator('[data-testid="cohort-explain"]').textContent(), /どちらも0\.3%です/);
      assert.equal(await page.locator('#view-months p.note').count(), 0);
    },
    MONTHS,
  ));

test('a distribution that does not add up to 100 gets a message; the last valid plan stays, marked stale', () =>
  withOpenPage(
    app,
    async (page) => {
      await field(page, 'リードタイムの入れ方').selectOption({ label: '受注月の分布' });
      // 0 / 30 / 50 / 20 %: leads created in month s serve 0.3·won[s+1] + 0.5·won[s+2] + 0.2·won[s+3]
      //   Jan (−3): 0.2 w; Feb (−2): 0.5 w + 0.2 w = 0.7 w; Mar (−1): 0.3 + 0.5 + 0.2 = w;
      //   Apr (0): 0.3 w + 0.5 w = 0.8 w; May (1): 0.3 w; Jun: 0
      const before = await monthTableWhen(page, (x) =>
        assert.deepEqual(column(x, 'リード'), largestRemainder(6_667, [0.2, 0.7, 1, 0.8, 0.3, 0])),
      );
      // 6,667 × (0.2, 0.7, 1, 0.8, 0.3) ÷ 3 = 444.47 / 1,555.63 / 2,222.33 / 1,777.87 / 666.7
      assert.deepEqual(column(before, 'リード'), [444, 1_556, 2_222, 1_778, 667, 0]);
      assert.equal(await staleNotice(page).count(), 0);

      await field(page, '1か月後に受注').fill('40');
      const message = page.locator('#view-months [data-testid="distribution-total"] + p.message');
      await eventually(async () =>
        assert.equal(await message.textContent(), '割合の合計が110%です。合計を100%にしてください。'),
      );
      assert.equal(await page.locator('[data-testid="distribution-total"]').textContent(), '合計 110%');
      await staleNotice(page).waitFor();
      assert.equal(
        await staleNotice(page).textContent(),
        '入力に誤りがあるため、最後に計算できた計画を表示しています。',
      );
      assert.match(await page.locator('#view-months .results-block').getAttribute('class'), /\bstale\b/);
      assert.match(await page.locator('#view-months figure.chart').getAttribute('class'), /\bstale\b/);
      const kept = await readMonthTable(page);
      assert.deepEqual(kept, before, 'the table still shows the last valid plan');
      await assertNoGarbage(page, 'with a distribution of 110 %');

      // a share that does not read
      await field(page, '1か月後に受注').fill('三割');
      await eventually(async () =>
        assert.equal(await fieldMessage(page, '1か月後に受注').textContent(), '数値として読めません。例: 30、30%'),
      );
      assert.equal(await page.locator('[data-testid="distribution-total"]').textContent(), '');

      // back to 30: current again
      await field(page, '1か月後に受注').fill('30');
      await eventually(async () => assert.equal(await staleNotice(page).count(), 0));
      assert.equal((await message.textContent()).trim(), '');
      assert.deepEqual(await readMonthTable(page), before);
    },
    MONTHS,
  ));

test('lead time in days: "abc", "-5" and "2000" each get a message beside the field', () =>
  withOpenPage(
    app,
    async (page) => {
      const days = field(page, 'リード獲得から受注までの平均日数');
      assert.equal(await days.inputValue(), '90');
      const before = await readMonthTable(page);
      const cases = [
        ['abc', '日数として読めません。例: 90'],
        ['-5', '0以上の整数を入力してください。'],
        // the longest lead time is 36 months = 36 × 30.4 = 1,094.4 → 1,094 days
        ['2000', '長すぎます。リードタイムは1,094日（36か月）までです。'],
      ];
      for (const [typed, expected] of cases) {
        await days.fill(typed);
        await eventually(async () => assert.equal(await fieldMessage(page, 'リード獲得から受注までの平均日数').textContent(), expected));
        assert.equal(await days.getAttribute('aria-invalid'), 'true', typed);
        await staleNotice(page).waitFor();
        assert.deepEqual(await readMonthTable(page), before, `the last valid plan stays after "${typed}"`);
        await assertNoGarbage(page, `after "${typed}"`);
      }
      // 1,094 days is accepted: 1,094 ÷ 30.4 = 35.99 months → the earliest month 36 months back
      await days.fill('1094');
      await eventually(async () => assert.equal(await staleNotice(page).count(), 0));
      const t = await readMonthTable(page);
      assert.equal(t.rows.length, 36 + 3);
      assert.equal(t.rows.filter((r) => r.before).length, 36);
      assert.equal((await fieldMessage(page, 'リード獲得から受注までの平均日数').textContent()).trim(), '');
    },
    MONTHS,
  ));

test('the timeline redraws after an edit and its accessible name lists every stage’s months', () =>
  withOpenPage(
    app,
    async (page) => {
      const canvas = page.locator('canvas#timeline-canvas');
      const label = await canvas.getAttribute('aria-label');
      assert.ok(label.startsWith('月次計画のタイムライン. '), label);
      const months = ['1月', '2月', '3月', '4月', '5月', '6月'];
      const cols = defaultColumns();
      STAGES_JA.forEach((s, i) => {
        const part = `${s}: ${months.map((m, k) => `${m} ${grouped(cols[i][k])}`).join(', ')}`;
        assert.ok(label.includes(part), `"${part}" in ${label}`);
      });

      // 60 days = 1.974 months → 97.37 % after 2 months, 2.63 % after 1: February is the first
      // month; leads created in s serve D[1]·won[s+1] + D[2]·won[s+2]:
      //   Feb: 0.9737 w; Mar: w; Apr: w; May: 0.0263 w; Jun: 0
      const before = await canvasDraws(page, 'timeline-canvas');
      await field(page, 'リード獲得から受注までの平均日数').fill('60');
      await waitForCanvasDrawAfter(page, 'timeline-canvas', before);
      const l2 = 60 / 30.4 - 1;
      const leads = largestRemainder(6_667, [l2, 1, 1, 1 - l2, 0]);
      // 6,667 × (0.9737, 1, 1, 0.0263) ÷ 3 = 2,163.85 / 2,222.33 / 2,222.33 / 58.48 → +1 to .85, .48
      assert.deepEqual(leads, [2_164, 2_222, 2_222, 59, 0]);
      await eventually(async () => {
        const now = await canvas.getAttribute('aria-label');
        assert.ok(now.includes('リード: 2月 2,164, 3月 2,222, 4月 2,222, 5月 59, 6月 0'), now);
        assert.ok(now.includes('受注: 2月 0, 3月 0, 4月 7, 5月 7, 6月 6'), now);
      });
      // the canvas has real pixels on it
      const size = await canvas.evaluate((c) => [c.width, c.height]);
      assert.ok(size[0] > 100 && size[1] > 40, `canvas ${size}`);
    },
    MONTHS,
  ));

test('表をCSVで保存: BOM, header, one row per month, columns adding up to the requirements', () =>
  withOpenPage(
    app,
    async (page) => {
      const { name, bytes } = await captureDownload(page, button(page, '表をCSVで保存'));
      assert.match(name, /monthly-plan.*\.csv$/);
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
      const text = bytes.toString('utf8').slice(1);
      const lines = text.split('\r\n').filter((l) => l !== '');
      assert.equal(lines[0], '月,期首前,訪問,リード,MQL,SQL,商談,受注,IS人数,FS人数');
      const rows = lines.slice(1).map((l) => l.split(',').map(Number));
      assert.equal(rows.length, 6);
      assert.deepEqual(
        rows.map((r) => [r[0], r[1]]),
        [
          [1, 1],
          [2, 1],
          [3, 1],
          [4, 0],
          [5, 0],
          [6, 0],
        ],
      );
      const cols = defaultColumns();
      STAGES_JA.forEach((s, i) => {
        const col = rows.map((r) => r[2 + i]);
        assert.deepEqual(col, cols[i], `${s} by month`);
        assert.equal(sum(col), REQUIRED[i], `${s} adds up`);
      });
      assert.deepEqual(
        rows.map((r) => r[8]),
        DEFAULT_SQL.map((n) => Math.ceil(n / 40)),
      );
      assert.deepEqual(
        rows.map((r) => r[9]),
        DEFAULT_OPPS.map((n) => Math.ceil(n / 8)),
      );
    },
    MONTHS,
  ));

test('an edited plan is saved: a reload keeps the fiscal start, period and lead time', () =>
  withOpenPage(
    app,
    async (page) => {
      await field(page, '期首月').selectOption({ label: '1月' });
      await field(page, '計画する期間').selectOption({ label: '第3四半期（7月〜9月）' });
      await field(page, 'リード獲得から受注までの平均日数').fill('60');
      await monthTableWhen(page, (x) => assert.equal(x.rows[0].month, '5月'));
      // autosave runs 300 ms after the last edit
      await eventually(async () => {
        const saved = await page.evaluate(() => localStorage.getItem('funnel-calculator.scenario.1'));
        const plan = JSON.parse(saved).draft.plan;
        assert.equal(plan.fiscal_start, 1);
        assert.equal(plan.period_index, 2);
        assert.equal(plan.average_days, '60');
      });
      await page.reload();
      await waitForMonths(page);
      assert.equal(await field(page, '期首月').inputValue(), '1');
      assert.equal(await field(page, 'リード獲得から受注までの平均日数').inputValue(), '60');
      const t = await readMonthTable(page);
      assert.deepEqual(
        t.rows.map((r) => `${r.month}${r.tag}`),
        ['5月期首前', '6月期首前', '7月', '8月', '9月'],
      );
    },
    MONTHS,
  ));

test('in English the monthly plan is labelled in English', () =>
  withOpenPage(
    app,
    async (page) => {
      await setLanguage(page, 'en');
      assert.equal(await page.getByRole('tab', { name: 'Monthly plan', exact: true }).getAttribute('aria-selected'), 'true');
      await eventually(async () => assert.equal(await page.locator('#months-heading').textContent(), 'Monthly plan'));
      for (const label of [
        'Period length',
        'Fiscal year starts in',
        'Period to plan',
        'Weight the months (seasonality)',
        'Give the lead time as',
        'Average days from lead to won deal',
        'Open pipeline at the period start (optional)',
      ]) {
        assert.equal(await field(page, label).count(), 1, label);
      }
      assert.equal(await field(page, 'Period to plan').locator('option:checked').textContent(), 'Q1 (Apr–Jun)');
      const t = await readMonthTable(page);
      assert.equal(t.head[0], 'Month');
      assert.deepEqual(t.head.slice(-3), ['Inside sales', 'Field sales', 'Revenue target']);
      assert.deepEqual(
        t.rows.map((r) => `${r.month}|${r.tag}`),
        ['Jan|before', 'Feb|before', 'Mar|before', 'Apr|', 'May|', 'Jun|'],
      );
      assert.equal(t.totalLabel, 'Total');
      assert.deepEqual(t.total.slice(0, 6), DEFAULT_COUNTS);
      assert.equal(await card(page, 'before-leads').textContent(), '6,579');
      assert.match(await page.locator('.card-before-leads dt').textContent(), /needed before the period$/);
      assert.equal(await card(page, 'coverage').textContent(), '4×');
      assert.equal(await card(page, 'headcount').textContent(), 'inside sales 2 · field sales 4');
      assert.equal(await card(page, 'velocity').textContent(), '¥1,111,111');
      assert.ok((await page.locator('canvas#timeline-canvas').getAttribute('aria-label')).startsWith('Monthly plan timeline. '));
      assert.equal(await button(page, 'Save the table as CSV').count(), 1);
      const body = await page.locator('#view-months').innerText();
      assert.doesNotMatch(body, /[期首前月合計]/, 'no Japanese left in the view');
      await assertNoGarbage(page, 'in English');
    },
    MONTHS,
  ));

for (const width of [375, 1280]) {
  test(`at ${width} px the monthly plan fits the screen (no sideways scroll); screenshot`, () =>
    withOpenPage(
      app,
      async (page) => {
        // a busier state: seasonal weights, to show the weight fields
        await field(page, '月ごとに重みを付ける（季節性）').check();
        await field(page, '4月の重み').fill('2');
        await monthTableWhen(page, (x) => assert.equal(x.rows[3].cells[COL['受注']], '10'));
        await page.evaluate(() => document.fonts.ready);
        const overflow = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        assert.ok(overflow[0] <= width, `page is ${overflow[0]} px wide in a ${width} px viewport`);
        // the inputs come first on a phone, the results beside them on a wide screen
        const inputs = await page.locator('#view-months .inputs').boundingBox();
        const results = await page.locator('#view-months .results').boundingBox();
        if (width === 375) assert.ok(results.y >= inputs.y + inputs.height - 1, 'stacked: results under the inputs');
        else assert.ok(results.x >= inputs.x + inputs.width - 1, 'side by side: results right of the inputs');
        await fullPageScreenshot(page, `months-ja-${width}`);
      },
      { ...MONTHS, viewport: { width, height: width === 375 ? 740 : 900 } },
    ));
}

test('opening #view=months in a fresh browser logs nothing and shows no NaN', async () => {
  const { context, page, errors } = await openPage(app, MONTHS);
  try {
    await assertNoGarbage(page);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('at 1280 × 800 the headline cards are visible without scrolling', () =>
  withOpenPage(
    app,
    async (page) => {
      // SPEC §0: headline numbers visible without scrolling at 1280 × 800
      for (const key of ['before-leads', 'before-opps', 'coverage', 'headcount']) {
        const box = await card(page, key).boundingBox();
        assert.ok(box && box.y + box.height <= 800, `${key} ends at y = ${box && Math.round(box.y + box.height)} px`);
      }
    },
    { ...MONTHS, viewport: { width: 1280, height: 800 } },
  ));

test('each month shows its share of the revenue target, seasonality included', () =>
  withOpenPage(
    app,
    async (page) => {
      const REV = 8; // cell index: six stages, IS, FS, then the revenue (the head has 月 first)
      const inPeriod = (t) => t.rows.filter((r) => !r.before);
      // even months: 1億円 ÷ 3 = ¥33,333,333.33 → shown to the yen as 約3,333万円
      let t = await readMonthTable(page);
      assert.equal(t.head[REV + 1], '売上目標');
      assert.deepEqual(inPeriod(t).map((r) => r.cells[REV]), ['約3,333万円', '約3,333万円', '約3,333万円']);
      assert.ok(t.rows.filter((r) => r.before).every((r) => r.cells[REV] === '—'));
      assert.equal(t.total[REV], '1億円');
      // April weighted 2, May and June 1: 1億円 × 2/4, 1/4, 1/4
      await page.getByLabel('月ごとに重みを付ける（季節性）').check();
      await field(page, '4月の重み').fill('2');
      await eventually(async () => {
        t = await readMonthTable(page);
        assert.deepEqual(inPeriod(t).map((r) => r.cells[REV]), ['5,000万円', '2,500万円', '2,500万円']);
      });
    },
    MONTHS,
  ));
