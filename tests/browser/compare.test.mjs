// Compare view (issue: compare): pick two scenarios and see them side by side — every stage's
// count, the deltas, both funnels; also opened by the address `#view=compare`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, withOpenPage, eventually, waitForApp, screenshot } from './support/harness.mjs';
import { scenarioJson, defaultDraft, KEYS } from './support/fixtures.mjs';
import { seedStorage } from './support/storage.mjs';
import { setLanguage, field, tab } from './pages/common.mjs';
import { expectRequired } from './pages/funnel.mjs';
import { scenarioNames, selectedName } from './pages/scenario_bar.mjs';
import { readCompare, waitForCompare, pick, chartSummaries } from './pages/compare.mjs';

const app = useApp();

const XSS = '"><img src=x onerror=alert(1)>';

const winRate = (rate) => ({
  stages: defaultDraft().stages.map((s) => (s.kind === 'opportunities' ? { ...s, rate } : s)),
});

/** A案 (the default numbers) and B案 (2億, win rate 20 %), B案 open. */
const TWO = {
  [KEYS.scenario(1)]: scenarioJson('A案'),
  [KEYS.scenario(2)]: scenarioJson('B案', { target: '2億', ...winRate('20') }),
  [KEYS.current]: '2',
  [KEYS.lang]: 'ja',
};

const A_VS_B = [
  { label: '売上目標', a: '1億円', b: '2億円', delta: '+1億円' },
  { label: '平均受注単価', a: '500万円', b: '500万円', delta: '±0' },
  { label: '必要パイプライン', a: '4億円', b: '10億円', delta: '+6億円' },
  { label: '訪問', a: '333,334', b: '833,334', delta: '+500,000' },
  { label: 'リード', a: '6,667', b: '16,667', delta: '+10,000' },
  { label: 'MQL', a: '667', b: '1,667', delta: '+1,000' },
  { label: 'SQL', a: '200', b: '500', delta: '+300' },
  { label: '商談', a: '80', b: '200', delta: '+120' },
  { label: '受注', a: '20', b: '40', delta: '+20' },
];

test('two scenarios side by side: every stage count, the deltas and both funnels', () =>
  withOpenPage(
    app,
    async (page) => {
      await tab(page, '比較').click();
      await waitForCompare(page);
      assert.equal(await tab(page, '比較').getAttribute('aria-selected'), 'true');
      assert.equal(await tab(page, 'ファネル').getAttribute('aria-selected'), 'false');
      assert.match(page.url(), /#view=compare$/);
      await page.getByRole('heading', { name: 'シナリオの比較', exact: true }).waitFor();
      assert.deepEqual(await scenarioNames(page, '#compare-a'), ['A案', 'B案']);
      assert.deepEqual(await scenarioNames(page, '#compare-b'), ['A案', 'B案']);

      await pick(page, 'a', 'A案');
      await pick(page, 'b', 'B案');
      await eventually(async () => assert.deepEqual(await readCompare(page), A_VS_B));
      const headers = await page.locator('table.compare-table thead th').allTextContents();
      assert.deepEqual(headers.map((h) => h.trim()), ['段階', 'シナリオA', 'シナリオB', '差（B − A）']);

      // the chance rows have their own columns, and the difference is B − A in points and counts
      const risk = page.getByTestId('compare-risk');
      assert.deepEqual((await risk.locator('thead th').allTextContents()).map((h) => h.trim()),
        ['指標', 'シナリオA', 'シナリオB', '差（B − A）']);
      const [chanceRow, countRow] = await risk.locator('tbody tr').evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent.trim())));
      assert.equal(chanceRow[0], '目標達成の確率');
      assert.equal(chanceRow[1], '69.37%');
      const pct = (t) => Number(t.replace('%', ''));
      const points = (pct(chanceRow[2]) - pct(chanceRow[1])).toFixed(2);
      assert.equal(chanceRow[3], Number(points) > 0 ? `+${points}ポイント` : `−${Math.abs(points).toFixed(2)}ポイント`);
      const num = (t) => Number(t.replace(/[,件]/g, ''));
      const more = num(countRow[2]) - num(countRow[1]);
      assert.ok(more > 0, `B needs more at the top: ${countRow}`);
      assert.equal(countRow[3], `+${more.toLocaleString('en-US')}件`);

      // both funnels, each under its scenario's name, drawn with its own counts
      assert.deepEqual(await page.locator('.compare-charts figcaption h3').allTextContents(), ['A: A案', 'B: B案']);
      await eventually(async () => {
        const [a, b] = await chartSummaries(page);
        assert.match(a, /訪問 333,334 .*リード 6,667 .*MQL 667 .*SQL 200 .*商談 80 .*受注 20$/);
        assert.match(b, /訪問 833,334 .*リード 16,667 .*MQL 1,667 .*SQL 500 .*商談 200 \(↓ 20%\) → 受注 40$/);
      });
      const sizes = await page.locator('.compare-charts canvas').evaluateAll((cs) => cs.map((c) => [c.width, c.height]));
      assert.ok(sizes.every(([w, h]) => w > 100 && h > 100), JSON.stringify(sizes));

      // swapped: the deltas change sign
      await pick(page, 'a', 'B案');
      await pick(page, 'b', 'A案');
      await eventually(async () => {
        const rows = await readCompare(page);
        assert.deepEqual(rows[0], { label: '売上目標', a: '2億円', b: '1億円', delta: '−1億円' });
        assert.deepEqual(rows[3], { label: '訪問', a: '833,334', b: '333,334', delta: '−500,000' });
        assert.deepEqual(rows[8], { label: '受注', a: '40', b: '20', delta: '−20' });
      });
      assert.deepEqual(await page.locator('.compare-charts figcaption h3').allTextContents(), ['A: B案', 'B: A案']);

      // back to the funnel view: the open scenario is still B案
      await tab(page, 'ファネル').click();
      await waitForApp(page);
      assert.doesNotMatch(page.url(), /view=compare/);
      assert.equal(await selectedName(page), 'B案');
      await expectRequired(page, { 受注: '40' });
    },
    { init: (context) => seedStorage(context, TWO) },
  ));

