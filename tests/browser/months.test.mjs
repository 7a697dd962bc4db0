// The monthly plan (月次計画, `#view=months`): reachable by tab and by URL; what must be created
// in which month for the default plan (each stage's months add up to the funnel's requirement,
// months before the period marked 計画期間前 and counted in the 計画期間前に作る… cards); period, fiscal
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
  waitForApp,
  fullPageScreenshot,
  captureDownload,
} from './support/harness.mjs';
import { countOf, grouped } from './support/numbers.mjs';
import {
  setLanguage,
  canvasDraws,
  waitForCanvasDrawAfter,
  fieldMessage,
  assertNoGarbage,
  button,
} from './pages/common.mjs';
import {
  waitForMonths,
  readMonthTable,
  periodField,
  card,
  staleNotice,
  monthTableWhen,
} from './pages/months.mjs';

const app = useApp();

const MONTHS = { path: '#view=months', ready: waitForMonths };
const PERIOD_LABELS = ['期間の単位', '計画する期間', '期首月', 'Period length', 'Period to plan', 'Fiscal year starts in'];

const field = (page, label) =>
  PERIOD_LABELS.includes(label) ? periodField(page, label) : page.getByLabel(label, { exact: true });

const STAGES_JA = ['訪問', 'リード', 'MQL', 'SQL', '商談', '受注'];
/** Column of each stage in a month row's cells (cells = stages…, IS, FS). */
const COL = Object.fromEntries(STAGES_JA.map((s, i) => [s, i]));
const IS = 6;
const FS = 7;

// ---- the default plan, by hand ------------------------------------------------------------
// Funnel: 1億円 ÷ 500万円 = 20 won; ÷ 25 % = 80 opportunities; ÷ 40 % = 200 SQL; ÷ 30 % =
// 666.67 → 667 MQL; ÷ 10 % = 6,666.67 → 6,667 leads; ÷ 2 % = 333,333.3 → 333,334 visits.
const REQUIRED = [333_334, 6_667, 667, 200, 80, 20];
// Share of each stage ending won: visits 2 % × 0.3 %, leads 0.3 %, MQL 3 %, SQL 10 %, opps 25 %.
const CUMULATIVE = [0.02 * 0.003, 0.003, 0.03, 0.1, 0.25, 1];
// Each month plans its own deals rounded up: 1億円 ÷ 3 ÷ 500万円 = 6.67 → 7 a month (6 would
// make 3,000万円 of 3,333万円), 21 in the quarter, one above the funnel's 20.
const DEFAULT_WON = [0, 0, 0, 7, 7, 7];

/** A lag of `m` months split linearly between its neighbouring whole months (lead_time.rs). */
function lagOfMonths(m) {
  const whole = Math.floor(m);
  const frac = m - whole;
  const shares = Array(whole + 2).fill(0);
  shares[whole] = 1 - frac;
  shares[whole + 1] = frac;
  while (shares.length > 1 && shares[shares.length - 1] === 0) shares.pop();
  return shares;
}
/** Every lag of `shares` scaled by `factor` (a stage created part of the way to close). */
function scaledLag(shares, factor) {
  const out = Array(shares.length + 1).fill(0);
  shares.forEach((d, k) => {
    const m = k * factor;
    const whole = Math.floor(m);
    out[whole] += d * (1 - (m - whole));
    out[whole + 1] += d * (m - whole);
  });
  while (out.length > 1 && out[out.length - 1] === 0) out.pop();
  return out;
}
const meanOf = (shares) => shares.reduce((a, d, k) => a + d * k, 0);
const openAt = (shares, j) => shares.slice(j).reduce((a, b) => a + b, 0);
// Where each stage is created on the way to close with no per-stage days: visits and leads
// with the lead, opportunities with half the lead time left (the default sales-cycle share),
// MQL and SQL evenly between: 1, 1, 5/6, 4/6, 1/2 of the lead time left.
const LEFT = [1, 1, 5 / 6, 4 / 6, 0.5];
/** Each stage's lag distribution for a whole-lead-time distribution `lead`. */
const stageLags = (lead) => LEFT.map((f) => scaledLag(lead, f));

