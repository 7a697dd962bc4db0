// The first five minutes of a new user: money and counts as a plan document writes them (exact
// figures on hover and focus), the period set beside the target and named above every period
// total, sample inputs marked as samples, verdicts only once their inputs are given, forward
// mode from the plan, channel totals explained, tabs and skip link by keyboard, the answer on
// the first screen of a phone, channel undo / fill / short list, copy-link confirmation, and a
// keyboard-only run of "¥3億 this fiscal year with ¥300万 deals: how many leads, what budget?".

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, eventually } from './support/harness.mjs';
import { expectText, testId, setLanguage, field } from './pages/common.mjs';
import { expectRequired } from './pages/funnel.mjs';

const app = useApp();

const PHONE = { width: 375, height: 740 };

async function openTab(page, name) {
  await page.getByRole('tab', { name, exact: true }).click();
}

test('money reads like a plan document in Japanese (約 when rounded, exact on hover) and ¥ with separators in English', () =>
  app.withPage(async (page) => {
    await expectText(page, testId('headline-pipeline'), '4億円');
    // ⌈1億 ÷ 3,333,333 ÷ 25 %⌉ = 121 opportunities × ¥3,333,333 = ¥403,333,293: three digits, 約
    await field(page, '平均受注単価').fill('3,333,333');
    await expectText(page, testId('headline-pipeline'), '約4.03億円');
    const approx = page.locator(`${testId('headline-pipeline')} .figure.approx`);
    assert.equal(await approx.getAttribute('title'), '403,333,293円');
    // reachable by keyboard, and the exact figure shows on focus as on hover
    await approx.focus();
    const shown = await approx.evaluate((el) => getComputedStyle(el, '::after').content);
    assert.equal(shown, '"403,333,293円"');
    await setLanguage(page, 'en');
    await expectText(page, testId('headline-pipeline'), '¥403,333,293');
    assert.equal(await page.locator(`${testId('headline-pipeline')} .figure.approx`).count(), 0);
  }));

test('forward mode starts from the plan; expected counts are whole with the exact value on hover', () =>
  app.withPage(async (page) => {
    const count = field(page, 'リードの件数（開始点）');
    assert.equal(await count.inputValue(), '');
    await expectText(page, testId('forward-won'), '20');
    assert.match(await page.locator('#entry-count-hint').textContent(), /計画の件数（6,667件）/);
    assert.equal(await page.locator('.gap-reached').count(), 1);
    // goal seek on the win rate: reachable from the plan, no red "unreachable"
    await field(page, '売上目標（KGI）').fill('3億');
    await expectRequired(page, { 受注: '60' });
    await eventually(async () => assert.equal(await page.locator('.seek-answer.unreachable').count(), 0));
    // a typed count wins; 3,100 leads → 9.3 won deals, shown 9, exact on hover
    await count.fill('3,100');
    await expectText(page, testId('forward-won'), '9');
    assert.equal(await page.locator(`${testId('forward-won')} .figure`).getAttribute('title'), '9.3');
    await eventually(async () => assert.match(await page.locator('.seek-answer').textContent(), /受注率/));
  }));

test('the period is set beside the target, named above every period total and used by the monthly plan', () =>
  app.withPage(async (page) => {
    const inputs = page.locator('section.inputs');
    const order = await inputs.locator('input, select').evaluateAll((els) => els.slice(0, 5).map((e) => e.id));
    assert.deepEqual(order, ['target', 'plan-period', 'plan-period-index', 'plan-fiscal-start', 'deal-size']);
    await expectText(page, `#view-funnel ${testId('period-note')}`, '期間: 第1四半期（4月〜6月）');
    await field(page, '期間の単位').selectOption({ label: '年度' });
    await expectText(page, `#view-funnel ${testId('period-note')}`, '期間: 通期（4月〜3月）');
    await openTab(page, '月次計画');
    // one place: the monthly plan names the period and links back instead of a second set of fields
    assert.equal(await page.locator('#plan-period').count(), 0);
    await expectText(page, `#view-months .results ${testId('period-note')}`, '期間: 通期（4月〜3月）');
    const months = await page.locator('[data-testid="month-table"] tbody tr:not(.before):not(.total)').count();
    assert.equal(months, 12);
    await openTab(page, 'チャネルと予算');
    await expectText(page, `#view-channels ${testId('period-note')}`, '期間: 通期（4月〜3月）');
    await openTab(page, '月次計画');
    await page.getByRole('button', { name: '期間を変える' }).click();
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), 'plan-period'));
  }));

