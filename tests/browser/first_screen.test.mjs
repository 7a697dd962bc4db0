// The first screen in the page: a first visit sees the default answer before the WASM has run,
// it is exactly what the app then shows, what is typed into it is kept, and anyone who may see
// something else (a saved scenario, a link) gets a loading line instead of figures.
//
// The WASM's download is held (or refused) with a route, so the page is seen as it is before
// the app runs, as on a slow phone.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openPage, useApp, waitForApp, eventually, ensureArtifactsDir } from './support/harness.mjs';
import { DEFAULT_REQUIRED_JA, KEYS, encodeLink, scenarioJson } from './support/fixtures.mjs';
import { seedStorage } from './support/storage.mjs';
import { expectRequired } from './pages/funnel.mjs';

const app = useApp();
const WASM = /funnel-app-[0-9a-f]+_bg\.wasm$/;
/** The first screen's own small build, which answers the rendering until the app runs. */
const FIRST_WASM = /funnel-first-[0-9a-f]+_bg\.wasm$/;

/** Holds the WASM matching `pattern` (the calculator's) until the returned function is called. */
async function holdWasm(context, pattern = WASM) {
  let release;
  const released = new Promise((r) => {
    release = r;
  });
  await context.route(pattern, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** The words and figures a reader sees in `selector`, one line per block, blanks dropped. */
function visibleText(page, selector) {
  return page.locator(selector).evaluate((el) =>
    el.innerText
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  );
}

/**
 * A first visitor's page at 375 px with the WASM held; `release` lets it through. The first
 * screen's own build is held too (`releaseFirst`), or refused (`first: 'refused'`).
 */
async function openHeld({ first = 'held' } = {}) {
  let release;
  let releaseFirst = () => {};
  const opened = await openPage(app, {
    viewport: { width: 375, height: 800 },
    init: async (c) => {
      release = await holdWasm(c);
      if (first === 'refused') await c.route(FIRST_WASM, (route) => route.abort());
      else releaseFirst = await holdWasm(c, FIRST_WASM);
    },
  });
  return { ...opened, release, releaseFirst };
}

/** Whether the rendering's figures are marked as waiting, and the line that says so. */
function waitingMarks(page) {
  return page.evaluate(() => {
    const style = (selector, pseudo) => {
      const el = document.querySelector(selector);
      return el && getComputedStyle(el, pseudo);
    };
    return {
      marked: document.documentElement.classList.contains('prerender-typed'),
      headline: style('.headline')?.filter,
      summary: style('.compact-summary')?.filter,
      table: style('.table-wrap')?.filter,
      note: style('.results-block', '::before')?.content,
    };
  });
}

const headlineFigures = (page) => page.locator('.results-block [data-testid^="headline-"]').allTextContents();
const summaryFigures = (page) => page.locator('.compact-summary .item b').allTextContents();

/** The page before the app runs: the first screen is shown and the app is not there yet. */
async function beforeTheApp(page) {
  await page.locator('#prerender').waitFor({ state: 'attached' });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

test('a first visit sees the default answer before the WASM runs, and the app shows the same words and figures', async () => {
  const { context, page, errors, release } = await openHeld();
  try {
    await page.goto(app.url);
    await beforeTheApp(page);
    const first = page.locator('#prerender');
    assert.ok(await first.isVisible(), 'the first screen is shown');
    assert.equal(await page.locator('#prerender .boot-note').isVisible(), false);
    await expectRequired(page, DEFAULT_REQUIRED_JA);
    const before = await visibleText(page, '#prerender');
    assert.ok(before.some((line) => line.includes('333,334')), before.join(' | '));

    release();
    await waitForApp(page);
    assert.equal(await page.locator('#prerender').count(), 0, 'the first screen is gone');
    const after = await visibleText(page, 'body');
    assert.deepEqual(after, before, 'the app shows exactly what the first screen showed');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

const NOT_WAITING = { marked: false, headline: 'none', summary: 'none', table: 'none', note: 'none' };
const ALL_WAITING = {
  marked: true,
  headline: 'grayscale(1)',
  summary: 'grayscale(1)',
  table: 'grayscale(1)',
  note: '"入力した値で計算し直しています…"',
};
const CARDS_CURRENT = {
  marked: true,
  headline: 'none',
  summary: 'none',
  table: 'none',
  note: '"必要件数・各段階の件数・ファネル図は入力した値で計算済みです。確率・見込み・ゴールシークは計算し直しています…"',
};

test('what is typed into the first screen before the WASM runs is kept, with the focus', async () => {
  // without the first screen's own build (refused here), every figure waits for the app
  const { context, page, errors, release } = await openHeld({ first: 'refused' });
  try {
    await page.goto(app.url);
    await beforeTheApp(page);
    const target = page.getByLabel('売上目標（KGI）', { exact: true });
    assert.deepEqual(await waitingMarks(page), NOT_WAITING);
    await target.fill('2億');
    await target.focus();
    // the first screen's figures (for 1億) no longer answer what is typed: marked as waiting
    assert.deepEqual(await waitingMarks(page), ALL_WAITING);

    release();
    await waitForApp(page);
    assert.equal(await page.locator('#prerender').count(), 0);
    assert.deepEqual(await waitingMarks(page), NOT_WAITING);
    assert.equal(await target.inputValue(), '2億');
    assert.equal(await target.evaluate((el) => el === document.activeElement), true);
    // 2億 ÷ 500万 = 40 won deals; ÷ 25 % = 160 opportunities; ÷ 40 % = 400 SQL; ÷ 30 % =
    // 1,334 MQL (1,333.3 up); ÷ 10 % = 13,334 leads (from 1,333.33…); ÷ 2 % = 666,667 visits.
    await expectRequired(page, {
      受注: '40',
      商談: '160',
      SQL: '400',
      MQL: '1,334',
      リード: '13,334',
      訪問: '666,667',
    });
    assert.deepEqual(errors.filter((e) => !e.includes('funnel-first')), []);
  } finally {
    await context.close();
  }
});

test('the first screen answers the target, the deal size and the rates before the app runs; anything else waits for it', async () => {
  const { context, page, errors, release, releaseFirst } = await openHeld();
  try {
    await page.goto(app.url);
    await beforeTheApp(page);
    const target = page.getByLabel('売上目標（KGI）', { exact: true });
    const win = page.getByLabel('受注率（商談 → 受注）', { exact: true });
    // typed before the first screen's build arrived: waits, then that build catches up
    await target.fill('2億');
    assert.deepEqual(await waitingMarks(page), ALL_WAITING);
    releaseFirst();
    // 2億 ÷ 500万 = 40 won; ÷ 25 % = 160 opportunities; ÷ 40 % ÷ 30 % ÷ 10 % = 13,333.3 → 13,334
    // leads; pipeline 160 × 500万 = 8億円
    await eventually(async () => assert.deepEqual(await headlineFigures(page), ['40件', '160件', '13,334件', '8億円']));
    assert.deepEqual(await summaryFigures(page), ['40件', '160件', '13,334件', '8億円']);
    // the funnel chart, which the rendering leaves blank, is drawn for what was typed
    const chart = page.locator('#prerender .chart canvas');
    assert.ok(Number(await chart.getAttribute('data-draws')) >= 1, 'the chart is drawn');
    assert.match(await chart.getAttribute('aria-label'), /^ファネル図: 訪問 666,667\D.*リード 13,334\D.*受注 40(\D|$)/);
    // the stage table too: 160 ÷ 40 % = 400 SQL; ÷ 30 % = 1,333.3 → 1,334 MQL; ÷ 10 % → 13,334
    // leads; ÷ 2 % = 666,666.7 → 666,667 visits; its exact column and title follow
    await expectRequired(page, { 受注: '40', 商談: '160', SQL: '400', MQL: '1,334', リード: '13,334', 訪問: '666,667' });
    assert.equal((await page.locator('.stage-table tr[data-stage="2"] td.exact').textContent()).trim(), '1,333.33');
    assert.deepEqual(await waitingMarks(page), CARDS_CURRENT);
    // forward mode's column stays the calculator's to answer, shown as waiting
    assert.equal(
      await page.locator('.stage-table tr[data-stage="1"] td.expected').evaluate((td) => getComputedStyle(td).color),
      'rgb(152, 162, 179)',
    );
    await page.screenshot({ path: path.join(ensureArtifactsDir(), 'first-screen-answering-375.png') });

    // a rate it cannot read: nothing is current until the app says what is wrong
    await win.fill('abc');
    await eventually(async () => assert.deepEqual(await waitingMarks(page), ALL_WAITING));
    // 40 ÷ 50 % = 80 opportunities; ÷ 40 % ÷ 30 % ÷ 10 % = 6,666.7 → 6,667 leads; 80 × 500万 = 4億円
    await win.fill('50');
    await eventually(async () => assert.deepEqual(await summaryFigures(page), ['40件', '80件', '6,667件', '4億円']));
    assert.deepEqual(await headlineFigures(page), ['40件', '80件', '6,667件', '4億円']);
    assert.match(await chart.getAttribute('aria-label'), /商談 80\D.*受注 40(\D|$)/);
    // the rate column and the cumulative rate to won follow the rate typed
    const winRow = page.locator('.stage-table tr[data-stage="4"] td');
    assert.deepEqual((await winRow.allTextContents()).slice(2, 4).map((t) => t.trim()), ['50%', '50%']);
    assert.deepEqual(await waitingMarks(page), CARDS_CURRENT);
    // the deal size too: 2億 ÷ 400万 = 50 won; ÷ 50 % = 100 opportunities; 100 × 400万 = 4億円
    await page.getByLabel('平均受注単価', { exact: true }).fill('400万');
    await eventually(async () => assert.deepEqual(await summaryFigures(page), ['50件', '100件', '8,334件', '4億円']));

    await win.fill('25');
    await win.focus();

    // the app takes over with what was typed (the focused field's change, fired as the first
    // screen goes, is no longer answered there)
    release();
    await waitForApp(page);
    assert.deepEqual(await waitingMarks(page), NOT_WAITING);
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('prerender-live')), false);
    // 2億 ÷ 400万 = 50 won; ÷ 25 % = 200 opportunities; 200 × 400万 = 8億円
    await eventually(async () => assert.deepEqual(await headlineFigures(page), ['50件', '200件', '16,667件', '8億円']));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a stage renamed in the first screen leaves every figure waiting for the app, which keeps the name', async () => {
  const { context, page, errors, release, releaseFirst } = await openHeld();
  try {
    await page.goto(app.url);
    await beforeTheApp(page);
    releaseFirst();
    await page.waitForFunction(() => document.documentElement.classList.contains('prerender-live'));
    // nothing typed yet: the first screen's chart, blank in the rendering, is drawn at once
    assert.match(await page.locator('#prerender .chart canvas').getAttribute('aria-label'), /受注 20(\D|$)/);
    await page.screenshot({ path: path.join(ensureArtifactsDir(), 'first-screen-drawn-375.png'), fullPage: true });
    // only the app answers a renamed stage: every figure waits, and goes on waiting after a rate
    await page.locator('#stage-name-0').fill('Web訪問');
    await eventually(async () => assert.deepEqual(await waitingMarks(page), ALL_WAITING));
    await page.getByLabel('受注率（商談 → 受注）', { exact: true }).fill('50');
    assert.deepEqual(await waitingMarks(page), ALL_WAITING);
    assert.deepEqual(await summaryFigures(page), ['20件', '80件', '6,667件', '4億円'], 'the default answer, marked');

    release();
    await waitForApp(page);
    assert.deepEqual(await waitingMarks(page), NOT_WAITING);
    assert.equal(await page.locator('#stage-name-0').inputValue(), 'Web訪問');
    // 1億 ÷ 500万 = 20 won; ÷ 50 % = 40 opportunities
    await eventually(async () => assert.deepEqual((await headlineFigures(page)).slice(0, 2), ['20件', '40件']));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

for (const [who, opts] of [
  [
    'a returning visitor (a saved scenario)',
    {
      path: '',
      init: (c) =>
        seedStorage(c, {
          [KEYS.scenario(1)]: scenarioJson('自分の計画', { target: '3億' }),
          [KEYS.current]: '1',
        }),
    },
  ],
  ['a visitor following a link', { path: `#s=${encodeLink('共有の計画', { target: '5億' })}` }],
]) {
  test(`${who} sees a loading line, never the default figures, until the app shows theirs`, async () => {
    const { context, page } = await openPage(app, {
      viewport: { width: 375, height: 800 },
      init: async (c) => {
        await opts.init?.(c);
        await c.route(WASM, (route) => route.abort());
      },
    });
    const firstScreenBuild = [];
    page.on('request', (r) => /funnel-first-/.test(r.url()) && firstScreenBuild.push(r.url()));
    try {
      await page.goto(app.url + opts.path);
      await beforeTheApp(page);
      assert.equal(await page.locator('#prerender .boot-note').isVisible(), true);
      assert.deepEqual(firstScreenBuild, [], 'the first screen\'s own build is not loaded');
      assert.equal(await page.locator('table.stage-table').first().isVisible(), false);
      const shown = await page.evaluate(() => document.body.innerText);
      assert.ok(!shown.includes('333,334'), shown);
      assert.ok(!shown.includes('1億'), shown);
    } finally {
      await context.close();
    }
  });
}