/**
 * Deals the whole counts of a stage column deliver in each month of the period, read forward:
 * Σ over creation months of count × share ending won × D[close − creation].
 */
function deliveredByMonth(table, col, lag, cumulative, periodMonths) {
  const first = -table.rows.filter((r) => r.before).length;
  return Array.from({ length: periodMonths }, (_, t) =>
    table.rows.reduce((a, r, row) => {
      const k = t - (first + row);
      return a + (k >= 0 && k < lag.length ? countOf(r.cells[col]) * cumulative * lag[k] : 0);
    }, 0),
  );
}
/** Items worked each month: created then or earlier and still open (velocity.rs). */
function workedByMonth(counts, stay) {
  return counts.map((_, t) => counts.slice(0, t + 1).reduce((a, n, s) => a + n * openAt(stay, t - s), 0));
}
/** What a stage stays open for: opportunities until close, earlier stages until the next. */
function stayOf(lags, stage) {
  return stage === lags.length - 1 ? lags[stage] : lagOfMonths(meanOf(lags[stage]) - meanOf(lags[stage + 1]));
}
// Lead time 90 days = 90 ÷ 30.4 = 2.9605 months: 96.05 % close 3 months after the lead,
// 3.95 % after 2; the earliest month is 3 before April = January.
const DEFAULT_LAGS = stageLags(lagOfMonths(90 / 30.4));
/** The plan's checks for a table: every stage delivers every month's deals; totals add up. */
function assertPlanDelivers(t, lags, won, label = '') {
  STAGES_JA.slice(0, 5).forEach((s, i) => {
    const got = deliveredByMonth(t, COL[s], lags[i], CUMULATIVE[i], won.length);
    got.forEach((d, m) => assert.ok(d >= won[m] - 1e-6, `${label}${s}: month ${m} delivers ${d} < ${won[m]}`));
  });
  STAGES_JA.forEach((s) => assert.equal(countOf(t.total[COL[s]]), sum(column(t, s)), `${label}${s} total`));
}

