import { launchBrowser } from './support/harness.mjs';
import { serveDir } from './support/sites.mjs';
import { encodeLink } from './support/fixtures.mjs';
const link = encodeLink('ブログの試算', { target: '2億' });
const server = await serveDir('../../dist');
const browser = await launchBrowser();
const boxes = (page, sel) => page.locator(sel).evaluateAll((els) => els.filter(e=>e.offsetParent).map((e) => { const r = e.getBoundingClientRect(); return [e.tagName, Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)].join(','); }));
for (const [w, lang] of [[375,'ja'],[375,'en'],[1280,'ja'], [412, 'ja']]) {
  const context = await browser.newContext({ viewport: { width: w, height: 700 } });
  let release; const released = new Promise((r) => { release = r; });
  await context.route(/funnel-embed-[0-9a-f]+_bg\.wasm$/, async (route) => { await released; await route.continue(); });
  const page = await context.newPage();
  page.on('console', m => console.log('console', m.text()));
  await page.goto(`${server.url}embed.html#embed=rw&lang=${lang}&s=${link}`);
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/outline-${w}-${lang}.png` });
  const before = await boxes(page, '.embed .card, .embed .card dt, .embed .card dd, .embed h1, .embed .open-full');
  release();
  await page.locator('.embed:not(.embed-outline) [data-testid="headline-won"]').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/outline-${w}-${lang}-after.png` });
  const after = await boxes(page, '.embed .card, .embed .card dt, .embed .card dd, .embed h1, .embed .open-full');
  console.log(w, lang, JSON.stringify(before) === JSON.stringify(after) ? 'SAME' : `DIFF\n${before.join(' ')}\n${after.join(' ')}`);
  await context.close();
}
await browser.close(); await server.stop();
