// Writes the app's own first screen into dist/index.html, so a first visit paints the real default
// answer before the WASM has arrived (src/prerender.rs takes over from it).
//
// The built app is opened in headless Chromium as a first-time visitor (empty profile, Japanese,
// no link) and its rendered DOM is copied: the same components, so the figures are exactly what
// the app then shows. Field values become attributes (the DOM keeps them as properties), inline
// styles become classes in a stylesheet (the page's CSP allows no inline style), canvases keep
// their size and are drawn once the app runs. A small gate script hides the copy, before the
// first paint, from anyone who may see something else: a link, a saved scenario, another view.
//
// The embed's page gets an outline the same way (written to OUTLINE, for scripts/postbuild.py):
// the embed's header and headline cards as it builds them for the sample scenario, in Japanese
// and in English, with their figures and the scenario's name taken out. Those depend on the link,
// which only the WASM reads, so they show as grey bars until it fills the outline in.
//
// Usage: node scripts/prerender.mjs DIST [OUTLINE]
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(process.argv[2] ?? 'dist');
// The browser tests' harness: their Chromium settings, static server and playwright-core.
const harness = join(root, 'tests/browser');
if (!existsSync(join(harness, 'node_modules/playwright-core'))) {
  throw new Error('prerender: playwright-core is not installed; run scripts/install');
}
const support = (file) => import(pathToFileURL(join(harness, 'support', file)).href);
const { CHROMIUM_PATH, CHROMIUM_ARGS } = await support('config.mjs');
const { serveDir } = await support('sites.mjs');
const { chromium } = await import(pathToFileURL(join(harness, 'node_modules/playwright-core/index.mjs')).href);

const outlinePath = process.argv[3];
const server = await serveDir(dist);
let browser;
let snapshot;
const outlines = {};
try {
  // A fresh context is a first-time visitor: empty storage, no service worker, Japanese.
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url);
  await page.waitForSelector('#view-funnel canvas[data-draws]', { timeout: 60_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  if (errors.length) throw new Error(`prerender: the app failed: ${errors.join('; ')}`);
  snapshot = await page.evaluate(() => {
    const app = document.createElement('div');
    for (const node of document.body.childNodes) {
      if (node.nodeType === Node.ELEMENT_NODE && !['SCRIPT', 'NOSCRIPT'].includes(node.tagName)) {
        app.appendChild(node.cloneNode(true));
      }
    }
    // Properties the DOM does not serialise, copied from the live page in document order.
    const live = [...document.body.querySelectorAll('input, select, textarea')];
    const copies = [...app.querySelectorAll('input, select, textarea')];
    copies.forEach((copy, i) => {
      const field = live[i];
      if (copy.tagName === 'SELECT') {
        [...copy.options].forEach((o, k) => o.toggleAttribute('selected', field.options[k].selected));
      } else if (copy.type === 'checkbox' || copy.type === 'radio') {
        copy.toggleAttribute('checked', field.checked);
      } else if (copy.readOnly || copy.tagName === 'TEXTAREA') {
        // Share links and embed codes hold this build server's address: the app writes them.
        copy.removeAttribute('value');
        copy.textContent = '';
      } else {
        copy.setAttribute('value', field.value);
      }
    });
    const rules = new Map();
    for (const canvas of app.querySelectorAll('canvas')) {
      const height = canvas.style.height;
      canvas.removeAttribute('width');
      canvas.removeAttribute('height');
      canvas.removeAttribute('style');
      for (const a of [...canvas.attributes]) if (a.name.startsWith('data-')) canvas.removeAttribute(a.name);
      if (height) canvas.setAttribute('style', `width: 100%; height: ${height};`);
    }
    for (const el of app.querySelectorAll('[style]')) {
      const css = el.getAttribute('style');
      if (!rules.has(css)) rules.set(css, `pr${rules.size}`);
      el.removeAttribute('style');
      el.classList.add(rules.get(css));
    }
    const walker = document.createTreeWalker(app, NodeFilter.SHOW_COMMENT);
    const comments = [];
    while (walker.nextNode()) comments.push(walker.currentNode);
    comments.forEach((c) => c.remove());
    const css = [...rules].map(([style, cls]) => `#prerender .${cls} { ${style} }`).join('\n');
    return { html: app.innerHTML, css, title: document.title };
  });
  if (outlinePath) {
    for (const lang of ['ja', 'en']) outlines[lang] = await embedOutline(context, lang);
  }
} finally {
  await browser?.close();
  await server.stop();
}

/** The embed's outline in `lang`: its header and cards for the sample scenario, figures taken out. */
async function embedOutline(context, lang) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}#embed=ro&lang=${lang}`);
  await page.waitForSelector('.embed [data-testid="headline-won"]', { timeout: 60_000 });
  if (errors.length) throw new Error(`prerender: the embed failed: ${errors.join('; ')}`);
  const html = await page.evaluate((lang) => {
    const live = document.querySelector('.embed');
    const outline = document.createElement('div');
    outline.className = 'embed embed-outline';
    outline.lang = lang;
    outline.dataset.lang = lang;
    outline.setAttribute('aria-busy', 'true');
    const head = live.querySelector('.embed-head').cloneNode(true);
    head.querySelector('h1').textContent = '';
    // Not a link yet: its address carries the scenario.
    for (const name of ['href', 'target', 'rel']) head.querySelector('.open-full').removeAttribute(name);
    // The notices' list is there, empty, as in the embed (it keeps the same gaps).
    const notices = live.querySelector('.notices').cloneNode(true);
    const results = live.querySelector('.results-block').cloneNode(true);
    for (const figure of results.querySelectorAll('dd')) {
      figure.textContent = '';
      figure.removeAttribute('data-testid');
    }
    outline.append(head, notices, results);
    return outline.outerHTML;
  }, lang);
  await page.close();
  return html;
}

const hash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);
const gate = readFileSync(join(root, 'scripts/prerender/gate.js'), 'utf8');
const css = `${readFileSync(join(root, 'scripts/prerender/prerender.css'), 'utf8')}\n${snapshot.css}\n`;
const gateName = `gate-${hash(gate)}.js`;
const cssName = `prerender-${hash(css)}.css`;
writeFileSync(join(dist, gateName), gate);
writeFileSync(join(dist, cssName), css);

const indexPath = join(dist, 'index.html');
let index = readFileSync(indexPath, 'utf8');
if (index.includes('id="prerender"')) throw new Error('prerender: index.html is already prerendered');
// The gate runs before the body is parsed; its stylesheet loads beside the app's.
index = index.replace('</title>', `</title>\n    <script src="./${gateName}"></script>`
  + `\n    <link rel="stylesheet" href="./${cssName}" />`);
const note = '<p class="boot-note" role="status">読み込み中… / Loading…</p>';
index = index.replace(/<body>/, `<body>\n    <div id="prerender">${note}<div class="prerender-app">`
  + `${snapshot.html}</div></div>`);
writeFileSync(indexPath, index);
if (outlinePath) writeFileSync(outlinePath, `${outlines.ja}\n${outlines.en}\n`);
console.log(`[prerender] ${dist}/index.html: ${(index.length / 1024).toFixed(1)} KB with the first screen`);
