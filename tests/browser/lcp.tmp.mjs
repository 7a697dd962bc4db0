import { launchBrowser } from './support/harness.mjs';
import { serveDir } from './support/sites.mjs';
import { encodeLink } from './support/fixtures.mjs';
const link = encodeLink('ブログの試算', { target: '2億' });
const server = await serveDir(process.argv[2] ?? '../../dist');
const browser = await launchBrowser();
for (const hold of [0, 600]) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  await context.addInitScript(() => {
    window.__lcp = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp.push([Math.round(e.startTime), e.size, e.element?.tagName, e.element?.isConnected, e.element?.textContent?.slice(0,12)]); }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  if (hold) await context.route(/funnel-embed-[0-9a-f]+_bg\.wasm$/, async (route) => { await new Promise(r => setTimeout(r, hold)); await route.continue(); });
  const page = await context.newPage();
  await page.goto(`${server.url}embed.html#embed=ro&s=${link}`);
  await page.locator('.embed:not(.embed-outline) [data-testid="headline-won"]').waitFor();
  await page.waitForTimeout(500);
  console.log(hold, JSON.stringify(await page.evaluate(() => window.__lcp)));
  await context.close();
}
await browser.close(); await server.stop();