test('tabs follow the WAI-ARIA pattern: one tab stop, arrows, Home and End', () =>
  app.withPage(async (page) => {
    const tabs = page.getByRole('tab');
    const stops = await tabs.evaluateAll((t) => t.map((x) => x.tabIndex));
    assert.deepEqual(stops, [0, ...Array(stops.length - 1).fill(-1)]);
    const last = (await tabs.allTextContents()).at(-1);
    const funnel = page.getByRole('tab', { name: 'ファネル', exact: true });
    await funnel.focus();
    const active = () => page.evaluate(() => document.activeElement?.textContent);
    const selected = () => page.locator('[role=tab][aria-selected=true]').textContent();
    await page.keyboard.press('ArrowRight');
    await eventually(async () => assert.equal(await selected(), '月次計画'));
    assert.equal(await active(), '月次計画');
    assert.match(page.url(), /view=months/);
    await page.keyboard.press('End');
    await eventually(async () => assert.equal(await selected(), last));
    await page.keyboard.press('ArrowRight');
    await eventually(async () => assert.equal(await selected(), 'ファネル'));
    await page.keyboard.press('ArrowLeft');
    await eventually(async () => assert.equal(await selected(), last));
    await page.keyboard.press('Home');
    await eventually(async () => assert.equal(await selected(), 'ファネル'));
    assert.equal(await active(), 'ファネル');
    const panel = page.locator('[role=tabpanel]');
    assert.equal(await panel.getAttribute('aria-labelledby'), await funnel.getAttribute('id'));
  }));

test('a skip link is the first stop and moves focus to the first input', () =>
  app.withPage(async (page) => {
    await page.keyboard.press('Tab');
    const link = page.getByRole('link', { name: '入力欄へ移動' });
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
    const box = await link.boundingBox();
    assert.ok(box && box.y >= 0, 'visible when focused');
    await page.keyboard.press('Enter');
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), 'target'));
  }));

test('at 375 px the answer is on the first screen with the target and deal size; tabs are one scrolling row', () =>
  app.withPage(
    async (page) => {
      const target = await field(page, '売上目標（KGI）').boundingBox();
      assert.ok(target.y + target.height <= PHONE.height, `target field at ${target.y}`);
      await field(page, '平均受注単価').scrollIntoViewIfNeeded();
      const deal = await field(page, '平均受注単価').boundingBox();
      const summary = page.locator(testId('compact-summary'));
      const box = await summary.boundingBox();
      assert.ok(box.y >= 0 && box.y + box.height <= PHONE.height, `summary at ${box.y}`);
      assert.ok(deal.y >= 0 && deal.y + deal.height <= box.y, 'deal size above the summary');
      assert.match(await summary.textContent(), /必要受注数 20件/);
      assert.match(await summary.textContent(), /必要リード数 6,667件/);
      await field(page, '売上目標（KGI）').fill('3億');
      await eventually(async () => assert.match(await summary.textContent(), /必要受注数 60件/));
      // one row of tabs
      const tops = await page.getByRole('tab').evaluateAll((t) => t.map((x) => x.offsetTop));
      assert.equal(new Set(tops).size, 1, `tab rows at ${tops}`);
      // the scenario controls fold behind one button
      assert.equal(await page.locator('#scenario-name').isVisible(), false);
      await page.getByRole('button', { name: /シナリオ: / }).click();
      assert.equal(await page.locator('#scenario-name').isVisible(), true);
      // checkboxes keep their size on a phone
      await openTab(page, '月次計画');
      const check = await page.locator('#plan-seasonal').boundingBox();
      assert.equal(Math.round(check.width), 18);
      // the monthly table's caption stays inside the screen
      const caption = await page.locator('[data-testid="month-table"] caption').boundingBox();
      assert.ok(caption.x >= 0 && caption.x + caption.width <= PHONE.width, `caption ${caption.x}+${caption.width}`);
    },
    { viewport: PHONE },
  ));

test('sample channels and unit economics are marked until changed or confirmed; totals explained; warnings', () =>
  app.withPage(async (page) => {
    await openTab(page, 'チャネルと予算');
    const banners = page.locator(testId('sample-banner'));
    assert.equal(await banners.count(), 2);
    await expectText(page, testId('channel-totals-note'), /受注はチャネルごとのリード→MQL率で計算するため、ファネルの20件に対して\d+件です。/);
    assert.match(await page.locator(testId('channel-totals-note')).textContent(), /訪問数はチャネルごとのCVRで計算するため、ファネルの333,334件ではなく/);
    await field(page, 'Web広告のリード単価').fill('12,000');
    await eventually(async () => assert.equal(await banners.count(), 1));
    await page.getByRole('button', { name: 'この値で確定' }).click();
    await eventually(async () => assert.equal(await banners.count(), 0));
    await page.reload();
    await page.locator('#view-channels').waitFor();
    assert.equal(await banners.count(), 0, 'the confirmation is saved');
    // a budget at or above the target is warned about, with both figures in plan-document style
    await openTab(page, 'ファネル');
    await field(page, '売上目標（KGI）').fill('100万');
    await field(page, '平均受注単価').fill('50万');
    await openTab(page, 'チャネルと予算');
    await expectText(page, testId('budget-warning'), /^マーケティング予算（.+円）が売上目標（100万円）以上です。/);
    await expectText(page, '.economics', /ROMIがマイナスです/);
    const romi = page.locator('.card-romi abbr.term');
    assert.match(await romi.getAttribute('title'), /マーケティング投資利益率/);
  }));

