// Import actuals (実績の取り込み, `#view=import`): the fixtures of scripts/make_import_fixtures.py
// chosen with the file input, dropped on the page or pasted; the mapping selects (found by the
// column headers and stage values they map); "use as the plan's rates" with its preview and
// undo; the KPI tree filled from a span of months; bad rows and their CSV; bad files; the
// mapping remembered without any row in storage; no network request while importing; a
// 100,000-row file; screenshots at 375 and 1280 px in both languages.
//
// The fixtures hold 12 deals: 5 won, 3 lost, 4 open. Expected figures are computed by hand (see
// crates/model/tests/import_fixtures.rs): win rate 5 ÷ 8 = 62.5 %, average won deal ¥2,000,000,
// days to win 20, 30, 30, 45, 90 → median 30, 80th percentile 45.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { REPO_DIR } from './support/config.mjs';
import { useApp, withOpenPage, eventually, captureDownload, fullPageScreenshot } from './support/harness.mjs';
import { setLanguage, assertNoGarbage, field, button } from './pages/common.mjs';
import { summary, card, choose, expectSummary, selectedText, chooseInPage } from './pages/import.mjs';

const app = useApp();
const FIXTURES = path.resolve(REPO_DIR, 'crates/model/tests/import_fixtures');
const fixture = (name) => path.join(FIXTURES, name);
const IMPORT = { path: '#view=import', ready: (page) => page.locator('#actuals-file').waitFor({ state: 'attached' }) };

test('a HubSpot export chosen with the file input maps itself and shows the actuals', () =>
  withOpenPage(app, async (page) => {
    await assertNoGarbage(page, 'import view, empty');
    await choose(page, fixture('hubspot_deals_en.csv'));
    await expectSummary(page, '12行を使い、0行を除外しました');
    // Column roles suggested from the English HubSpot headers.
    assert.equal(await selectedText(page, 'Deal Stage'), '段階（ステージ）');
    assert.equal(await selectedText(page, 'Create Date'), '作成日');
    assert.equal(await selectedText(page, 'Close Date'), 'クローズ日');
    assert.equal(await selectedText(page, 'Amount'), '金額');
    assert.equal(await selectedText(page, 'Original Source'), 'チャネル（ソース）');
    assert.equal(await selectedText(page, 'Record ID'), '使わない');
    // Stage values suggested.
    assert.equal(await selectedText(page, 'Closed Won'), '受注');
    assert.equal(await selectedText(page, 'Closed Lost'), '失注');
    assert.equal(await selectedText(page, 'Contract Sent'), '商談（進行中）');
    // The encoding found, with the override select.
    assert.match(await page.locator('.import-file-name').textContent(), /hubspot_deals_en\.csv — 文字コードは UTF-8 と判定しました/);
    assert.equal(await selectedText(page, '文字コード'), 'UTF-8（自動判定）');
    // Headline figures.
    assert.equal(await card(page, '受注率（決着分）').textContent(), '62.5%');
    assert.equal(await card(page, '平均受注単価').textContent(), '200万円');
    assert.equal(await card(page, '受注までの日数（中央値）').textContent(), '30日');
    assert.equal(await card(page, '受注の80%が決まるまで').textContent(), '45日');
    // Stage conversion: decided and still open side by side.
    const conv = await page.locator('.results-block', { hasText: '段階ごとの転換率' }).locator('tbody tr').first().locator('th, td').allTextContents();
    assert.deepEqual(conv.map((s) => s.trim()), ['受注率（商談 → 受注）', '12', '5', '3', '4', '62.5%', '41.67%']);
    // Cohorts: March's period ratio (2 won in March ÷ 3 created) beside its cohort (1 ÷ 3).
    const march = await page.locator('.results-block', { hasText: 'コホート' }).locator('tbody tr', { hasText: '2026-03' }).locator('td').allTextContents();
    assert.deepEqual(march.map((s) => s.trim()), ['3', '1', '1', '33.33%', '2', '66.67%']);
    // Channels: paid search 6 deals, 2 won.
    const paid = await page.locator('table.import-channels tbody tr', { hasText: 'Paid Search' }).locator('td.num').allTextContents();
    assert.deepEqual(paid.slice(0, 3), ['6', '2', '33.33%']);
    // A typed cost gives CPL and CPA: ¥600,000 ÷ 6 deals, ÷ 2 won.
    await page.getByLabel('Paid Search 費用', { exact: true }).fill('60万');
    await eventually(async () => {
      const cells = await page.locator('table.import-channels tbody tr', { hasText: 'Paid Search' }).locator('td.num').allTextContents();
      assert.deepEqual(cells.slice(3), ['10万円', '30万円']);
    });
    await page.getByLabel('Paid Search 費用', { exact: true }).fill('たくさん');
    await eventually(async () => assert.match(await page.locator('table.import-channels').textContent(), /金額を入れてください/));
    await assertNoGarbage(page, 'import view with results');
  }, IMPORT));

