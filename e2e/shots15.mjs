// one-off: screenshots of every view, JA/EN, 375/1280 (not part of the suite)
import { chromium } from 'playwright-core';
import { startServer } from './tests/helpers.mjs';
const out = process.argv[2] ?? '/tmp/shots15';
const only = process.argv[3];
const server = await startServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const views = (process.env.VIEWS ?? ',months,channels,kpi,definitions,compare').split(',');
for (const lang of ['ja', 'en']) for (const width of [375, 1280]) for (const v of views) {
  const name = `${v || 'funnel'}-${lang}-${width}`;
  if (only && !name.includes(only)) continue;
  const ctx = await browser.newContext({ viewport: { width, height: width === 375 ? 740 : 800 } });
  const page = await ctx.newPage();
  await page.addInitScript((l) => localStorage.setItem('funnel-calculator.lang', l), lang);
  await page.goto(server.url + (v ? `#view=${v}` : ''));
  await page.waitForTimeout(1200);
  const full = process.env.FULL !== '0';
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: full });
  if (width === 375) await page.screenshot({ path: `${out}/${name}-first.png` });
  await ctx.close();
}
await browser.close();
await server.stop();
