import { launchBrowser } from './support/harness.mjs';
const base = process.argv[2];
const out = process.argv[3] ?? '/tmp/shots';
const only = process.argv[4];
const views = ['funnel', 'months', 'channels', 'risk', 'kpi', 'definitions', 'compare', 'import'];
const browser = await launchBrowser();
for (const lang of ['ja', 'en']) {
  for (const width of [1280, 375]) {
    const ctx = await browser.newContext({ viewport: { width, height: width === 375 ? 740 : 800 }, deviceScaleFactor: 1 });
    const page = await ctx.newPage();
    await page.goto(base);
    await page.waitForSelector('.chart canvas[data-draws]');
    if (lang === 'en') {
      await page.getByRole('button', { name: 'English' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
    }
    for (const v of views) {
      if (only && !only.split(',').includes(v)) continue;
      await page.goto(`${base}#view=${v}`);
      await page.waitForTimeout(900);
      await page.screenshot({ path: `${out}/${v}-${lang}-${width}.png`, fullPage: true });
    }
    await ctx.close();
  }
}
await browser.close();
