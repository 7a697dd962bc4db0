// Export and import (issue: sharing/export): CSV of the results table (UTF-8 with BOM), PNG of
// the funnel chart at its displayed HiDPI resolution, JSON of a scenario that re-imports as a new
// scenario; import validates exactly like a link and never overwrites a scenario.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useApp, withOpenPage, eventually, captureDownload, screenshot } from './support/harness.mjs';
import { scenarioJson, KEYS, DEFAULT_REQUIRED_JA } from './support/fixtures.mjs';
import { storageDump, storedScenario } from './support/storage.mjs';
import { setLanguage, field, button } from './pages/common.mjs';
import { expectRequired, readTable } from './pages/funnel.mjs';
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

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** A temporary file with `content`, for the file input. */
function tempFile(name, content) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'funnel-browser-import-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

async function importFile(page, file) {
  await openSharePanel(page);
  await page.locator('#import-file').setInputFiles(file);
}

/** Splits CSV text (after the BOM) into rows of fields; quoted fields may hold commas. */
function parseCsv(text) {
  assert.ok(text.endsWith('\r\n'), 'CRLF line ends');
  return text
    .slice(0, -2)
    .split('\r\n')
    .map((line) => {
      const fields = [];
      let i = 0;
      while (i <= line.length) {
        if (line[i] === '"') {
          let value = '';
          i += 1;
          while (i < line.length) {
            if (line[i] === '"' && line[i + 1] === '"') {
              value += '"';
              i += 2;
            } else if (line[i] === '"') {
              i += 1;
              break;
            } else value += line[i++];
          }
          fields.push(value);
          i += 1; // the comma
        } else {
          const end = line.indexOf(',', i);
          const stop = end === -1 ? line.length : end;
          fields.push(line.slice(i, stop));
          i = stop + 1;
        }
      }
      return fields;
    });
}

test('CSV of the results table: UTF-8 with a BOM, Japanese headers, the required counts', () =>
  withOpenPage(app, async (page) => {
    await openSharePanel(page);
    const { name, bytes } = await captureDownload(page, button(page, 'CSV書き出し（結果表）'));
    assert.equal(name, '基本計画.csv');
    assert.deepEqual(bytes.subarray(0, 3), BOM, 'the file starts with EF BB BF');
    const text = bytes.subarray(3).toString('utf8');
    assert.ok(!text.startsWith('\ufeff'), 'one BOM only');
    const rows = parseCsv(text);
    assert.deepEqual(rows[0], ['段階', '必要数', '正確な値', '次の段階への転換率', '受注までの累積転換率', '見込み（順算）']);
    assert.deepEqual(
      rows.slice(1).map((r) => r.slice(0, 2)),
      [
        ['訪問', '333334'],
        ['リード', '6667'],
        ['MQL', '667'],
        ['SQL', '200'],
        ['商談', '80'],
        ['受注', '20'],
      ],
    );
    for (const n of ['333334', '6667', '667', '200', '80', '20']) assert.ok(text.includes(n), n);
    assert.deepEqual(rows.slice(1).map((r) => r[2]), ['333333.33', '6666.67', '666.67', '200.00', '80.00', '20.00']);
    assert.deepEqual(rows.slice(1).map((r) => r[3]), ['2%', '10%', '30%', '40%', '25%', '']);
    // the forward column starts at the entry stage (leads; with no count typed, the plan's 6,667)
    assert.equal(rows[1][5], '');
    assert.equal(rows[2][5], '6667.00');
    assert.ok(rows.every((r) => r.length === 6), 'every row has all six columns');
    // the same rows the table shows
    const table = await readTable(page);
    assert.deepEqual(
      rows.slice(1).map((r) => r[0]),
      table.map((r) => r.stage),
    );
  }));

test('CSV follows the edits and the language, and defuses formula-like stage names', () =>
  withOpenPage(app, async (page) => {
    await field(page, '売上目標（KGI）').fill('2億');
    await page.getByLabel('段階1の名前', { exact: true }).fill('=HYPERLINK("x","y")');
    await page.getByLabel('段階2の名前', { exact: true }).fill('リード, 問い合わせ');
    await expectRequired(page, { 受注: '40' });
    await setLanguage(page, 'en');
    await openSharePanel(page);
    const { bytes } = await captureDownload(page, button(page, 'Export CSV (results)'));
    assert.deepEqual(bytes.subarray(0, 3), BOM);
    const rows = parseCsv(bytes.subarray(3).toString('utf8'));
    assert.deepEqual(rows[0], ['Stage', 'Required', 'Exact value', 'To next stage', 'To won (cumulative)', 'Expected (forward)']);
    assert.deepEqual(rows[1].slice(0, 2), ['\'=HYPERLINK("x","y")', '666667']);
    assert.deepEqual(rows[2].slice(0, 2), ['リード, 問い合わせ', '13334']);
    assert.deepEqual(rows[6].slice(0, 2), ['Won deals', '40']);
  }));

