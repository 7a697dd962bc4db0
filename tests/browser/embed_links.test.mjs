// The embed reads links with the browser's JSON rather than the calculator's reader: it must
// read the positions it shows exactly as the calculator does, refuse what the calculator
// refuses, and hand on everything else in its open-full link as the link brought it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage, useApp, waitForApp, eventually } from './support/harness.mjs';
import { encodeLink, sealLink, openLink } from './support/fixtures.mjs';
import { openSharePanel } from './pages/scenario_bar.mjs';

const app = useApp();
const fixture = (name) =>
  readFileSync(new URL(`../../crates/model/tests/fixtures/${name}`, import.meta.url), 'utf8').trim();
const V3 = fixture('scenario_v3.link');
const V2 = fixture('scenario_v2.link');
const FIX_RATE = 'ウェビナー参加, 再訪 → SQL 転換率';

/** An embed page for `payload`; resolves once its open-full link is written. */
async function openEmbed(payload, { mode = 'rw', lang = 'ja' } = {}) {
  const opened = await openPage(app, {
    path: `embed.html#embed=${mode}&lang=${lang}&s=${payload}`,
    ready: (page) => page.locator('a.open-full[href]').waitFor(),
  });
  return opened;
}

const fullLink = (page) => page.locator('a.open-full').getAttribute('href');
const payloadOf = (href) => href.slice(href.indexOf('#s=') + 3);

async function headline(page) {
  return page.locator('[data-testid^="headline-"]').evaluateAll((dds) =>
    Object.fromEntries(dds.map((dd) => [dd.dataset.testid.replace('headline-', ''), dd.textContent.trim()])));
}

/** The reason in a could-not-open notice: the text between the colon and the sentence end. */
async function refusal(page) {
  const text = (await page.locator('.notices .notice.error span').first().textContent()).trim();
  return text.slice(text.indexOf(': ') + 2, text.indexOf('。'));
}

