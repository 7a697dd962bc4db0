// Accessibility: axe-core finds no serious or critical violation in each view, in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fs from 'node:fs';

import { useApp, withOpenPage } from './support/harness.mjs';
import { encodeLink } from './support/fixtures.mjs';
import { setLanguage } from './pages/common.mjs';

const require = createRequire(import.meta.url);
// Evaluated through the DevTools protocol: the page's CSP (rightly) refuses an injected <script>.
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const app = useApp();

async function seriousViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { resultTypes: ['violations'] }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const lang of ['ja', 'en']) {
  test(`the funnel view has no serious accessibility violation (${lang})`, () =>
    app.withPage(async (page) => {
      if (lang === 'en') await setLanguage(page, 'en');
      await page.locator('details.share summary').click();
      assert.deepEqual(await seriousViolations(page), []);
    }));
}

test('an invalid field keeps the page free of serious violations', () =>
  app.withPage(async (page) => {
    await page.getByLabel('受注率（商談 → 受注）', { exact: true }).fill('120%');
    await page.locator('.stale-notice').waitFor();
    assert.deepEqual(await seriousViolations(page), []);
  }));

test('the compare view has no serious accessibility violation', () =>
  app.withPage(async (page) => {
    await page.getByRole('tab', { name: '比較' }).click();
    await page.locator('.compare-table tbody tr').first().waitFor();
    assert.deepEqual(await seriousViolations(page), []);
  }));

test('the narrow layout has no serious accessibility violation', () =>
  app.withPage(async (page) => assert.deepEqual(await seriousViolations(page), []), {
    viewport: { width: 375, height: 812 },
  }));

const VIEWS = [
  { tab: '月次計画', ready: 'table.month-table tbody tr' },
  { tab: 'チャネルと予算', ready: 'table.channel-results tbody tr' },
  { tab: 'KPIツリー', ready: '.kpi-outline li' },
  { tab: '定義とチェックリスト', ready: '.checklist li' },
];
for (const { tab, ready } of VIEWS) {
  for (const lang of ['ja', 'en']) {
    test(`the ${tab} view has no serious accessibility violation (${lang})`, () =>
      app.withPage(async (page) => {
        await page.getByRole('tab', { name: tab, exact: true }).click();
        await page.locator(ready).first().waitFor();
        if (lang === 'en') await setLanguage(page, 'en');
        await page.locator(ready).first().waitFor();
        assert.deepEqual(await seriousViolations(page), []);
      }));
  }
}

test('the KPI view with a bad actual and a selected node has no serious violation', () =>
  app.withPage(async (page) => {
    await page.getByRole('tab', { name: 'KPIツリー', exact: true }).click();
    await page.getByLabel('受注数の実績', { exact: true }).fill('abc');
    await page.locator('.kpi-row .message:not(:empty)').first().waitFor();
    await page.getByRole('button', { name: '商談数', exact: true }).click();
    assert.deepEqual(await seriousViolations(page), []);
  }, { viewport: { width: 375, height: 812 } }));

for (const lang of ['ja', 'en']) {
  test(`the embed, with inputs, exports and an invalid field, has no serious violation (${lang})`, () =>
    withOpenPage(
      app,
      async (page) => {
        await page.locator('.embed [data-testid="headline-won"]').waitFor();
        assert.deepEqual(await seriousViolations(page), [], 'as opened');
        await page.locator('.embed-inputs .rate-field input').last().fill('abc');
        await page.locator('.field.invalid .message').waitFor();
        assert.deepEqual(await seriousViolations(page), [], 'with a message');
      },
      { path: `#embed=rw&export=1&lang=${lang}&s=${encodeLink('埋め込み')}`, ready: null },
    ));
}