test('a Shift_JIS Salesforce report: encoding detected and overridable, footer reported', () =>
  withOpenPage(app, async (page) => {
    await choose(page, fixture('salesforce_report_ja_sjis.csv'));
    await expectSummary(page, '12行を使い、0行を除外しました');
    assert.match(await page.locator('.import-file-name').textContent(), /Shift_JIS \(CP932\) と判定しました/);
    assert.equal(await selectedText(page, 'フェーズ'), '段階（ステージ）');
    assert.equal(await selectedText(page, '完了予定日'), 'クローズ日');
    assert.equal(await card(page, '受注率（決着分）').textContent(), '62.5%');
    const footer = await page.locator('.footer-lines li').allTextContents();
    assert.deepEqual(footer, [
      // Every record spans two lines (the account name holds a line break).
      '27: 総計 (12 レコード)',
      '29: 機密情報 - 配布禁止',
      '30: Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.',
    ]);
    // Read as UTF-8 instead: the headers no longer read, so no date column is found.
    await field(page, '文字コード').selectOption('utf-8');
    await eventually(async () => assert.match(await page.locator('.import-columns').textContent(), /日付の列が見つかりません/));
    await field(page, '文字コード').selectOption('shift_jis');
    await expectSummary(page, '12行を使い、0行を除外しました');
  }, IMPORT));

test('the same export with Japanese headers (UTF-8 with BOM), dropped on the page', () =>
  withOpenPage(app, async (page) => {
    const bytes = [...fs.readFileSync(fixture('hubspot_deals_ja_bom.csv'))];
    await page.evaluate((bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], 'deals.csv', { type: 'text/csv' }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, bytes);
    await expectSummary(page, '12行を使い、0行を除外しました');
    assert.match(await page.locator('.import-file-name').textContent(), /UTF-8 \(BOM\)/);
    assert.equal(await selectedText(page, '取引ステージ'), '段階（ステージ）');
    assert.equal(await selectedText(page, '受注'), '受注');
    assert.equal(await card(page, '平均受注単価').textContent(), '200万円');
  }, IMPORT));

test('cells pasted from Excel', () =>
  withOpenPage(app, async (page) => {
    await field(page, 'Excel・スプレッドシートから貼り付け').fill(fs.readFileSync(fixture('excel_paste.tsv'), 'utf8'));
    await button(page, '貼り付けたセルを読む').click();
    await expectSummary(page, '12行を使い、0行を除外しました');
    assert.equal(await page.locator('.import-file-name').textContent(), '貼り付けたセル');
    assert.equal(await selectedText(page, '受注日'), 'クローズ日');
    assert.equal(await card(page, '受注までの日数（中央値）').textContent(), '30日');
  }, IMPORT));