/** The column of stage `stage` (a name) as numbers. */
function column(table, stage) {
  return table.rows.map((r) => countOf(r.cells[COL[stage]]));
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

test('each month plans the deals its target needs, and the months before feed them forward; 計画期間前 rows feed the cards', () =>
  withOpenPage(
    app,
    async (page) => {
      const t = await readMonthTable(page);
      assert.deepEqual(t.head, ['月', ...STAGES_JA, 'IS人数', 'FS人数', '売上目標']);
      // January–March are before the April quarter (lag up to 3 months), then April–June; one
      // calendar year, so no years on the months
      assert.deepEqual(
        t.rows.map((r) => [r.month, r.tag, r.before]),
        [
          ['1月', '計画期間前', true],
          ['2月', '計画期間前', true],
          ['3月', '計画期間前', true],
          ['4月', '', false],
          ['5月', '', false],
          ['6月', '', false],
        ],
      );
      // 7 deals every month: 3,500万円 ≥ the month's 3,333万円; the quarter plans 21 of 20
      assert.deepEqual(column(t, '受注'), DEFAULT_WON);
      assert.equal(await card(page, 'won-total').textContent(), '21件（目標 20件・余裕 1件）');
      // read forward, the leads, MQL, SQL and opportunities created deliver ≥ 7 every month,
      // and the 合計 row adds up the months
      assert.equal(t.totalLabel, '合計');
      assertPlanDelivers(t, DEFAULT_LAGS, [7, 7, 7]);
      assert.deepEqual(t.total.slice(6), ['—', '—', '1億円']);
      // no leads are created in May or June (they would close after the period)
      assert.deepEqual(column(t, 'リード').slice(4), [0, 0]);
      STAGES_JA.slice(0, 5).forEach((s, i) =>
        assert.ok(sum(column(t, s)) >= REQUIRED[i], `${s}: at least the funnel's ${REQUIRED[i]}`),
      );

      // before the period: the sums of the 計画期間前 rows
      const before = (s) => sum(column(t, s).slice(0, 3));
      assert.equal(await card(page, 'before-leads').textContent(), `${grouped(before('リード'))}件`);
      assert.equal(await card(page, 'before-opps').textContent(), `${before('商談')}件`);
      assert.equal(await page.locator('.card-before-leads dt').textContent(), '計画期間前に作るリード');
      assert.equal(await page.locator('.card-before-opps dt').textContent(), '計画期間前に作る商談');
      assert.doesNotMatch(await page.locator('#view-months').innerText(), /期首前|期首まで/);
    },
    MONTHS,
  ));

test('the cards: coverage 1 ÷ win rate, velocity with its days, headcount on open items; an open pipeline cuts what is needed before', () =>
  withOpenPage(
    app,
    async (page) => {
      const IS_LABEL = 'インサイドセールス1人が月に担当できるSQL数（継続中を含む）';
      const OPEN_LABEL = '計画期間の開始時点で進行中の商談金額（任意）';
      // coverage needed = 1 ÷ 25 % = 4×; nothing open yet → 0×, short
      assert.equal(await card(page, 'coverage').textContent(), '4倍'); // no verdict without an open pipeline
      // velocity = 80 opportunities × ¥5,000,000 × 25 % ÷ 90 days = ¥1,111,111.1 a day, and
      // the card says which days it divided by
      assert.equal(Math.round((80 * 5_000_000 * 0.25) / 90), 1_111_111);
      assert.equal(await card(page, 'velocity').textContent(), '約111万円');
      assert.equal(await page.locator('.card-velocity dt').textContent(), 'セールスベロシティ（1日あたり・リード→受注90日）');
      assert.equal(
        await page.locator('[data-testid="velocity-note"]').textContent(),
        'セールスベロシティはリードから受注までの日数で割っています。段階ごとの日数を入れると商談期間で計算します。',
      );
      // headcount: items worked each month (new and still open) ÷ 40 SQL or 8 opportunities
      const t = await readMonthTable(page);
      const isWant = workedByMonth(column(t, 'SQL'), stayOf(DEFAULT_LAGS, 3)).map((n) => Math.ceil(n / 40 - 1e-9));
      const fsWant = workedByMonth(column(t, '商談'), stayOf(DEFAULT_LAGS, 4)).map((n) => Math.ceil(n / 8 - 1e-9));
      assert.deepEqual(t.rows.map((r) => Number(r.cells[IS])), isWant);
      assert.deepEqual(t.rows.map((r) => Number(r.cells[FS])), fsWant);
      // every month in which deals close needs field sales
      assert.ok(fsWant.slice(3).every((n) => n > 0), `${fsWant}`);
      assert.equal(await card(page, 'headcount').textContent(), `IS ${Math.max(...isWant)}人・FS ${Math.max(...fsWant)}人`);

      // open pipeline 2億円 against the 1億円 target: 2× of the 4× needed; its expected deals,
      // 2億円 × 25 % ÷ 500万円 = 10, count toward April and May first, so fewer leads and
      // opportunities are needed before the period
      const beforeLeads = await card(page, 'before-leads').textContent();
      await field(page, OPEN_LABEL).fill('2億');
      await eventually(async () => assert.equal(await card(page, 'coverage').textContent(), '4倍（現在 2倍・不足）'));
      assert.equal(await card(page, 'open-deals').textContent(), '10件');
      const reduced = countOf((await card(page, 'before-leads').textContent()).replace('件', ''));
      assert.ok(reduced < countOf(beforeLeads.replace('件', '')), `${reduced} < ${beforeLeads}`);
      // 4億円 × 25 % = 1億円 = the target exactly: covered
      await field(page, OPEN_LABEL).fill('4億');
      await eventually(async () => assert.equal(await card(page, 'coverage').textContent(), '4倍（現在 4倍・足りています）'));
      // not money, and −5: a message naming the amount and saying empty or 0 are fine
      await field(page, OPEN_LABEL).fill('たくさん');
      await eventually(async () =>
        assert.equal((await fieldMessage(page, OPEN_LABEL).textContent()).trim(), '金額として読めません。例: 2億、5,000万'),
      );
      assert.equal(await field(page, OPEN_LABEL).getAttribute('aria-invalid'), 'true');
      await staleNotice(page).waitFor();
      assert.equal(await card(page, 'coverage').textContent(), '4倍（現在 4倍・足りています）');
      await field(page, OPEN_LABEL).fill('-5');
      await eventually(async () =>
        assert.equal(
          (await fieldMessage(page, OPEN_LABEL).textContent()).trim(),
          '0以上の金額を入力してください（空欄か0は進行中の商談なし）。',
        ),
      );
      await field(page, OPEN_LABEL).fill('0');
      await eventually(async () => assert.equal(await field(page, OPEN_LABEL).getAttribute('aria-invalid'), 'false'));
      assert.equal(await card(page, 'before-leads').textContent(), beforeLeads);

      // inside sales can work 1 SQL a month: one rep per SQL worked
      await field(page, OPEN_LABEL).fill('');
      await field(page, IS_LABEL).fill('1');
      const worked = workedByMonth(column(t, 'SQL'), stayOf(DEFAULT_LAGS, 3)).map((n) => Math.ceil(n - 1e-9));
      await monthTableWhen(page, (x) => assert.deepEqual(x.rows.map((r) => Number(r.cells[IS])), worked));
      assert.equal(await staleNotice(page).count(), 0);
      // 0 and a word are refused beside the field, as counts of items (not money)
      await field(page, IS_LABEL).fill('0');
      await eventually(async () => assert.equal(await field(page, IS_LABEL).getAttribute('aria-invalid'), 'true'));
      assert.equal((await fieldMessage(page, IS_LABEL).textContent()).trim(), '1以上の整数を入力してください。');
      await field(page, IS_LABEL).fill('たくさん');
      await eventually(async () =>
        assert.equal((await fieldMessage(page, IS_LABEL).textContent()).trim(), '人数あたりの件数として読めません。例: 40'),
      );
      await assertNoGarbage(page, 'with a capacity of 0');
    },
    MONTHS,
  ));

test('switching how the lead time is given keeps the days typed in each way', () =>
  withOpenPage(
    app,
    async (page) => {
      const mode = field(page, 'リードタイムの入れ方');
      await field(page, 'リード獲得から受注までの平均日数').fill('120');
      await mode.selectOption({ label: '段階ごとの滞留日数' });
      await field(page, '商談 → 受注 の日数').fill('45');
      await mode.selectOption({ label: '受注月の分布' });
      await mode.selectOption({ label: '平均日数' });
      assert.equal(await field(page, 'リードタイムの入れ方').inputValue(), 'average');
      assert.equal(await field(page, 'リード獲得から受注までの平均日数').inputValue(), '120');
      await mode.selectOption({ label: '段階ごとの滞留日数' });
      assert.equal(await field(page, '商談 → 受注 の日数').inputValue(), '45');
    },
    MONTHS,
  ));

test('velocity uses the opportunity stage’s days when days per stage are given, and explains 0 days', () =>
  withOpenPage(
    app,
    async (page) => {
      await field(page, 'リードタイムの入れ方').selectOption({ label: '段階ごとの滞留日数' });
      await field(page, '商談 → 受注 の日数').fill('30');
      // 80 × ¥5,000,000 × 25 % ÷ 30 days = ¥3,333,333 a day
      assert.equal(Math.round((80 * 5_000_000 * 0.25) / 30), 3_333_333);
      await eventually(async () => assert.equal(await card(page, 'velocity').textContent(), '約333万円'));
      assert.equal(await page.locator('.card-velocity dt').textContent(), 'セールスベロシティ（1日あたり・商談→受注30日）');
      await field(page, '商談 → 受注 の日数').fill('0');
      await eventually(async () =>
        assert.equal(
          await page.locator('[data-testid="velocity-note"]').textContent(),
          '商談から受注までが0日のため、1日あたりのセールスベロシティは計算できません。',
        ),
      );
      assert.equal(await card(page, 'velocity').textContent(), '—');
      await field(page, 'リードタイムの入れ方').selectOption({ label: '平均日数' });
      await field(page, 'リード獲得から受注までの平均日数').fill('0');
      await eventually(async () =>
        assert.equal(
          await page.locator('[data-testid="velocity-note"]').textContent(),
          'リードタイムが1日未満のため、1日あたりのセールスベロシティは計算できません。',
        ),
      );
      assert.equal(await card(page, 'velocity').textContent(), '—');
    },
    MONTHS,
  ));

test('the sales-cycle share places the opportunities: 100 % creates them with the leads', () =>
  withOpenPage(
    app,
    async (page) => {
      const share = field(page, 'リードタイムのうち商談化から受注までの割合');
      assert.equal(await share.inputValue(), '');
      await share.fill('100');
      // every stage is then created with its lead, 90 days before close: each stage's column
      // delivers forward through the leads' own distribution
      const lead = lagOfMonths(90 / 30.4);
      const t = await monthTableWhen(page, (x) =>
        assertPlanDelivers(x, LEFT.map(() => lead), [7, 7, 7]),
      );
      assert.ok(countOf(t.rows[0].cells[COL['商談']]) > 0, 'opportunities in January');
      await share.fill('120');
      await eventually(async () => assert.equal((await fieldMessage(page, 'リードタイムのうち商談化から受注までの割合').textContent()).trim(), '0〜100%の値を入力してください。'));
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
          ['4月計画期間前', '5月計画期間前', '6月計画期間前', '7月', '8月', '9月'],
        ),
      );
      assert.deepEqual(column(t, '受注'), [0, 0, 0, 7, 7, 7]);
      assertPlanDelivers(t, DEFAULT_LAGS, [7, 7, 7], 'three months later: ');

      // one month: the index (2) stays inside the year → the third month of a January year = 3月;
      // 90 days (up to 3 months) reach back into December of the year before, so the months
      // carry their year; 90 days is longer than the 1-month period → a note
      const now = new Date();
      const fy = now.getFullYear(); // a January fiscal year is the calendar year
      await field(page, '期間の単位').selectOption({ label: '月' });
      t = await monthTableWhen(page, (x) =>
        assert.deepEqual(
          x.rows.map((r) => `${r.month}${r.tag}`),
          [`${fy - 1}/12計画期間前`, `${fy}/1計画期間前`, `${fy}/2計画期間前`, `${fy}/3`],
        ),
      );
      assert.equal(await index.locator('option:checked').textContent(), '3月');
      assert.deepEqual(column(t, '受注'), [0, 0, 0, 20]);
      assertPlanDelivers(t, DEFAULT_LAGS, [20]);
      const note = page.locator('#view-months p.note');
      await eventually(async () =>
        assert.equal(
          (await note.textContent()).trim(),
          '受注まで最長3か月かかり、期間（1か月）より長くなっています。 計画期間より前の月に作る分は「計画期間前」の行に示します。',
        ),
      );
      // picking another month by its name
      await index.selectOption({ label: '10月' });
      await monthTableWhen(page, (x) =>
        assert.deepEqual(
          x.rows.map((r) => `${r.month}${r.tag}`),
          // July–October of one calendar year: no years
          ['7月計画期間前', '8月計画期間前', '9月計画期間前', '10月'],
        ),
      );

      // the fiscal year: twelve months January–December plus October–December of the year
      // before (so with years); 20 won ÷ 12 = 1.67 a month → 2 every month, 24 planned
      await field(page, '期間の単位').selectOption({ label: '年度' });
      t = await monthTableWhen(page, (x) => assert.equal(x.rows.length, 15));
      assert.equal(await index.locator('option:checked').textContent(), '通期（1月〜12月）');
      assert.deepEqual(
        t.rows.map((r) => `${r.month}${r.tag}`),
        [
          `${fy - 1}/10計画期間前`,
          `${fy - 1}/11計画期間前`,
          `${fy - 1}/12計画期間前`,
          ...Array.from({ length: 12 }, (_, i) => `${fy}/${i + 1}`),
        ],
      );
      assert.deepEqual(column(t, '受注').slice(3), Array(12).fill(2));
      assert.equal(await card(page, 'won-total').textContent(), '24件（目標 20件・余裕 4件）');
      assertPlanDelivers(t, DEFAULT_LAGS, Array(12).fill(2));
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
      // read forward, every stage delivers 10 / 5 / 5
      assertPlanDelivers(t, DEFAULT_LAGS, [10, 5, 5]);

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

      // unchecking goes back to even months: 7 / 7 / 7
      await box.uncheck();
      await monthTableWhen(page, (x) => assert.deepEqual(inPeriod(x).map((r) => r.cells[COL['受注']]), ['7', '7', '7']));
      assert.equal(await staleNotice(page).count(), 0);
      assert.equal(await field(page, '4月の重み').count(), 0);
    },
    MONTHS,
  ));