test('a full link in the embed: its funnel and period read, the rest handed on unchanged, the edits written over it', async () => {
  const { context, page, errors } = await openEmbed(V3);
  try {
    assert.equal((await page.locator('.embed-head h1').textContent()).trim(), '2027年度 上期 "攻め" プラン');
    assert.equal(await fullLink(page), `${app.url}#s=${V3}`, 'untouched: the very link it was given');
    assert.equal(await page.getByLabel('期間の単位', { exact: true }).inputValue(), 'month');
    assert.equal(await page.getByLabel('計画する期間', { exact: true }).inputValue(), '2');
    assert.equal(await page.getByLabel('期首月', { exact: true }).inputValue(), '1');

    // the link's rate "abc" makes no answer: no empty cards, the reason next to the field
    assert.equal(await page.locator('.headline .card').count(), 0);
    assert.ok(await page.locator('figure.chart').isHidden(), 'no empty chart box');
    const rate = page.getByLabel(FIX_RATE, { exact: true });
    assert.equal(await rate.inputValue(), 'abc');
    assert.equal(await rate.getAttribute('aria-invalid'), 'true');

    // 5億 / 800万 = 62.5 deals → 63; / 25 % = 250 opportunities; / 40 % = 625 SQL; / 50 % =
    // 1,250; / 35 % = 3,571.4 MQL; / 12 % = 29,761.9 → 29,762 leads; 250 × 800万 = 20億
    await rate.fill('50');
    await eventually(async () =>
      assert.deepEqual(await headline(page), { won: '63件', opps: '250件', leads: '29,762件', pipeline: '20億円' }));
    assert.ok(await page.locator('figure.chart canvas').isVisible(), 'the chart with the answer');
    const given = openLink(V3);
    const edited = structuredClone(given);
    edited[3][3][2] = '50';
    await eventually(async () => assert.deepEqual(openLink(payloadOf(await fullLink(page))), edited));

    // a new period: only the plan's period fields change; the plan's other inputs, the KPI
    // tree and the Risk view's inputs stay as the link brought them
    await page.getByLabel('期間の単位', { exact: true }).selectOption({ label: '四半期' });
    const index = await page.getByLabel('計画する期間', { exact: true }).inputValue();
    edited[7] = { ...edited[7], period: 'quarter', period_index: Number(index) };
    await eventually(async () => assert.deepEqual(openLink(payloadOf(await fullLink(page))), edited));
    assert.ok(given.length > 8 && given[8] !== null, 'the fixture carries a KPI tree');

    // the full calculator opens it, and its own link for it is the same array
    const [full] = await Promise.all([context.waitForEvent('page'), page.locator('a.open-full').click()]);
    await waitForApp(full);
    assert.equal(await full.locator('.notices .notice.error').count(), 0);
    assert.equal(await full.getByLabel(FIX_RATE, { exact: true }).inputValue(), '50');
    await openSharePanel(full);
    const shared = await full.locator('#share-link').inputValue();
    assert.deepEqual(openLink(payloadOf(shared)), edited);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a version-2 link and a link with the default plan: a new period writes the whole default plan', async () => {
  let { context, page, errors } = await openEmbed(V2, { mode: 'ro' });
  try {
    const href = await fullLink(page);
    assert.match(payloadOf(href), /^3\./, 'written as today\'s version');
    assert.deepEqual(openLink(payloadOf(href)), openLink(V2), 'the same positions');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }

  const plain = encodeLink('既定の計画', { target: '2億' });
  ({ context, page, errors } = await openEmbed(plain));
  try {
    assert.equal(await fullLink(page), `${app.url}#s=${plain}`);
    assert.deepEqual(await headline(page), { won: '40件', opps: '160件', leads: '13,334件', pipeline: '8億円' });
    await page.getByLabel('期間の単位', { exact: true }).selectOption({ label: '年度' });
    await page.getByLabel('期首月', { exact: true }).selectOption({ label: '1月' });
    const written = await eventually(async () => {
      const positions = openLink(payloadOf(await fullLink(page)));
      assert.equal(positions[7]?.period, 'year');
      return positions;
    });
    assert.deepEqual(written.slice(0, 7), openLink(plain).slice(0, 7));
    assert.equal(written[8], null);
    assert.deepEqual(Object.keys(written[7]).slice(0, 4), ['period', 'fiscal_start', 'period_index', 'lead_time']);
    assert.equal(written[7].fiscal_start, 1);
    assert.equal(written[7].period_index, 0);
    assert.equal(written[7].channels.length, 7, 'the default plan\'s channels');

    const full = await context.newPage();
    await full.goto(`${app.url}#s=${payloadOf(await fullLink(page))}`);
    await waitForApp(full);
    assert.equal(await full.locator('.notices .notice.error').count(), 0);
    await openSharePanel(full);
    assert.deepEqual(openLink(payloadOf(await full.locator('#share-link').inputValue())).slice(0, 8),
      written.slice(0, 8));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

const NOT_READ = '途中で切れているか、書き換えられています';
const AGAINST_RULES = '内容がシナリオの形式に合いません';
const base = () => openLink(encodeLink('手作りのリンク', {}));
const withPosition = (i, value) => {
  const positions = base();
  positions[i] = value;
  return positions;
};
const withStage = (change) => {
  const positions = base();
  change(positions[3]);
  return positions;
};
const planOf = () => structuredClone(openLink(V3)[7]);

/** Links with a valid check that the format refuses, each with the reason the calculator gives. */
const CRAFTED = [
  { name: 'an object, not an array', value: { name: 'x' }, reason: NOT_READ },
  { name: 'a target given as a number', value: withPosition(1, 100000000), reason: NOT_READ },
  { name: 'a stage of three items', value: withStage((s) => s[0].pop()), reason: NOT_READ },
  { name: 'a stage of five items', value: withStage((s) => s[0].push(null)), reason: NOT_READ },
  { name: 'an unknown stage kind', value: withStage((s) => { s[0][1] = 9; }), reason: NOT_READ },
  { name: 'a stage name given as a number', value: withStage((s) => { s[0][3] = 7; }), reason: NOT_READ },
  { name: 'a fractional entry stage', value: withPosition(4, 0.5), reason: NOT_READ },
  { name: 'a negative stage id', value: withStage((s) => { s[0][0] = -1; }), reason: NOT_READ },
  { name: 'an unknown goal-seek number', value: withPosition(6, -3), reason: NOT_READ },
  { name: 'eleven positions', value: [...base(), null, null, null, 1].slice(0, 11), reason: NOT_READ },
  { name: 'six positions', value: base().slice(0, 6), reason: NOT_READ },
  { name: 'version 2 with a plan position', value: [...base().slice(0, 7), null], version: 2, reason: NOT_READ },
  { name: 'a plan given as an array', value: withPosition(7, []), reason: NOT_READ },
  { name: 'an unknown period', value: withPosition(7, { ...planOf(), period: 'week' }), reason: NOT_READ },
  { name: 'a period index given as text', value: withPosition(7, { ...planOf(), period_index: '0' }), reason: NOT_READ },
  { name: 'one stage', value: withStage((s) => s.splice(0, s.length - 1)), reason: AGAINST_RULES },
  { name: 'two stages with one id', value: withStage((s) => { s[1][0] = s[0][0]; }), reason: AGAINST_RULES },
  { name: 'a rate of 65 characters', value: withStage((s) => { s[0][2] = '1'.repeat(65); }), reason: AGAINST_RULES },
];

test('links the format refuses, sealed with a valid check, are refused by the embed with the calculator\'s reason', async () => {
  const { context, page, errors } = await openPage(app, {});
  try {
    for (const c of CRAFTED) {
      const payload = sealLink(c.value, c.version ?? 3);
      await page.goto('about:blank');
      await page.goto(`${app.url}#s=${payload}`);
      await waitForApp(page);
      assert.equal(await refusal(page), c.reason, `the calculator: ${c.name}`);

      await page.goto('about:blank');
      await page.goto(`${app.url}embed.html#embed=rw&lang=ja&s=${payload}`);
      await page.locator('.notices .notice.error').waitFor();
      assert.equal(await refusal(page), c.reason, `the embed: ${c.name}`);
      assert.equal((await page.locator('.embed-head h1').textContent()).trim(), '基本計画', c.name);
      assert.deepEqual(await headline(page), { won: '20件', opps: '80件', leads: '6,667件', pipeline: '4億円' });
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