test('PNG of the funnel chart has the canvas backing-store size (CSS size × device pixel ratio 2) under a caption band', () =>
  withOpenPage(
    app,
    async (page) => {
      await openSharePanel(page);
      const canvas = await page.locator('.chart canvas').evaluate((c) => {
        const r = c.getBoundingClientRect();
        return { width: c.width, height: c.height, cssWidth: r.width, cssHeight: r.height, dpr: devicePixelRatio };
      });
      assert.equal(canvas.dpr, 2);
      assert.equal(canvas.width, Math.round(canvas.cssWidth * 2));
      assert.equal(canvas.height, Math.round(canvas.cssHeight * 2));
      const { name, bytes } = await captureDownload(page, button(page, 'PNG書き出し（ファネル図）'));
      assert.equal(name, '基本計画.png');
      assert.deepEqual(bytes.subarray(0, 8), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'PNG signature');
      assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
      const width = bytes.readUInt32BE(16);
      const height = bytes.readUInt32BE(20);
      // the caption (scenario name; target, period and date) adds two 22 px lines and 12 px of
      // padding above the chart, at the device pixel ratio
      assert.deepEqual({ width, height }, { width: canvas.width, height: canvas.height + (2 * 22 + 12) * 2 });
      assert.ok(bytes.length > 5000, `${bytes.length} bytes: the chart is drawn, not blank`);
    },
    { deviceScaleFactor: 2 },
  ));

test('the PNG button is hidden in the compare view', () =>
  withOpenPage(app, async (page) => {
    await openSharePanel(page);
    assert.equal(await button(page, 'PNG書き出し（ファネル図）').isVisible(), true);
    await page.getByRole('tab', { name: '比較', exact: true }).click();
    await page.locator('table.compare-table').waitFor();
    assert.equal(await button(page, 'PNG書き出し（ファネル図）').isVisible(), false);
  }));

test('JSON export holds the scenario and re-imports as a new scenario with the same numbers', () =>
  withOpenPage(app, async (page) => {
    await rename(page, '輸出テスト');
    await field(page, '売上目標（KGI）').fill('2億');
    await field(page, '受注率（商談 → 受注）').fill('20');
    await expectRequired(page, { 受注: '40', 商談: '200', 訪問: '833,334' });
    const table = await readTable(page);
    await openSharePanel(page);
    const exported = await captureDownload(page, button(page, 'JSON書き出し'));
    assert.equal(exported.name, '輸出テスト.json');
    const json = JSON.parse(exported.bytes.toString('utf8'));
    assert.equal(json.format, 'funnel-calculator-scenario');
    assert.equal(json.version, 3);
    assert.equal(json.name, '輸出テスト');
    assert.equal(json.draft.target, '2億');
    assert.equal(json.draft.stages[4].rate, '20');
    const stored = await eventually(async () => {
      const s = await storedScenario(page, 1);
      assert.deepEqual(s, json, 'the export equals what is saved');
      return s;
    });
    const before = await storageDump(page);

    // back to other numbers, then import: a new scenario, opened, with the exported numbers
    await button(page, '新規').click();
    await expectRequired(page, DEFAULT_REQUIRED_JA);
    await eventually(async () => assert.deepEqual(await scenarioNames(page), ['輸出テスト', '新しいシナリオ']));
    await importFile(page, exported.path);
    await expectNotice(page, '「輸出テスト (2)」を新しいシナリオとして読み込みました。');
    await eventually(async () =>
      assert.deepEqual(await scenarioNames(page), ['輸出テスト', '新しいシナリオ', '輸出テスト (2)']),
    );
    assert.equal(await selectedName(page), '輸出テスト (2)');
    await expectRequired(page, { 受注: '40' });
    assert.deepEqual(await readTable(page), table);
    const imported = await eventually(async () => {
      const s = await storedScenario(page, 3);
      assert.ok(s);
      return s;
    });
    assert.deepEqual(imported.draft, stored.draft);
    assert.equal((await storageDump(page))[KEYS.scenario(1)], before[KEYS.scenario(1)], 'the original is unchanged');

    // the same file again: another new scenario (the input was reset), nothing replaced
    await importFile(page, exported.path);
    await expectNotice(page, '「輸出テスト (3)」を新しいシナリオとして読み込みました。');
    await eventually(async () =>
      assert.deepEqual(await scenarioNames(page), ['輸出テスト', '新しいシナリオ', '輸出テスト (2)', '輸出テスト (3)']),
    );
    assert.equal((await storageDump(page))[KEYS.scenario(1)], before[KEYS.scenario(1)]);
  }));

test('a name with HTML survives export and import as text', () =>
  withOpenPage(app, async (page) => {
    await rename(page, XSS);
    await openSharePanel(page);
    const exported = await captureDownload(page, button(page, 'JSON書き出し'));
    assert.equal(exported.name, '___img src=x onerror=alert(1)_.json', 'characters file systems refuse become _');
    assert.equal(JSON.parse(exported.bytes.toString('utf8')).name, XSS);
    await importFile(page, exported.path);
    await expectNotice(page, `「${XSS} (2)」を新しいシナリオとして読み込みました。`);
    await eventually(async () => assert.deepEqual(await scenarioNames(page), [XSS, `${XSS} (2)`]));
    assert.equal(await page.locator('img').count(), 0);
  }));