test('a distribution with everything won the same month: no 計画期間前 rows, period and cohort rates agree', () =>
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
      // every stage follows the 7 deals of each month: ⌈7 ÷ share ending won⌉, e.g. leads
      // 7 ÷ 0.3 % = 2,333.33 → 2,334 a month
      STAGES_JA.forEach((s, i) => assert.deepEqual(column(t, s), Array(3).fill(Math.ceil(7 / CUMULATIVE[i] - 1e-9)), s));
      assert.deepEqual(column(t, 'リード'), [2_334, 2_334, 2_334]);
      assert.equal(await card(page, 'before-leads').textContent(), '0件');
      assert.equal(await card(page, 'before-opps').textContent(), '0件');
      // the worked example: ⌈6,667 ÷ 3⌉ = 2,223 leads a month, all closing the same month:
      // won ÷ leads = 0.3 % = the cohort rate (10 % × 30 % × 40 % × 25 %)
      assert.equal(await page.locator('[data-testid="cohort-period"]').textContent(), '0.3%');
      assert.equal(await page.locator('[data-testid="cohort-true"]').textContent(), '0.3%');
      assert.equal(
        await page.locator('[data-testid="cohort-explain"]').textContent(),
        '例: 毎月2,223件のリードを作ると、どのリードも作った月に受注するため、期間で区切った率とコホートの率はどちらも0.3%です。',
      );
      assert.equal(await page.locator('#view-months p.note').count(), 0);
    },
    MONTHS,
  ));