test('coverage gives a verdict only once the open pipeline is given', () =>
  app.withPage(async (page) => {
    await openTab(page, '月次計画');
    await expectText(page, '[data-testid="months-coverage"]', '4倍');
    await field(page, '計画期間の開始時点で進行中の商談金額（任意）').fill('5億');
    await expectText(page, '[data-testid="months-coverage"]', /^4倍（現在 .+倍・足りています）$/);
  }));

test('channels: fill the remaining share, undo a removal; a new scenario starts with three channels', () =>
  app.withPage(async (page) => {
    await openTab(page, 'チャネルと予算');
    await field(page, 'Web広告のリード割合').fill('20');
    await expectText(page, testId('share-total'), '割合の合計 90%');
    await page.getByRole('button', { name: '紹介に残りの割合を割り当て' }).click();
    await expectText(page, testId('share-total'), '割合の合計 100%');
    assert.equal(await field(page, '紹介のリード割合').inputValue(), '15');
    await page.getByRole('button', { name: 'ウェビナーを削除' }).click();
    await eventually(async () => assert.equal(await page.locator('fieldset.channel-card').count(), 6));
    await page.getByRole('button', { name: '元に戻す' }).click();
    await eventually(async () => assert.equal(await page.locator('fieldset.channel-card').count(), 7));
    const names = await page.locator('fieldset.channel-card legend').allTextContents();
    assert.equal(names[2].trim(), 'ウェビナー');
    await page.getByRole('button', { name: '新規', exact: true }).click();
    await eventually(async () => assert.equal(await page.locator('fieldset.channel-card').count(), 3));
    await expectText(page, testId('share-total'), '割合の合計 100%');
  }));

test('copy link confirms on the button itself, visible at 375 px; primary buttons keep white text on hover', () =>
  app.withPage(
    async (page, { context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url.replace(/\/$/, '') });
      await page.getByRole('button', { name: /シナリオ: / }).click();
      await page.locator('details.share summary').click();
      const copy = page.locator('button.copy-link');
      await copy.hover();
      const colors = await copy.evaluate((b) => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor]);
      assert.deepEqual(colors, ['rgb(255, 255, 255)', 'rgb(31, 74, 168)']);
      await copy.click();
      await expectText(page, 'button.copy-link', '✓ コピーしました');
      const box = await copy.boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, 'the confirmation is on screen');
    },
    { viewport: PHONE },
  ));

test('English is English: days, inside / field sales; Japanese breaks between phrases', () =>
  app.withPage(async (page) => {
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).wordBreak), 'auto-phrase');
    await setLanguage(page, 'en');
    await openTab(page, 'Monthly plan');
    await page.locator('#view-months').waitFor();
    const text = await page.locator('#view-months').innerText();
    assert.ok(!/日/.test(text), 'no 日 in English');
    assert.ok(!/\bIS\b|\bFS\b/.test(text), 'no IS / FS in English');
    assert.match(text, /days/);
    assert.match(text, /inside sales \d+ · field sales \d+/);
  }));

test('keyboard only: ¥3億 this fiscal year with ¥300万 deals — leads and budget', () =>
  app.withPage(async (page) => {
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('role'));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await eventually(async () => assert.equal(await focused(), 'target'));
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('3億');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'plan-period');
    await page.keyboard.press('ArrowDown'); // 四半期 → 年度
    await eventually(async () => assert.equal(await page.locator('#plan-period').inputValue(), 'year'));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'deal-size');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('300万');
    // 100 won, 400 opportunities, 1,000 SQL, 3,334 MQL (3,333.33), 33,334 leads
    await expectRequired(page, { 受注: '100', 商談: '400', SQL: '1,000', MQL: '3,334', リード: '33,334' });
    await expectText(page, `#view-funnel ${testId('period-note')}`, '期間: 通期（4月〜3月）');
    // to the tabs by keyboard, then two tabs right: channels and budget
    const onTab = () => page.evaluate(() => document.activeElement?.getAttribute('role') === 'tab');
    for (let i = 0; i < 40 && !(await onTab()); i++) await page.keyboard.press('Shift+Tab');
    assert.ok(await onTab(), 'reached the tabs');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.locator('#view-channels').waitFor();
    await expectText(page, testId('channels-leads'), '33,334');
    await expectText(page, testId('channels-budget'), /^約\d+(\.\d+)?(万|億)円$/);
    await expectText(page, `#view-channels ${testId('period-note')}`, '期間: 通期（4月〜3月）');
    assert.equal(await page.locator(testId('sample-banner')).first().isVisible(), true);
  }));
