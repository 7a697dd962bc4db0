// Reverse funnel (SPEC §2): the seed-003 example typed by label, the money and rate forms
// Japanese users type, exact values, pipeline and cumulative rate, in Japanese and English.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/harness.mjs';
import { expectText, testId, setLanguage, assertNoGarbage, field } from './pages/common.mjs';
import { readTable, row, expectRequired } from './pages/funnel.mjs';

const app = useApp();

const JA = {
  target: '売上目標（KGI）',
  deal: '平均受注単価',
  win: '受注率（商談 → 受注）',
  sqlToOpp: '商談化率（SQL → 商談）',
  mqlToSql: 'MQL → SQL 転換率',
  leadToMql: 'リード → MQL 転換率',
  visitToLead: 'CVR（訪問 → リード）',
};
const EN = {
  target: 'Revenue target (KGI)',
  deal: 'Average deal size',
  win: 'Win rate (Opportunity → Won deal)',
  sqlToOpp: 'SQL → Opportunity rate',
  mqlToSql: 'MQL → SQL rate',
  leadToMql: 'Lead → MQL rate',
  visitToLead: 'Visit → Lead CVR',
};

/** seed 003 with the default 2 % visit CVR on top. */
const SEED_JA = { 訪問: '333,334', リード: '6,667', MQL: '667', SQL: '200', 商談: '80', 受注: '20' };
const SEED_EN = {
  Visits: '333,334',
  Leads: '6,667',
  MQL: '667',
  SQL: '200',
  Opportunities: '80',
  'Won deals': '20',
};

async function typeSeed(page, L, values = {}) {
  const v = {
    target: '1億',
    deal: '500万',
    win: '25',
    sqlToOpp: '40',
    mqlToSql: '30',
    leadToMql: '10',
    ...values,
  };
  for (const key of ['target', 'deal', 'win', 'sqlToOpp', 'mqlToSql', 'leadToMql']) {
    await field(page, L[key]).fill(v[key]);
  }
}

/** Moves the plan away from the seed numbers first, so a later match proves the typing worked. */
async function perturb(page, L, won) {
  await field(page, L.target).fill('2億');
  await expectRequired(page, { [won]: '40' });
}

test('seed 003 typed by label needs 20 won, 80 opportunities, 200 SQL, 667 MQL, 6,667 leads', () =>
  app.withPage(async (page) => {
    await perturb(page, JA, '受注');
    await field(page, JA.win).fill('50');
    await field(page, JA.leadToMql).fill('20');
    await expectRequired(page, { 受注: '40', 商談: '80' });

    await typeSeed(page, JA);
    const rows = await expectRequired(page, SEED_JA);
    assert.deepEqual(
      rows.map((r) => r.stage),
      ['訪問', 'リード', 'MQL', 'SQL', '商談', '受注'],
    );

    // exact values (no mid-chain rounding) in the column and in the hover title
    const mql = await row(page, 'MQL');
    assert.equal(mql.exact, '666.67');
    assert.equal(mql.title, '正確な値: 666.67');
    const leads = await row(page, 'リード');
    assert.equal(leads.exact, '6,666.67');
    assert.equal(leads.title, '正確な値: 6,666.67');
    assert.equal((await row(page, 'SQL')).exact, '200');
    assert.equal((await row(page, '受注')).title, '正確な値: 20');

    // rates and cumulative conversion to won: leads .1 × .3 × .4 × .25 = 0.3 %
    assert.equal(leads.rate, '10%');
    assert.equal(leads.cumulative, '0.3%');
    assert.equal(mql.cumulative, '3%');
    assert.equal((await row(page, '商談')).cumulative, '25%');
    assert.equal((await row(page, '受注')).cumulative, '100%');

    // headline cards
    await expectText(page, testId('headline-won'), '20件');
    await expectText(page, testId('headline-opps'), '80件');
    await expectText(page, testId('headline-leads'), '6,667件');
    await expectText(page, testId('headline-pipeline'), '4億円');
    await assertNoGarbage(page);
  }));

for (const target of ['100000000', '100,000,000', '¥100,000,000', '１億', '1億円', '￥１００，０００，０００']) {
  test(`target typed as "${target}" reads as 1億円`, () =>
    app.withPage(async (page) => {
      await perturb(page, JA, '受注');
      await field(page, JA.target).fill(target);
      await expectRequired(page, SEED_JA);
      await expectText(page, testId('headline-pipeline'), '4億円');
      assert.equal(await field(page, JA.target).getAttribute('aria-invalid'), 'false');
    }));
}

