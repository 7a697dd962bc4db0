// Language switch (SPEC §0, §1): 日本語 / English buttons, <html lang>, the title and every label
// follow; the choice is remembered in localStorage across reloads.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, eventually, waitForApp } from './support/harness.mjs';
import { expectText, testId, setLanguage, assertNoGarbage } from './pages/common.mjs';
import { readTable } from './pages/funnel.mjs';
import { scenarioNames } from './pages/scenario_bar.mjs';

const app = useApp();
const KEY = 'funnel-calculator.lang';

const TEXTS = {
  ja: {
    title: 'ファネル & KPI 設計電卓',
    labels: [
      '売上目標（KGI）',
      '平均受注単価',
      'CVR（訪問 → リード）',
      'リード → MQL 転換率',
      'MQL → SQL 転換率',
      '商談化率（SQL → 商談）',
      '受注率（商談 → 受注）',
      '段階1の名前',
      'リードの件数（開始点）',
      '開始する段階',
      '求める値',
    ],
    headings: ['目標と転換率', '必要な件数', '順算: 手元の件数から見込む'],
    stages: ['訪問', 'リード', 'MQL', 'SQL', '商談', '受注'],
    columns: ['段階', '必要数', '正確な値', '次の段階への転換率', '受注までの累積転換率', '見込み（順算）'],
    buttons: ['MQLの後に段階を追加', 'SQLを上へ移動', 'SQLを下へ移動', '商談を削除', 'この値を入力に使う'],
    won: '20件',
  },
  en: {
    title: 'Funnel & KPI Design Calculator',
    labels: [
      'Revenue target (KGI)',
      'Average deal size',
      'Visit → Lead CVR',
      'Lead → MQL rate',
      'MQL → SQL rate',
      'SQL → Opportunity rate',
      'Win rate (Opportunity → Won deal)',
      'Stage 1 name',
      'Number of Leads (starting count)',
      'Starting stage',
      'Solve for',
    ],
    headings: ['Goal and conversion rates', 'What the goal needs', 'Forward: what a count will yield'],
    stages: ['Visits', 'Leads', 'MQL', 'SQL', 'Opportunities', 'Won deals'],
    columns: ['Stage', 'Required', 'Exact value', 'To next stage', 'To won (cumulative)', 'Expected (forward)'],
    buttons: [
      'Add a stage after MQL',
      'Move SQL up',
      'Move SQL down',
      'Remove Opportunities',
      'Use this value',
    ],
    won: '20',
  },
};

async function expectLanguage(page, lang) {
  const t = TEXTS[lang];
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  await eventually(async () => assert.equal(await page.title(), t.title));
  await expectText(page, 'h1', t.title);
  const ja = page.getByRole('button', { name: '日本語', exact: true });
  const en = page.getByRole('button', { name: 'English', exact: true });
  assert.equal(await ja.getAttribute('aria-pressed'), String(lang === 'ja'));
  assert.equal(await en.getAttribute('aria-pressed'), String(lang === 'en'));
  for (const label of t.labels) {
    assert.equal(await page.getByLabel(label, { exact: true }).count(), 1, `label "${label}"`);
  }
  for (const heading of t.headings) {
    await page.getByRole('heading', { name: heading, exact: true }).waitFor();
  }
  for (const name of t.buttons) {
    await page.getByRole('button', { name, exact: true }).waitFor();
  }
  assert.deepEqual((await readTable(page)).map((r) => r.stage), t.stages);
  const columns = await page.locator('table.stage-table thead th').allTextContents();
  assert.deepEqual(columns.map((c) => c.trim()), t.columns);
  await expectText(page, testId('headline-won'), t.won);
  // no label of the other language is left behind
  const other = TEXTS[lang === 'ja' ? 'en' : 'ja'];
  for (const label of other.labels) {
    assert.equal(await page.getByLabel(label, { exact: true }).count(), 0, `stale label "${label}"`);
  }
  await assertNoGarbage(page);
}

async function storedLang(page) {
  return page.evaluate((k) => localStorage.getItem(k), KEY);
}

test('Japanese by default, English after the toggle, and back', () =>
  app.withPage(async (page) => {
    await expectLanguage(page, 'ja');
    await setLanguage(page, 'en');
    await expectLanguage(page, 'en');
    assert.match(await storedLang(page), /^"?en"?$/);
    await setLanguage(page, 'ja');
    await expectLanguage(page, 'ja');
    assert.match(await storedLang(page), /^"?ja"?$/);
  }));

test('a scenario under the name the page gave it follows the language; a typed name stays', () =>
  app.withPage(async (page) => {
    assert.deepEqual(await scenarioNames(page), ['基本計画']);
    await setLanguage(page, 'en');
    await eventually(async () => assert.deepEqual(await scenarioNames(page), ['Base plan']));
    await setLanguage(page, 'ja');
    await eventually(async () => assert.deepEqual(await scenarioNames(page), ['基本計画']));
    const name = page.locator('#scenario-name');
    await name.fill('自社の計画');
    await name.press('Enter');
    await eventually(async () => assert.deepEqual(await scenarioNames(page), ['自社の計画']));
    await setLanguage(page, 'en');
    await page.waitForTimeout(300);
    assert.deepEqual(await scenarioNames(page), ['自社の計画']);
  }));

test('a reload keeps the chosen language', () =>
  app.withPage(async (page) => {
    await setLanguage(page, 'en');
    await page.reload();
    await waitForApp(page);
    await expectLanguage(page, 'en');
    await page.reload();
    await waitForApp(page);
    await expectLanguage(page, 'en');

    await setLanguage(page, 'ja');
    await page.reload();
    await waitForApp(page);
    await expectLanguage(page, 'ja');
  }));

test('the language buttons work from the keyboard and keep their own language tag', () =>
  app.withPage(async (page) => {
    const en = page.getByRole('button', { name: 'English', exact: true });
    assert.equal(await en.getAttribute('lang'), 'en');
    assert.equal(await page.getByRole('button', { name: '日本語', exact: true }).getAttribute('lang'), 'ja');
    await en.focus();
    await page.keyboard.press('Enter');
    await expectLanguage(page, 'en');
    await page.getByRole('button', { name: '日本語', exact: true }).focus();
    await page.keyboard.press('Space');
    await expectLanguage(page, 'ja');
  }));

test('a garbage stored language falls back to Japanese without errors', () =>
  app.withPage(async (page) => {
    await page.evaluate((k) => localStorage.setItem(k, 'klingon'), KEY);
    await page.reload();
    await waitForApp(page);
    await expectLanguage(page, 'ja');
    await page.evaluate((k) => localStorage.setItem(k, '{not json'), KEY);
    await page.reload();
    await waitForApp(page);
    await expectLanguage(page, 'ja');
  }));