test('#view=compare opens the compare view, the open scenario against the next one', () =>
  withOpenPage(
    app,
    async (page) => {
      assert.equal(await tab(page, '比較').getAttribute('aria-selected'), 'true');
      assert.equal(await page.locator('table.stage-table').count(), 0, 'the funnel view is not shown');
      assert.equal(await selectedName(page, '#compare-a'), 'B案');
      assert.equal(await selectedName(page, '#compare-b'), 'A案');
      const rows = await readCompare(page);
      assert.equal(rows.length, 9);
      assert.deepEqual(rows.at(-1), { label: '受注', a: '40', b: '20', delta: '−20' });
      await page.reload();
      await waitForCompare(page);
      assert.equal(await tab(page, '比較').getAttribute('aria-selected'), 'true', 'the view survives a reload');
    },
    { init: (context) => seedStorage(context, TWO), path: '#view=compare', ready: waitForCompare },
  ));

test('funnels of different lengths line up from the won stage', () =>
  withOpenPage(
    app,
    async (page) => {
      await pick(page, 'a', 'A案');
      await pick(page, 'b', '短い');
      await eventually(async () =>
        assert.deepEqual((await readCompare(page)).slice(3), [
          { label: '訪問', a: '333,334', b: '—', delta: '—' },
          { label: 'リード / 訪問', a: '6,667', b: '66,667', delta: '+60,000' },
          { label: 'MQL / リード', a: '667', b: '1,334', delta: '+667' },
          { label: 'SQL', a: '200', b: '200', delta: '±0' },
          { label: '商談', a: '80', b: '80', delta: '±0' },
          { label: '受注', a: '20', b: '20', delta: '±0' },
        ]),
      );
    },
    {
      init: (context) =>
        seedStorage(context, {
          [KEYS.scenario(1)]: scenarioJson('A案'),
          [KEYS.scenario(2)]: scenarioJson('短い', {
            stages: [
              { id: 0, kind: 'visits', rate: '2' },
              { id: 1, kind: 'leads', rate: '15' },
              { id: 3, kind: 'sql', rate: '40' },
              { id: 4, kind: 'opportunities', rate: '25' },
              { id: 5, kind: 'won', rate: '100' },
            ],
          }),
        }),
      path: '#view=compare',
      ready: waitForCompare,
    },
  ));

test('a scenario with invalid inputs is named instead of compared', () =>
  withOpenPage(
    app,
    async (page) => {
      await pick(page, 'a', 'A案');
      await pick(page, 'b', '壊れた入力');
      await page.getByText('「壊れた入力」には入力エラーがあるため比較できません。', { exact: true }).waitFor();
      assert.equal(await page.locator('table.compare-table tbody tr').count(), 0);
      await pick(page, 'b', 'A案');
      await eventually(async () => assert.equal((await readCompare(page)).length, 9));
      assert.equal(await page.getByText('比較できません', { exact: false }).count(), 0);
    },
    {
      init: (context) =>
        seedStorage(context, {
          [KEYS.scenario(1)]: scenarioJson('A案'),
          [KEYS.scenario(2)]: scenarioJson('壊れた入力', { target: 'abc' }),
          [KEYS.current]: '1',
        }),
      path: '#view=compare',
      ready: (page) => page.locator('#compare-a').waitFor(),
    },
  ));