test('bad rows are listed by line and reason, downloadable, and a mapping select changes them', () =>
  withOpenPage(app, async (page) => {
    await choose(page, fixture('bad_rows.csv'));
    await expectSummary(page, '3行を使い、6行を除外しました');
    const rows = await page.locator('.import-bad-rows tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
    assert.deepEqual(rows, [
      ['3', 'Create Date', '2026-02-30', '存在しない日付です'],
      ['4', 'Close Date', '2026-01-15', 'クローズ日が作成日より前です'],
      ['5', 'Deal Stage', 'Maybe Later', '対応づけていない段階の値です'],
      ['6', 'Create Date', '', '作成日が空です'],
      ['7', 'Amount', 'lots', '金額として読めません'],
      ['8', '', '', '項目数が2個です（見出しは5個）'],
    ]);
    const { name, bytes } = await captureDownload(page, button(page, '使わなかった行の一覧をダウンロード（CSV）'));
    assert.equal(name, '取り込めなかった行.csv');
    const csv = bytes.toString('utf8');
    assert.ok(csv.startsWith('\uFEFF行,列,値,理由\r\n3,Create Date,2026-02-30,存在しない日付です\r\n'), csv);
    // "Maybe Later" is not an unknown value once it is mapped to lost.
    assert.equal(await selectedText(page, 'Maybe Later'), '選んでください');
    await field(page, 'Maybe Later').selectOption({ label: '失注' });
    await expectSummary(page, '4行を使い、5行を除外しました');
    // A column given another role: the close date as not used makes every won deal lack a date.
    await field(page, 'Close Date').selectOption({ label: '使わない' });
    await eventually(async () => assert.equal(await card(page, '受注までの日数（中央値）').textContent(), '—'));
  }, IMPORT));

test('"use as the plan\'s rates": before → after, applied, then undone', () =>
  withOpenPage(app, async (page) => {
    await choose(page, fixture('hubspot_deals_en.csv'));
    await expectSummary(page, '12行を使い、0行を除外しました');
    await button(page, '計画の転換率として使う').click();
    const preview = page.locator('table.import-plan-preview');
    const rowOf = async (label) =>
      (await preview.locator('tbody tr', { has: page.locator('th', { hasText: label }) }).locator('th, td').allTextContents()).map((s) => s.trim());
    assert.deepEqual(await rowOf('受注率（商談 → 受注）'), ['受注率（商談 → 受注）', '25%', '62.5%']);
    assert.deepEqual(await rowOf('平均受注単価'), ['平均受注単価（円）', '500万', '2,000,000']);
    // Lead time: lags 0, 1, 2, 3 months hold 1, 2, 1, 1 of 5 wins.
    assert.deepEqual((await rowOf('リードタイム')).slice(2), ['20% / 40% / 20% / 20%']);
    await button(page, 'この内容で計画に反映').click();
    await button(page, 'ファネルを見る').click();
    await eventually(async () => assert.equal(await field(page, '受注率（商談 → 受注）').inputValue(), '62.5'));
    assert.equal(await field(page, '平均受注単価').inputValue(), '2,000,000');
    await page.getByRole('tab', { name: '実績の取り込み' }).click();
    // The import is still there after a look at the funnel.
    await expectSummary(page, '12行を使い、0行を除外しました');
    await button(page, '元に戻す').click();
    await page.getByRole('tab', { name: 'ファネル' }).click();
    await eventually(async () => assert.equal(await field(page, '受注率（商談 → 受注）').inputValue(), '25'));
    assert.equal(await field(page, '平均受注単価').inputValue(), '500万');
  }, IMPORT));

test('"use as rate ranges": the decided counts become the Risk view\'s history, undoable', () =>
  withOpenPage(app, async (page) => {
    await choose(page, fixture('hubspot_deals_en.csv'));
    await expectSummary(page, '12行を使い、0行を除外しました');
    await button(page, '転換率の幅として使う').click();
    // Only the win rate has data in a deal export: 5 won of 8 decided (4 still open left out).
    await eventually(async () =>
      assert.match(await page.locator('.import .applied').last().textContent(), /1段階の転換率に実績の件数を入れました。/));
    await button(page, 'リスクと感度を見る').click();
    await eventually(async () => assert.equal(await selectedText(page, '受注率（商談 → 受注）の不確かさ'), '実績（成功数／母数）'));
    assert.equal(await field(page, '受注率（商談 → 受注）の成功数').inputValue(), '5');
    assert.equal(await field(page, '受注率（商談 → 受注）の母数').inputValue(), '8');
    assert.equal(await selectedText(page, '商談化率（SQL → 商談）の不確かさ'), '固定（入力どおり）');
    await page.getByRole('tab', { name: '実績の取り込み' }).click();
    await button(page, '元に戻す').last().click();
    await page.getByRole('tab', { name: 'リスクと感度' }).click();
    await eventually(async () => assert.equal(await selectedText(page, '受注率（商談 → 受注）の不確かさ'), '固定（入力どおり）'));
  }, IMPORT));

test('the KPI tree\'s actuals are filled for a chosen span of months', () =>
  withOpenPage(app, async (page) => {
    await choose(page, fixture('hubspot_deals_en.csv'));
    await expectSummary(page, '12行を使い、0行を除外しました');
    await field(page, '開始月').selectOption({ label: '2026-04' });
    await field(page, '終了月').selectOption({ label: '2026-04' });
    await button(page, 'KPIツリーの実績に入れる').click();
    await eventually(async () => assert.match(await page.locator('.applied').textContent(), /2026-04〜2026-04の実績をKPIツリーに入れました/));
    // April: 3 deals created, 1 won (D5, ¥2,500,000): the opportunities, won, revenue and deal
    // size nodes, as saved with the scenario.
    await eventually(async () => {
      const texts = await page.evaluate(() => {
        const key = Object.keys(localStorage).find((k) => k.startsWith('funnel-calculator.scenario.'));
        return (JSON.parse(localStorage.getItem(key)).draft.kpi.actuals ?? []).map((a) => a.text).sort();
      });
      assert.deepEqual(texts, ['1', '2,500,000', '2,500,000', '3']);
    });
    await button(page, 'KPIツリーを見る').click();
    await eventually(async () => assert.equal(await page.getByRole('tab', { name: 'KPIツリー' }).getAttribute('aria-selected'), 'true'));
    await page.locator('ul.kpi-outline li.kpi-row').first().waitFor();
  }, IMPORT));

test('empty, binary, header-only and date-less files: a clear message, nothing changed', () =>
  withOpenPage(app, async (page) => {
    const input = field(page, 'CSV・TSVファイル');
    const problem = page.locator('.import-problem');
    await input.setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
    await eventually(async () => assert.equal(await problem.textContent(), 'ファイルが空です。何も変更していません。'));
    await input.setInputFiles({ name: 'book.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00binary', 'latin1') });
    await eventually(async () => assert.match(await problem.textContent(), /CSVやTSVのテキストではないようです/));
    await input.setInputFiles({ name: 'head.csv', mimeType: 'text/csv', buffer: Buffer.from('Deal Stage,Create Date\r\n') });
    await eventually(async () => assert.match(await problem.textContent(), /見出しの行しかありません/));
    await input.setInputFiles({ name: 'nodate.csv', mimeType: 'text/csv', buffer: Buffer.from('Name,Amount\nA,100\n') });
    await eventually(async () => assert.match(await page.locator('.import-columns').textContent(), /日付の列が見つかりません/));
    assert.equal(await summary(page).count(), 0);
    // A 200 MB file is refused before it is read.
    await chooseInPage(page, () => {
      const input = document.getElementById("actuals-file");
      const dt = new DataTransfer();
      dt.items.add(new File([new ArrayBuffer(200 * 1024 * 1024)], 'huge.csv', { type: 'text/csv' }));
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await eventually(async () => assert.match(await problem.textContent(), /^このファイルは200 MBあり、取り込める上限（50 MB/));
    // The scenario is untouched.
    await page.getByRole('tab', { name: 'ファネル' }).click();
    assert.equal(await field(page, '受注率（商談 → 受注）').inputValue(), '25');
  }, IMPORT));

test('the mapping is remembered per header set; no row reaches storage; no network request', () =>
  withOpenPage(app, async (page, { context }) => {
    await page.waitForLoadState('networkidle');
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    await choose(page, fixture('bad_rows.csv'));
    await expectSummary(page, '3行を使い、6行を除外しました');
    await field(page, 'Maybe Later').selectOption({ label: '使わない（除外）' });
    await eventually(async () => assert.match(await summary(page).textContent(), /うち1行は「使わない」/));
    await field(page, 'Excel・スプレッドシートから貼り付け').fill(fs.readFileSync(fixture('excel_paste.tsv'), 'utf8'));
    await button(page, '貼り付けたセルを読む').click();
    await expectSummary(page, '12行を使い、0行を除外しました');
    assert.deepEqual(requests, [], 'the import made network requests');
    // Storage holds the mapping (header names and stage values), never a row.
    await page.waitForTimeout(400); // past the autosave debounce
    const stored = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
    const all = JSON.stringify(stored);
    assert.ok(stored['funnel-calculator.import-mappings'], 'mapping remembered');
    for (const raw of ['2026-01-10', 'lots', '1000000', 'D1', 'ウェビナー']) assert.ok(!all.includes(raw), `storage holds ${raw}`);
    // The same headers next time map themselves, the remembered choice included.
    await page.reload();
    await page.locator('#actuals-file').waitFor();
    await choose(page, fixture('bad_rows.csv'));
    await eventually(async () => assert.equal(await selectedText(page, 'Maybe Later'), '使わない（除外）'));
    await eventually(async () => assert.match(await summary(page).textContent(), /うち1行は「使わない」/));
  }, IMPORT));

test('100,000 rows × 20 columns: progress shown, page responsive, results in seconds', () =>
  withOpenPage(app, async (page) => {
    const result = await page.evaluate(async () => {
      const stages = ['Closed Won', 'Closed Lost', 'Contract Sent', 'Appointment Scheduled'];
      const sources = ['Webinar', 'Paid Search', 'Referral', 'Organic Search', 'Trade Show'];
      const head = ['Record ID', 'Deal Name', 'Deal Stage', 'Create Date', 'Close Date', 'Amount', 'Pipeline', 'Deal owner', 'Original Source'];
      for (let i = head.length; i < 20; i++) head.push(`Custom ${i}`);
      const lines = [head.join(',')];
      for (let i = 0; i < 100_000; i++) {
        const stage = stages[i % 4];
        const day = 1 + (i % 28);
        const month = 1 + (i % 12);
        const created = `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        const close = stage.startsWith('Closed') ? `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : '';
        const row = [i, `"Deal ${i}, renewal"`, stage, created, close, 100000 + (i % 50) * 10000, 'Sales Pipeline', 'Sato', sources[i % 5]];
        for (let c = row.length; c < 20; c++) row.push(`value ${c}-${i % 97}`);
        lines.push(row.join(','));
      }
      const file = new File([lines.join('\r\n')], 'big.csv', { type: 'text/csv' });
      let frames = 0;
      let sawProgress = false;
      let running = true;
      const tick = () => {
        frames++;
        if (document.getElementById("actuals-progress")) sawProgress = true;
        if (running) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      const input = document.getElementById("actuals-file");
      const dt = new DataTransfer();
      dt.items.add(file);
      input.files = dt.files;
      const start = performance.now();
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((resolve) => {
        const check = () => (document.querySelector('.import-summary') ? resolve() : setTimeout(check, 5));
        check();
      });
      const elapsed = performance.now() - start;
      running = false;
      return { elapsed, frames, sawProgress, size: file.size, summary: document.querySelector('.import-summary').textContent };
    });
    console.log(`100,000 rows × 20 columns (${(result.size / 1e6).toFixed(1)} MB): ${result.elapsed.toFixed(0)} ms, ${result.frames} frames drawn meanwhile`);
    assert.equal(result.summary.trim(), '100,000行を使い、0行を除外しました');
    assert.ok(result.sawProgress, 'progress shown');
    // The page kept painting while it worked (a frozen tab draws no frame).
    assert.ok(result.frames >= 5, `only ${result.frames} frames`);
    // The budget is 2 s on an idle machine; the shared test machine gets slack.
    assert.ok(result.elapsed < 6_000, `${result.elapsed} ms`);
  }, IMPORT));

// Evaluated through the DevTools protocol, as in a11y.test.mjs (the CSP refuses a <script>).
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

for (const lang of ['ja', 'en']) {
  test(`the import view with results has no serious accessibility violation (${lang})`, () =>
    withOpenPage(app, async (page) => {
      if (lang === 'en') await setLanguage(page, 'en');
      await choose(page, fixture('bad_rows.csv'), lang);
      await page.locator('.import-summary').waitFor();
      await page.evaluate(AXE_SOURCE);
      // eslint-disable-next-line no-undef
      const result = await page.evaluate(async () => axe.run(document, { resultTypes: ['violations'] }));
      const serious = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      assert.deepEqual(serious, []);
    }, IMPORT));
}

for (const lang of ['ja', 'en']) {
  for (const width of [375, 1280]) {
    test(`screenshot ${lang} ${width}px`, () =>
      withOpenPage(app, async (page) => {
        if (lang === 'en') await setLanguage(page, 'en');
        await choose(page, fixture('bad_rows.csv'), lang);
        await page.locator('.import-summary').waitFor();
        await page.getByRole('button', { name: lang === 'ja' ? '計画の転換率として使う' : "Use as the plan's rates", exact: true }).click();
        await assertNoGarbage(page, `import ${lang} ${width}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
        await fullPageScreenshot(page, `import-${lang}-${width}`);
      }, { ...IMPORT, viewport: { width, height: 900 } }));
  }
}
