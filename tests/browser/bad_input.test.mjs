// Invalid input (SPEC §2): a clear message next to the field (in both languages), the field
// marked invalid, a notice that the results are stale, the last valid result still shown, never
// NaN/∞/undefined, and everything back to normal once the field is fixed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, eventually } from './support/harness.mjs';
import { expectText, testId, setLanguage, assertNoGarbage } from './pages/common.mjs';
import { expectRequired, staleNotice } from './pages/funnel.mjs';

const app = useApp();

// Exact texts from src/i18n.rs.
const MSG = {
  money: {
    zero: ['0より大きい値を入力してください。', 'Must be greater than 0.'],
    empty: ['値を入力してください。', 'Enter a value.'],
    nan: ['数値として読めません。例: 1億、5,000万、100000000', 'Not a number. Try 100,000,000, 1億 or 50M.'],
    large: ['大きすぎます。上限は1,000兆です。', 'Too large: the maximum is 1,000,000,000,000,000.'],
  },
  rate: {
    zero: ['転換率は0%より大きくしてください。', 'A rate must be greater than 0%.'],
    above: ['転換率は100%以下にしてください。', 'A rate cannot be more than 100%.'],
    empty: ['値を入力してください。', 'Enter a value.'],
    nan: ['数値として読めません。例: 25、25%', 'Not a number. Try 25 or 25%.'],
  },
};
const STALE = [
  '入力に誤りがあります。表示中の結果は最後に有効だった入力のものです。',
  'Some inputs are invalid. The results shown are from the last valid inputs.',
];

const FIELDS = {
  target: {
    labels: ['売上目標（KGI）', 'Revenue target (KGI)'],
    // a valid non-default plan first (→ 40 won, 160 opportunities), so "last valid" is provable
    setup: [['売上目標（KGI）', '2億']],
    fix: '2億',
    cases: [
      ['0', MSG.money.zero],
      ['', MSG.money.empty],
      ['abc', MSG.money.nan],
      ['1e16', MSG.money.large],
      ['-5', MSG.money.zero],
      ['2,000兆', MSG.money.large],
    ],
  },
  deal: {
    labels: ['平均受注単価', 'Average deal size'],
    setup: [['平均受注単価', '250万']],
    fix: '250万',
    cases: [
      ['0', MSG.money.zero],
      ['', MSG.money.empty],
      ['abc', MSG.money.nan],
      ['1e16', MSG.money.large],
      ['-5', MSG.money.zero],
      ['¥-500万', MSG.money.zero],
    ],
  },
  win: {
    labels: ['受注率（商談 → 受注）', 'Win rate (Opportunity → Won deal)'],
    setup: [['売上目標（KGI）', '2億']],
    fix: '25',
    cases: [
      ['0', MSG.rate.zero],
      ['0%', MSG.rate.zero],
      ['120%', MSG.rate.above],
      ['', MSG.rate.empty],
      ['abc', MSG.rate.nan],
      ['1e16', MSG.rate.above],
      ['-5', MSG.rate.zero],
      ['-5%', MSG.rate.zero],
    ],
  },
};

/** The texts of the elements an input's aria-describedby names. */
async function describedBy(input) {
  return input.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => {
        const target = document.getElementById(id);
        return {
          id,
          exists: !!target,
          text: target?.textContent.trim() ?? null,
          sameField: !!target && target.closest('.field') === el.closest('.field'),
          visible: !!target && target.getClientRects().length > 0,
        };
      }),
  );
}

async function expectMessage(page, input, message) {
  await eventually(async () => {
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    const described = await describedBy(input);
    const holder = described.find((d) => d.text === message);
    assert.ok(holder, `"${message}" not in aria-describedby targets ${JSON.stringify(described)}`);
    assert.ok(holder.sameField, 'the message sits in the same field as the input');
    assert.ok(holder.visible, 'the message is visible');
  });
  // visible on the page, too (not only to assistive technology)
  await page.getByText(message, { exact: true }).first().waitFor({ state: 'visible' });
}

async function expectNoMessage(input) {
  await eventually(async () => {
    assert.equal(await input.getAttribute('aria-invalid'), 'false');
    const described = await describedBy(input);
    assert.ok(described.every((d) => d.exists), 'aria-describedby names existing elements');
    const messages = described.filter((d) => d.id.endsWith('-message'));
    assert.ok(messages.length >= 1, 'one described-by element holds the message');
    assert.ok(
      messages.every((d) => d.text === '' && !d.visible),
      `message cleared: ${JSON.stringify(messages)}`,
    );
  });
}

