// Funnel chart (SPEC §11): an accessible canvas that redraws on every valid edit, sharp on HiDPI,
// sized to its container; plus full-page screenshots for a human look (tests/browser/artifacts/).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useApp, eventually, ensureArtifactsDir } from './support/harness.mjs';
import { setLanguage } from './pages/common.mjs';
import { draws, waitForDrawAfter, expectRequired } from './pages/funnel.mjs';

const app = useApp();
const canvas = (page) => page.locator('.chart canvas');

async function canvasSize(page) {
  return canvas(page).evaluate((c) => {
    const box = c.parentElement;
    return {
      width: c.width,
      height: c.height,
      cssWidth: c.getBoundingClientRect().width,
      cssHeight: c.getBoundingClientRect().height,
      left: c.getBoundingClientRect().left,
      right: c.getBoundingClientRect().right,
      containerWidth: box.clientWidth,
      viewport: document.documentElement.clientWidth,
      dpr: window.devicePixelRatio,
    };
  });
}

/** The canvas fills its container's width and its backing store is CSS size × DPR. */
async function expectSizedToContainer(page) {
  return eventually(async () => {
    const s = await canvasSize(page);
    assert.ok(s.containerWidth > 0);
    assert.ok(Math.abs(s.cssWidth - s.containerWidth) <= 1, `css ${s.cssWidth} vs container ${s.containerWidth}`);
    assert.ok(Math.abs(s.width - s.cssWidth * s.dpr) <= 2, `backing ${s.width} vs ${s.cssWidth} × ${s.dpr}`);
    assert.ok(Math.abs(s.height - s.cssHeight * s.dpr) <= 2, `backing ${s.height} vs ${s.cssHeight} × ${s.dpr}`);
    assert.ok(s.right <= s.viewport + 0.5, `canvas right edge ${s.right} beyond viewport ${s.viewport}`);
    return s;
  });
}

test('the canvas is an image whose accessible name lists every stage count', () =>
  app.withPage(async (page) => {
    const img = page.getByRole('img', { name: /^ファネル図: / });
    await img.waitFor();
    const label = await img.getAttribute('aria-label');
    assert.equal(
      label,
      'ファネル図: 訪問 333,334 (↓ 2%) → リード 6,667 (↓ 10%) → MQL 667 (↓ 30%) → SQL 200 (↓ 40%) → 商談 80 (↓ 25%) → 受注 20',
    );
    assert.equal(await canvas(page).evaluate((c) => c.tagName), 'CANVAS');
    await setLanguage(page, 'en');
    const en = page.getByRole('img', { name: /^Funnel chart: / });
    await eventually(async () =>
      assert.equal(
        await en.getAttribute('aria-label'),
        'Funnel chart: Visits 333,334 (↓ 2%) → Leads 6,667 (↓ 10%) → MQL 667 (↓ 30%) → SQL 200 (↓ 40%) → Opportunities 80 (↓ 25%) → Won deals 20',
      ),
    );
  }));