test('a distribution that does not add up to 100 gets a message; the last valid plan stays, marked stale', () =>
  withOpenPage(
    app,
    async (page) => {
      await field(page, 'リードタイムの入れ方').selectOption({ label: '受注月の分布' });
      // 0 / 30 / 50 / 20 %, read forward: of the leads created in a month, 30 % close one month
      // later, 50 % two, 20 % three; the old backward table (leads 444 / 1,556 / 2,222 / 1,778 /
      // 667) delivered only 0.69 + 0.88 + 0.69 = 2.26 × 6.67 = 15.1 of 20 deals. Now every
      // month's 7 are delivered.
      const before = await monthTableWhen(page, (x) => assertPlanDelivers(x, stageLags([0, 0.3, 0.5, 0.2]), [7, 7, 7]));
      assert.notDeepEqual(column(before, 'リード'), [444, 1_556, 2_222, 1_778, 667, 0]);
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
      const t = await readMonthTable(page);
      STAGES_JA.forEach((s) => {
        const part = `${s}: ${months.map((m, k) => `${m} ${grouped(column(t, s)[k])}`).join(', ')}`;
        assert.ok(label.includes(part), `"${part}" in ${label}`);
      });

      // 60 days = 1.974 months → 97.37 % after 2 months, 2.63 % after 1: February is the first
      // month, and the label follows the new table
      const before = await canvasDraws(page, 'timeline-canvas');
      await field(page, 'リード獲得から受注までの平均日数').fill('60');
      await waitForCanvasDrawAfter(page, 'timeline-canvas', before);
      const t60 = await monthTableWhen(page, (x) => assert.equal(x.rows[0].month, '2月'));
      assertPlanDelivers(t60, stageLags(lagOfMonths(60 / 30.4)), [7, 7, 7]);
      const m60 = ['2月', '3月', '4月', '5月', '6月'];
      await eventually(async () => {
        const now = await canvas.getAttribute('aria-label');
        const leads = `リード: ${m60.map((m, k) => `${m} ${grouped(column(t60, 'リード')[k])}`).join(', ')}`;
        assert.ok(now.includes(leads), now);
        assert.ok(now.includes('受注: 2月 0, 3月 0, 4月 7, 5月 7, 6月 7'), now);
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
      assert.equal(lines[0], '月,計画期間前,訪問,リード,MQL,SQL,商談,受注,IS人数,FS人数');
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
      // the same figures as the table on the page, month by month
      const t = await readMonthTable(page);
      STAGES_JA.forEach((s, i) => {
        assert.deepEqual(rows.map((r) => r[2 + i]), column(t, s), `${s} by month`);
      });
      assert.deepEqual(rows.map((r) => r[7]), DEFAULT_WON);
      assert.deepEqual(rows.map((r) => r[8]), t.rows.map((r) => Number(r.cells[IS])));
      assert.deepEqual(rows.map((r) => r[9]), t.rows.map((r) => Number(r.cells[FS])));
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
        ['5月計画期間前', '6月計画期間前', '7月', '8月', '9月'],
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
        'Share of the lead time from opportunity to won',
        'SQL one inside-sales rep can work in a month (open ones included)',
      ]) {
        assert.equal(await field(page, label).count(), 1, label);
      }
      assert.equal(await field(page, 'Period to plan').locator('option:checked').textContent(), 'Q1 (Apr–Jun)');
      const t = await readMonthTable(page);
      assert.equal(t.head[0], 'Month');
      assert.deepEqual(t.head.slice(-3), ['Inside sales', 'Field sales', 'Revenue target']);
      assert.deepEqual(
        t.rows.map((r) => `${r.month}|${r.tag}`),
        [
          'Jan|before the period',
          'Feb|before the period',
          'Mar|before the period',
          'Apr|',
          'May|',
          'Jun|',
        ],
      );
      assert.equal(t.totalLabel, 'Total');
      assert.equal(await card(page, 'before-leads').textContent(), grouped(sum(column(t, 'リード').slice(0, 3))));
      assert.match(await page.locator('.card-before-leads dt').textContent(), /needed before the period$/);
      assert.equal(await card(page, 'won-total').textContent(), '21 (target 20, surplus 1)');
      assert.equal(await card(page, 'coverage').textContent(), '4×');
      const peak = (c) => Math.max(...t.rows.map((r) => Number(r.cells[c])));
      assert.equal(await card(page, 'headcount').textContent(), `inside sales ${peak(IS)} · field sales ${peak(FS)}`);
      assert.equal(await card(page, 'velocity').textContent(), '¥1,111,111');
      assert.equal(await page.locator('.card-velocity dt').textContent(), 'Sales velocity (per day, 90 days lead to won)');
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