async function expectLastValid(page, lang) {
  if (lang === 0) {
    await expectRequired(page, { 受注: '40', 商談: '160', SQL: '400', MQL: '1,334', リード: '13,334' });
  } else {
    await expectRequired(page, {
      'Won deals': '40',
      Opportunities: '160',
      SQL: '400',
      MQL: '1,334',
      Leads: '13,334',
    });
  }
}

for (const [key, spec] of Object.entries(FIELDS)) {
  test(`bad ${key} input: message next to the field, stale notice, last valid result kept (日本語 + English)`, () =>
    app.withPage(async (page) => {
      for (const [label, value] of spec.setup) {
        await page.getByLabel(label, { exact: true }).fill(value);
      }
      await expectLastValid(page, 0);
      const ja = page.getByLabel(spec.labels[0], { exact: true });
      await expectNoMessage(ja);
      assert.equal(await staleNotice(page).count(), 0);

      for (const [bad, [msgJa, msgEn]] of spec.cases) {
        const what = `${key} = ${JSON.stringify(bad)}`;
        await ja.fill(bad);
        await expectMessage(page, ja, msgJa);
        await expectText(page, '.stale-notice', STALE[0]);
        await expectLastValid(page, 0);
        await expectText(page, testId('headline-won'), '40件');
        await assertNoGarbage(page, `(${what}, 日本語)`);

        await setLanguage(page, 'en');
        const en = page.getByLabel(spec.labels[1], { exact: true });
        assert.equal(await en.inputValue(), bad, 'the typed text survives the language switch');
        await expectMessage(page, en, msgEn);
        await expectText(page, '.stale-notice', STALE[1]);
        await expectLastValid(page, 1);
        await assertNoGarbage(page, `(${what}, English)`);
        await setLanguage(page, 'ja');

        // fixing the field clears message and notice
        await ja.fill(spec.fix);
        await expectNoMessage(ja);
        await staleNotice(page).waitFor({ state: 'detached' });
        await expectLastValid(page, 0);
      }
    }));
}

test('several bad fields at once: each has its own message; fixing one keeps the notice', () =>
  app.withPage(async (page) => {
    const target = page.getByLabel('売上目標（KGI）', { exact: true });
    const deal = page.getByLabel('平均受注単価', { exact: true });
    const win = page.getByLabel('受注率（商談 → 受注）', { exact: true });
    const mql = page.getByLabel('MQL → SQL 転換率', { exact: true });
    await target.fill('abc');
    await deal.fill('0');
    await win.fill('120%');
    await mql.fill('');
    await expectMessage(page, target, MSG.money.nan[0]);
    await expectMessage(page, deal, MSG.money.zero[0]);
    await expectMessage(page, win, MSG.rate.above[0]);
    await expectMessage(page, mql, MSG.rate.empty[0]);
    await expectText(page, '.stale-notice', STALE[0]);
    await expectRequired(page, { 受注: '20', 商談: '80', リード: '6,667' });
    // forward mode and goal seek keep working from the last valid plan, without garbage
    // (with the count empty, forward starts from that plan's 6,667 leads → 20 won)
    await expectText(page, testId('forward-won'), '20');
    await assertNoGarbage(page);

    await target.fill('1億');
    await deal.fill('500万');
    await win.fill('25');
    await expectNoMessage(target);
    await expectNoMessage(deal);
    await expectNoMessage(win);
    await expectText(page, '.stale-notice', STALE[0]); // MQL → SQL still empty
    await mql.fill('30');
    await expectNoMessage(mql);
    await staleNotice(page).waitFor({ state: 'detached' });
  }));

test('a chain of tiny rates that needs more than 1,000兆 gets a plan message, not garbage', () =>
  app.withPage(async (page) => {
    // 1億円 at ¥1 a deal: 1億 won, 4億 opportunities … 1.67兆 visits: still a valid plan
    await page.getByLabel('平均受注単価', { exact: true }).fill('1');
    await expectRequired(page, { 受注: '100,000,000', 訪問: '1,666,666,666,667' });
    // lead → MQL 0.0001 %: 3.3e15 leads, above the 1e15 limit
    await page.getByLabel('リード → MQL 転換率', { exact: true }).fill('0.0001');
    // (the app names the topmost stage over the limit, visits here; leads is the first one)
    await expectText(page, '.plan-message', /^この転換率では「(訪問|リード)」が1,000兆件を超えます。転換率を見直してください。$/);
    await expectText(page, '.stale-notice', STALE[0]);
    await expectRequired(page, { 受注: '100,000,000', リード: '33,333,333,334' });
    await assertNoGarbage(page);
    await setLanguage(page, 'en');
    await expectText(page, '.plan-message', /^At these rates “(Visits|Leads)” would need more than 1,000,000,000,000,000\. Check the rates\.$/);
    await assertNoGarbage(page);
  }));