test('a valid edit redraws the chart and updates its label; an invalid one keeps the last chart', () =>
  app.withPage(async (page) => {
    const win = page.getByLabel('受注率（商談 → 受注）', { exact: true });
    for (const [value, opps] of [['50', '40'], ['20', '100'], ['２５％', '80']]) {
      const before = await draws(page);
      await win.fill(value);
      await waitForDrawAfter(page, before);
      await eventually(async () =>
        assert.match(await canvas(page).getAttribute('aria-label'), new RegExp(`商談 ${opps} \\(`)),
      );
    }
    const before = await draws(page);
    await win.fill('abc');
    await page.locator('.stale-notice').waitFor();
    await eventually(async () => assert.match(await page.locator('figure.chart').getAttribute('class'), /stale/));
    assert.match(await canvas(page).getAttribute('aria-label'), /商談 80 \(/, 'last valid chart kept');
    assert.ok((await draws(page)) >= before);
    // a stage added → one more bar in the label, and a redraw
    const beforeAdd = await draws(page);
    await win.fill('25');
    await page.getByRole('button', { name: 'MQLの後に段階を追加', exact: true }).click();
    await waitForDrawAfter(page, beforeAdd);
    await eventually(async () =>
      assert.match(await canvas(page).getAttribute('aria-label'), /MQL 1,334 \(↓ 30%\) → 新しい段階 400 \(↓ 50%\) → SQL 200/),
    );
  }));

test('each draw stamps the canvas with its time (read by scripts/bench)', () =>
  app.withPage(async (page) => {
    const first = await page.evaluate(() => Number(document.querySelector('.chart canvas').getAttribute('data-drawn-at')));
    assert.equal(typeof first, 'number');
    assert.ok(Number.isFinite(first) && first > 0);
    const before = await draws(page);
    await page.getByLabel('受注率（商談 → 受注）', { exact: true }).fill('30');
    await waitForDrawAfter(page, before);
    const later = await page.evaluate(() => Number(document.querySelector('.chart canvas').getAttribute('data-drawn-at')));
    assert.ok(later > first, `${later} > ${first}`);
  }));

test('HiDPI: with deviceScaleFactor 2 the backing store is twice the CSS size', () =>
  app.withPage(
    async (page) => {
      const s = await expectSizedToContainer(page);
      assert.equal(s.dpr, 2);
      assert.ok(Math.abs(s.width - 2 * s.cssWidth) <= 2, `${s.width} ≈ 2 × ${s.cssWidth}`);
      assert.ok(Math.abs(s.height - 2 * s.cssHeight) <= 2, `${s.height} ≈ 2 × ${s.cssHeight}`);
    },
    { deviceScaleFactor: 2 },
  ));

// BUG: the chart grows with its container but never shrinks. `.results` (style/main.css) is a
// grid with an implicit `auto` column, and the canvas gets a fixed CSS width (`style="width:818px"`,
// src/ui/funnel_chart.rs `draw`), so the drawn canvas's min-content width holds the column open:
// the ResizeObserver on `.chart-box` never sees it narrow, nothing is redrawn, and at 375 px the
// 818 px canvas (and the table/cards beside it) overflow the page (scrollWidth 851). Expected: the
// canvas is redrawn at the container's new width. (Giving `.results` `grid-template-columns:
// minmax(0, 1fr)` or the figure/chart box `min-width: 0; overflow: hidden` would break the loop.)
test('the canvas follows its container from 1280 px to 375 px and back', () =>
  app.withPage(async (page) => {
    const wide = await expectSizedToContainer(page);
    assert.ok(wide.cssWidth > 600, `wide canvas ${wide.cssWidth}`);

    let before = await draws(page);
    await page.setViewportSize({ width: 375, height: 812 });
    await waitForDrawAfter(page, before);
    const narrow = await expectSizedToContainer(page);
    assert.ok(narrow.cssWidth < 375 && narrow.cssWidth > 250, `narrow canvas ${narrow.cssWidth}`);
    assert.ok(narrow.left >= 0);
    assert.ok(
      (await page.evaluate(() => document.scrollingElement.scrollWidth)) <= 375,
      'no horizontal overflow after narrowing the window',
    );

    before = await draws(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await waitForDrawAfter(page, before);
    const back = await expectSizedToContainer(page);
    assert.ok(Math.abs(back.cssWidth - wide.cssWidth) <= 1);
  }));

test('the canvas grows with its container from 375 px to 1280 px', () =>
  app.withPage(
    async (page) => {
      const narrow = await expectSizedToContainer(page);
      assert.ok(narrow.cssWidth < 375, `narrow canvas ${narrow.cssWidth}`);
      const before = await draws(page);
      await page.setViewportSize({ width: 1280, height: 900 });
      await waitForDrawAfter(page, before);
      const wide = await expectSizedToContainer(page);
      assert.ok(wide.cssWidth > 600, `wide canvas ${wide.cssWidth}`);
    },
    { viewport: { width: 375, height: 812 } },
  ));

async function expectNoOverflow(page, what) {
  try {
    await expectSizedToContainer(page);
  } catch (err) {
    err.message = `${what}: ${err.message}`;
    throw err;
  }
  const overflow = await page.evaluate(() => {
    const sw = document.scrollingElement.scrollWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > 375.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} → ${Math.round(el.getBoundingClientRect().right)}`);
    return { sw, wide };
  });
  assert.ok(overflow.sw <= 375, `${what}: scrollWidth ${overflow.sw}; ${overflow.wide.join(', ')}`);
}

// BUG (English only, same root cause as the long-name bug below): with 12 stages the visit count
// grows to 21,333,334 and the English table's min-content width (348 px) exceeds the 343 px panel;
// `.results`' implicit `auto` grid column grows with it instead of letting `.table-wrap` scroll,
// so the page overflows (scrollWidth 381 at 375 px). Japanese passes only because its labels are
// narrower.
for (const lang of ['ja', 'en']) {
  test(`no horizontal page overflow at 375 px (${lang}): default, with error messages, with 12 stages`, () =>
    app.withPage(
      async (page) => {
        if (lang === 'en') await setLanguage(page, 'en');
        await expectNoOverflow(page, 'default');
        const target = page.getByLabel(lang === 'ja' ? '売上目標（KGI）' : 'Revenue target (KGI)', { exact: true });
        const win = page.getByLabel(
          lang === 'ja' ? '受注率（商談 → 受注）' : 'Win rate (Opportunity → Won deal)',
          { exact: true },
        );
        await target.fill('abc');
        await win.fill('120%');
        await page.locator('.stale-notice').waitFor();
        await expectNoOverflow(page, 'error messages');
        await target.fill('1億');
        await win.fill('25');
        const add = lang === 'ja' ? '訪問の後に段階を追加' : 'Add a stage after Visits';
        for (let i = 0; i < 6; i++) await page.getByRole('button', { name: add, exact: true }).click();
        await eventually(async () => assert.equal(await page.locator('table.stage-table tbody tr').count(), 12));
        await expectNoOverflow(page, '12 stages');
      },
      { viewport: { width: 375, height: 812 } },
    ));
}

// BUG: a long stage name (up to the allowed 40 characters) widens the results panel beyond a
// 375 px screen: the table cells are `white-space: nowrap` and `.results` is a grid whose
// implicit `auto` column grows to the table's min-content width (the `.table-wrap` scroller
// cannot help because its grid ancestor has already grown). The chart is then redrawn at that
// width, and because of the bug above it stays that wide even after the name is shortened again
// (scrollWidth 485 at 375 px). Expected: the table scrolls inside `.table-wrap`, the page does not.
test('no horizontal page overflow at 375 px with a long stage name', () =>
  app.withPage(
    async (page) => {
      const name = page.getByLabel('段階3の名前', { exact: true });
      await name.fill('Marketing qualified leads (long name)');
      await eventually(async () =>
        assert.equal((await page.locator('table.stage-table tbody th').nth(2).textContent()).trim(), 'Marketing qualified leads (long name)'),
      );
      await expectNoOverflow(page, 'long stage name');
      await name.fill('MQL');
      await expectNoOverflow(page, 'name shortened again');
    },
    { viewport: { width: 375, height: 812 } },
  ));

test('at 1280 × 800 the headline numbers are visible without scrolling', () =>
  app.withPage(
    async (page) => {
      for (const id of ['headline-won', 'headline-opps', 'headline-leads', 'headline-pipeline']) {
        const box = await page.locator(`[data-testid="${id}"]`).boundingBox();
        assert.ok(box && box.y + box.height <= 800, `${id} bottom at ${box && box.y + box.height}`);
      }
    },
    { viewport: { width: 1280, height: 800 } },
  ));

const SHOTS = [
  { file: 'phone-375-ja.png', viewport: { width: 375, height: 812 }, lang: 'ja' },
  { file: 'phone-375-en.png', viewport: { width: 375, height: 812 }, lang: 'en' },
  { file: 'desktop-1280-ja.png', viewport: { width: 1280, height: 900 }, lang: 'ja' },
  { file: 'desktop-1280-en.png', viewport: { width: 1280, height: 900 }, lang: 'en' },
  { file: 'desktop-1280-ja-invalid.png', viewport: { width: 1280, height: 900 }, lang: 'ja', invalid: true },
];

for (const shot of SHOTS) {
  test(`screenshot ${shot.file}`, () =>
    app.withPage(
      async (page) => {
        if (shot.lang === 'en') await setLanguage(page, 'en');
        if (shot.invalid) {
          await page.getByLabel('受注率（商談 → 受注）', { exact: true }).fill('120%');
          await page.getByLabel('平均受注単価', { exact: true }).fill('abc');
          await page.locator('.stale-notice').waitFor();
        }
        await expectSizedToContainer(page);
        await expectRequired(page, shot.lang === 'en' ? { 'Won deals': '20' } : { 受注: '20' });
        // fonts are ready before the picture is taken (Japanese glyphs, not tofu)
        await page.evaluate(() => document.fonts.ready);
        const file = path.join(ensureArtifactsDir(), shot.file);
        await page.screenshot({ path: file, fullPage: true });
      },
      { viewport: shot.viewport },
    ));
}
