// one-off: element screenshots (not part of the suite)
import { chromium } from 'playwright-core';
import { startServer } from './tests/helpers.mjs';
const [,, view, lang, width, selector, file] = process.argv;
const server = await startServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext({ viewport: { width: Number(width), height: 740 } });
const page = await ctx.newPage();
await page.addInitScript((l) => localStorage.setItem('funnel-calculator.lang', l), lang);
await page.goto(server.url + (view ? `#view=${view}` : ''));
await page.waitForTimeout(1200);
const els = page.locator(selector);
const n = await els.count();
for (let i = 0; i < n; i++) await els.nth(i).screenshot({ path: file.replace('.png', `-${i}.png`) });
await browser.close();
await server.stop();