const V1 = JSON.stringify({
  format: 'funnel-calculator-scenario',
  version: 1,
  name: '旧形式の計画',
  target: '2億',
  deal_size: '500万',
  stages: [
    { kind: 'leads', rate: '10' },
    { kind: 'mql', rate: '30' },
    { kind: 'sql', rate: '40' },
    { kind: 'opportunities', rate: '25' },
    { kind: 'won', rate: '100' },
  ],
  leads: '3,000',
});

test('import accepts a file with a byte-order mark and a version-1 file', () =>
  withOpenPage(app, async (page) => {
    await importFile(page, tempFile('bom.json', `\ufeff${scenarioJson('BOMつき', { target: '3億' })}`));
    await expectNotice(page, '「BOMつき」を新しいシナリオとして読み込みました。');
    await expectRequired(page, { 受注: '60' });
    await importFile(page, tempFile('v1.json', V1));
    await expectNotice(page, '「旧形式の計画」を新しいシナリオとして読み込みました。');
    await expectRequired(page, { 受注: '40', リード: '13,334' });
    assert.deepEqual(await scenarioNames(page), ['基本計画', 'BOMつき', '旧形式の計画']);
  }));

const BAD_FILES = [
  {
    name: 'a truncated file',
    content: () => scenarioJson('途中まで').slice(0, 200),
    reason: '途中で切れているか、書き換えられています',
  },
  {
    name: 'a file from a newer version',
    content: () => scenarioJson('未来', {}, { version: 4 }),
    reason: '新しい版のアプリで作られています',
  },
  {
    name: 'a file over 64 KiB',
    content: () => scenarioJson('大きい').replace('{', `{${' '.repeat(70 * 1024)}`),
    reason: 'データが大きすぎます',
  },
  {
    name: 'a scenario with one stage',
    content: () =>
      scenarioJson('一段', { stages: [{ id: 0, kind: 'won', rate: '100' }], entry_stage: 0, seek: 'deal_size' }),
    reason: '内容がシナリオの形式に合いません',
  },
  {
    name: 'a text over 64 characters',
    content: () => scenarioJson('長い', { target: '1'.repeat(65) }),
    reason: '内容がシナリオの形式に合いません',
  },
  {
    name: 'JSON of another format',
    content: () => JSON.stringify({ format: 'something-else', version: 2, name: 'x' }),
    reason: '途中で切れているか、書き換えられています',
  },
  {
    name: 'a CSV file',
    content: () => '\ufeff段階,必要数\r\n訪問,333334\r\n',
    reason: '途中で切れているか、書き換えられています',
  },
  {
    name: 'an empty file',
    content: () => '',
    reason: '途中で切れているか、書き換えられています',
  },
];

for (const bad of BAD_FILES) {
  test(`import of ${bad.name} is refused with the link's reason and changes nothing`, () =>
    withOpenPage(app, async (page) => {
      await field(page, '売上目標（KGI）').fill('2億');
      await expectRequired(page, { 受注: '40' });
      const before = await eventually(async () => {
        const s = await storageDump(page);
        assert.equal(JSON.parse(s[KEYS.scenario(1)]).draft.target, '2億');
        return s;
      });
      await importFile(page, tempFile('bad.json', bad.content()));
      const notice = await expectNotice(page, 'ファイルを読み込めませんでした');
      assert.equal((await notice.locator('span').textContent()).trim(), `ファイルを読み込めませんでした: ${bad.reason}。`);
      assert.match(await notice.getAttribute('class'), /\berror\b/);
      assert.deepEqual(await scenarioNames(page), ['基本計画']);
      await expectRequired(page, { 受注: '40' });
      assert.deepEqual(await storageDump(page), before);
      assert.equal((await noticeTexts(page)).length, 1);
    }));
}

for (const width of [1280, 375]) {
  test(`screenshot: the toolbar with the share panel open at ${width} px`, () =>
    withOpenPage(
      app,
      async (page) => {
        await openSharePanel(page);
        await screenshot(page, `toolbar-share-${width}`);
        // nothing in the toolbar is wider than the viewport
        const overflow = await page.evaluate(() => {
          const vw = document.documentElement.clientWidth;
          return [...document.querySelectorAll('.toolbar *')]
            .filter((el) => el.getBoundingClientRect().right > vw + 0.5 && el.getClientRects().length)
            .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className}`);
        });
        assert.deepEqual(overflow, [], 'toolbar elements overflow the viewport');
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, 'no horizontal scroll');
      },
      { viewport: { width, height: width < 600 ? 800 : 900 }, deviceScaleFactor: width < 600 ? 2 : 1 },
    ));
}