test('1.5億 reads as ¥150,000,000 (30 won deals)', () =>
  app.withPage(async (page) => {
    await field(page, JA.target).fill('1.5億');
    await expectRequired(page, { 受注: '30', 商談: '120', SQL: '300', MQL: '1,000', リード: '10,000' });
    await expectText(page, testId('headline-pipeline'), '6億円');
  }));

test('deal size typed as "5,000万円" gives 2 won deals, 8 opportunities', () =>
  app.withPage(async (page) => {
    await field(page, JA.deal).fill('5,000万円');
    // 1億 ÷ 5,000万 = 2; 2 ÷ .25 = 8; 8 ÷ .4 = 20; 20 ÷ .3 = 66.67 → 67; ÷ .1 = 666.67 → 667
    await expectRequired(page, { 受注: '2', 商談: '8', SQL: '20', MQL: '67', リード: '667' });
    await expectText(page, testId('headline-pipeline'), '4億円');
    assert.equal((await row(page, 'MQL')).exact, '66.67');
  }));

test('deal size typed as "500万円" and "5000000" both read as 500万円', () =>
  app.withPage(async (page) => {
    for (const deal of ['500万円', '5000000', '５００万円']) {
      await field(page, JA.deal).fill('1,000万');
      await expectRequired(page, { 受注: '10' });
      await field(page, JA.deal).fill(deal);
      await expectRequired(page, SEED_JA);
    }
  }));

for (const win of ['２５％', '25%', '25 %', '25']) {
  test(`win rate typed as "${win}" reads as 25 %`, () =>
    app.withPage(async (page) => {
      await field(page, JA.win).fill('50');
      await expectRequired(page, { 商談: '40' });
      await field(page, JA.win).fill(win);
      await expectRequired(page, SEED_JA);
      assert.equal((await row(page, '商談')).rate, '25%');
      assert.equal(await field(page, JA.win).getAttribute('aria-invalid'), 'false');
    }));
}

test('every rate field drives its own stage (full-width and % forms mixed)', () =>
  app.withPage(async (page) => {
    await typeSeed(page, JA, {
      target: '１億',
      deal: '5,000,000',
      win: '２５％',
      sqlToOpp: '40%',
      mqlToSql: '３０',
      leadToMql: '10 %',
    });
    await expectRequired(page, SEED_JA);
    // visit CVR 2 % → 4 % halves the visits only
    await field(page, JA.visitToLead).fill('4%');
    await expectRequired(page, { ...SEED_JA, 訪問: '166,667' });
  }));

test('the same example in English shows money with thousands separators', () =>
  app.withPage(async (page) => {
    await setLanguage(page, 'en');
    await perturb(page, EN, 'Won deals');
    await typeSeed(page, EN, { target: '100,000,000', deal: '5,000,000', win: '25%' });
    const rows = await expectRequired(page, SEED_EN);
    assert.deepEqual(
      rows.map((r) => r.stage),
      ['Visits', 'Leads', 'MQL', 'SQL', 'Opportunities', 'Won deals'],
    );
    const mql = await row(page, 'MQL');
    assert.equal(mql.exact, '666.67');
    assert.equal(mql.title, 'Exact value: 666.67');
    const leads = await row(page, 'Leads');
    assert.equal(leads.exact, '6,666.67');
    assert.equal(leads.cumulative, '0.3%');
    await expectText(page, testId('headline-won'), '20');
    await expectText(page, testId('headline-opps'), '80');
    await expectText(page, testId('headline-leads'), '6,667');
    await expectText(page, testId('headline-pipeline'), '¥400,000,000');
    // Japanese forms are still understood on the English page
    await field(page, EN.target).fill('1億');
    await field(page, EN.deal).fill('500万');
    await expectRequired(page, SEED_EN);
    await assertNoGarbage(page);
  }));

test('the numbers follow a language switch without retyping', () =>
  app.withPage(async (page) => {
    await field(page, JA.target).fill('2億');
    await expectRequired(page, { 受注: '40', 商談: '160' });
    await expectText(page, testId('headline-pipeline'), '8億円');
    await setLanguage(page, 'en');
    await expectRequired(page, { 'Won deals': '40', Opportunities: '160' });
    await expectText(page, testId('headline-pipeline'), '¥800,000,000');
    assert.equal(await field(page, EN.target).inputValue(), '2億');
    await setLanguage(page, 'ja');
    await expectRequired(page, { 受注: '40' });
    const rows = await readTable(page);
    assert.equal(rows.length, 6);
  }));