test('the open scenario is compared as edited, and new scenarios appear in the pickers', () =>
  withOpenPage(
    app,
    async (page) => {
      await page.locator('#scenario-picker').selectOption({ label: 'A案' });
      await field(page, '売上目標（KGI）').fill('3億');
      await expectRequired(page, { 受注: '60' });
      await page.getByRole('button', { name: '新規', exact: true }).click();
      await eventually(async () => assert.deepEqual(await scenarioNames(page), ['A案', 'B案', '新しいシナリオ']));
      await tab(page, '比較').click();
      await waitForCompare(page);
      assert.deepEqual(await scenarioNames(page, '#compare-a'), ['A案', 'B案', '新しいシナリオ']);
      await pick(page, 'a', 'A案');
      await pick(page, 'b', 'B案');
      await eventually(async () => {
        const rows = await readCompare(page);
        assert.deepEqual(rows[0], { label: '売上目標', a: '3億円', b: '2億円', delta: '−1億円' });
        assert.deepEqual(rows.at(-1), { label: '受注', a: '60', b: '40', delta: '−20' });
      });
    },
    { init: (context) => seedStorage(context, TWO) },
  ));

test('the compare view follows the language', () =>
  withOpenPage(
    app,
    async (page) => {
      await setLanguage(page, 'en');
      await page.getByRole('heading', { name: 'Compare scenarios', exact: true }).waitFor();
      const headers = await page.locator('table.compare-table thead th').allTextContents();
      assert.deepEqual(headers.map((h) => h.trim()), ['Stage', 'Scenario A', 'Scenario B', 'Difference (B − A)']);
      await pick(page, 'a', 'A案');
      await pick(page, 'b', 'B案');
      await eventually(async () => {
        const rows = await readCompare(page);
        assert.deepEqual(rows[0], { label: 'Revenue target', a: '¥100,000,000', b: '¥200,000,000', delta: '+¥100,000,000' });
        assert.deepEqual(rows.at(-1), { label: 'Won deals', a: '20', b: '40', delta: '+20' });
      });
      assert.equal(await tab(page, 'Compare').getAttribute('aria-selected'), 'true');
    },
    { init: (context) => seedStorage(context, TWO), path: '#view=compare', ready: waitForCompare },
  ));

test('names with HTML are text in the compare pickers and chart titles', () =>
  withOpenPage(
    app,
    async (page) => {
      assert.deepEqual(await scenarioNames(page, '#compare-a'), [XSS, 'B案']);
      await pick(page, 'a', XSS);
      await pick(page, 'b', 'B案');
      await eventually(async () =>
        assert.deepEqual(await page.locator('.compare-charts figcaption h3').allTextContents(), [`A: ${XSS}`, 'B: B案']),
      );
      assert.equal(await page.locator('img').count(), 0);
    },
    {
      init: (context) =>
        seedStorage(context, { ...TWO, [KEYS.scenario(1)]: scenarioJson(XSS) }),
      path: '#view=compare',
      ready: waitForCompare,
    },
  ));

for (const width of [1280, 375]) {
  test(`screenshot: the compare view at ${width} px`, () =>
    withOpenPage(
      app,
      async (page) => {
        await pick(page, 'a', 'A案');
        await pick(page, 'b', 'B案');
        await eventually(async () => assert.deepEqual(await readCompare(page), A_VS_B));
        await page.locator('.compare-charts').scrollIntoViewIfNeeded();
        await screenshot(page, `compare-${width}`);
        await page.screenshot({ path: (await screenshot(page, `compare-${width}-full`)), fullPage: true });
        assert.equal(
          await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth),
          true,
          'no horizontal scroll of the page',
        );
        // each chart fits its column
        const fit = await page.locator('.compare-charts canvas').evaluateAll((cs) =>
          cs.map((c) => c.getBoundingClientRect().right <= document.documentElement.clientWidth + 0.5),
        );
        assert.deepEqual(fit, [true, true]);
      },
      {
        init: (context) => seedStorage(context, TWO),
        path: '#view=compare',
        ready: waitForCompare,
        viewport: { width, height: width < 600 ? 800 : 900 },
        deviceScaleFactor: width < 600 ? 2 : 1,
      },
    ));
}
