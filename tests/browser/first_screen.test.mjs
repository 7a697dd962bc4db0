// The first screen in the page: a first visit sees the default answer before the WASM has run,
// it is exactly what the app then shows, what is typed into it is kept, and anyone who may see
// something else (a saved scenario, a link) gets a loading line instead of figures.
//
// The WASM's download is held (or refused) with a route, so the page is seen as it is before
// the app runs, as on a slow phone.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useApp, waitForApp } from './support/harness.mjs';
import { DEFAULT_REQUIRED_JA, KEYS, encodeLink, scenarioJson } from './support/fixtures.mjs';
import { seedStorage } from './support/storage.mjs';
import { expectRequired } from './pages/funnel.mjs';

const app = useApp();
const WASM = /funnel-app-[0-9a-f]+_bg\.wasm$/;

/** Holds the calculator's WASM until the returned function is called. */
async function holdWasm(context) {
  let release;
  const released = new Promise((r) => {
    release = r;
  });
  await context.route(WASM, async (route) => {
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

/** A first visitor's page at 375 px with the WASM held; `release` lets it through. */
async function openHeld() {
  let release;
  const opened = await openPage(app, {
    viewport: { width: 375, height: 800 },
    init: async (c) => {
      release = await holdWasm(c);
    },
  });
  return { ...opened, release };
}

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

test('what is typed into the first screen before the WASM runs is kept, with the focus', async () => {
  const { context, page, errors, release } = await openHeld();
  try {
    await page.goto(app.url);
    await beforeTheApp(page);
    const target = page.getByLabel('売上目標（KGI）', { exact: true });
    const waiting = () =>
      page.evaluate(() => {
        const headline = document.querySelector('.headline');
        const note = document.querySelector('.results-block');
        return {
          marked: document.documentElement.classList.contains('prerender-typed'),
          headline: headline && getComputedStyle(headline).filter,
          note: note && getComputedStyle(note, '::before').content,
        };
      });
    assert.deepEqual(await waiting(), { marked: false, headline: 'none', note: 'none' });
    await target.fill('2億');
    await target.focus();
    // the first screen's figures (for 1億) no longer answer what is typed: marked as waiting
    assert.deepEqual(await waiting(), {
      marked: true,
      headline: 'grayscale(1)',
      note: '"入力した値で計算し直しています…"',
    });

    release();
    await waitForApp(page);
    assert.equal(await page.locator('#prerender').count(), 0);
    assert.deepEqual(await waiting(), { marked: false, headline: 'none', note: 'none' });
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
    try {
      await page.goto(app.url + opts.path);
      await beforeTheApp(page);
      assert.equal(await page.locator('#prerender .boot-note').isVisible(), true);
      assert.equal(await page.locator('table.stage-table').first().isVisible(), false);
      const shown = await page.evaluate(() => document.body.innerText);
      assert.ok(!shown.includes('333,334'), shown);
      assert.ok(!shown.includes('1億'), shown);
    } finally {
      await context.close();
    }
  });
}
