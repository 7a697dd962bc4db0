// Benchmark of the built dist/ (run through scripts/bench): bundle size, time to first render and
// edit → redraw latency in headless Chromium. Prints a table; asserts nothing about timing.
//
//   node tests/browser/bench.mjs [--loads N] [--edits N]    (DIST_DIR overrides dist/)

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseArgs } from 'node:util';
import { DIST_DIR } from './support/config.mjs';
import { launchBrowser, collectErrors, waitForApp } from './support/harness.mjs';
import { startServer } from './support/sites.mjs';

const { values: opts } = parseArgs({
  options: {
    loads: { type: 'string', default: '5' },
    edits: { type: 'string', default: '200' },
  },
});
const LOADS = Number(opts.loads);
const EDITS = Number(opts.edits);
const WIN_RATE_LABEL = '受注率（商談 → 受注）';

const int = (n) => n.toLocaleString('en-US');
const ms = (n) => (Number.isFinite(n) ? n.toFixed(1) : '—');
const pad = (s, n) => String(s).padStart(n);
const padEnd = (s, n) => String(s).padEnd(n);

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  // nearest-rank
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1];
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

// ── 1. bundle size ──────────────────────────────────────────────────────────────────────────
function bundleSizes() {
  const kinds = [
    ['wasm', (f) => f.endsWith('.wasm')],
    ['js', (f) => f.endsWith('.js')],
    ['css', (f) => f.endsWith('.css')],
    ['html', (f) => f.endsWith('.html')],
  ];
  const files = fs.readdirSync(DIST_DIR).filter((f) => fs.statSync(path.join(DIST_DIR, f)).isFile());
  const rows = [];
  for (const [kind, match] of kinds) {
    for (const f of files.filter(match).sort()) {
      const data = fs.readFileSync(path.join(DIST_DIR, f));
      const gz = zlib.gzipSync(data, { level: 9 }).length;
      rows.push({ kind, file: f, raw: data.length, gz });
    }
  }
  return rows;
}

// ── 2. time to first render ─────────────────────────────────────────────────────────────────
// performance.now() counts from navigation start (timeOrigin). The time to first render is when a
// drawn chart is first in the document: the app draws into its data-drawn-at attribute, and the
// first mount draws the funnel chart before the finished app is put in, so the moment it is
// added counts as well as a draw made in place. An init script keeps it.
const RECORD_FIRST_DRAW = () => {
  new MutationObserver(() => {
    if (window.__funnelFirstDrawnAt !== undefined) return;
    const drawn = document.querySelector('canvas[data-drawn-at]');
    if (drawn) {
      window.__funnelFirstDrawnAt = Math.max(Number(drawn.getAttribute('data-drawn-at')), performance.now());
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-drawn-at'] });
};

async function firstRender(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript(RECORD_FIRST_DRAW);
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(url);
    await page.waitForFunction(() => window.__funnelFirstDrawnAt !== undefined, null, { timeout: 30_000 });
    const t = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        firstDraw: window.__funnelFirstDrawnAt,
        domContentLoaded: nav?.domContentLoadedEventEnd ?? NaN,
      };
    });
    if (errors.length) throw new Error(`page errors during load:\n${errors.join('\n')}`);
    return t;
  } finally {
    await context.close();
  }
}

// ── 3. edit → redraw ────────────────────────────────────────────────────────────────────────
// `view`: the `#view=` to open; `label`: the input typed into; `canvas`: the chart that must
// redraw; values run base, base + 1, … base + 25 and round again.
async function editLatencies(
  browser,
  url,
  edits,
  {
    view = '',
    label = WIN_RATE_LABEL,
    canvas: canvasSelector = '.chart canvas',
    base = 20,
    prepare = async () => {},
  } = {},
) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(url + (view ? `#view=${view}` : ''));
    // the app's own chart, not the first screen's (which its small build draws first)
    await page.waitForFunction(() => !document.getElementById('prerender'));
    await page.waitForSelector(`${canvasSelector}[data-draws]`);
    await prepare(page);
    const input = await page.getByLabel(label, { exact: true }).elementHandle();
    const result = await page.evaluate(
      async ({ input, edits, canvasSelector, base }) => {
        const canvas = document.querySelector(canvasSelector);
        const drawCount = () => Number(canvas.getAttribute('data-draws') ?? 0);
        const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r()));
        const samples = [];
        let missed = 0;
        for (let i = 0; i < edits; i++) {
          // 20, 21, …, 45, 20, …: every edit is valid and differs from the previous one
          const value = String(base + (i % 26));
          await nextFrame(); // start each edit from an idle frame (not timed)
          const before = drawCount();
          const redrawn = new Promise((resolve) => {
            const observer = new MutationObserver(() => {
              if (drawCount() > before) {
                observer.disconnect();
                resolve(true);
              }
            });
            observer.observe(canvas, { attributes: true, attributeFilter: ['data-draws'] });
            setTimeout(() => {
              observer.disconnect();
              resolve(drawCount() > before);
            }, 5000);
          });
          const t0 = performance.now();
          input.value = value;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          const ok = drawCount() > before || (await redrawn);
          if (!ok) {
            missed++;
            continue;
          }
          samples.push(Number(canvas.getAttribute('data-drawn-at')) - t0);
        }
        return { samples, missed };
      },
      { input, edits, canvasSelector, base },
    );
    if (errors.length) throw new Error(`page errors during edits:\n${errors.join('\n')}`);
    return result;
  } finally {
    await context.close();
  }
}

// ── risk & sensitivity: the model's own timings, read off the page ───────────────────────────
// The Risk view times its parts with performance.now() and writes them on its headline as
// data-ms-* attributes. Each edit of the seed makes it compute everything again.
async function riskTimings(browser, url, runs, { ranges }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${url}#view=risk`);
    const headline = page.locator('[data-testid="risk-headline"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="risk-headline"]')?.getAttribute('data-ms-total'));
    if (ranges) {
      await page.getByLabel('受注率（商談 → 受注）の不確かさ', { exact: true }).selectOption('range');
      await page.getByLabel('受注率（商談 → 受注）の下限', { exact: true }).fill('20');
      await page.getByLabel('受注率（商談 → 受注）の上限', { exact: true }).fill('30');
      await page.getByLabel('MQL → SQL 転換率の不確かさ', { exact: true }).selectOption('counts');
      await page.getByLabel('MQL → SQL 転換率の成功数', { exact: true }).fill('57');
      await page.getByLabel('MQL → SQL 転換率の母数', { exact: true }).fill('190');
      await page.waitForFunction(() => Number(document.querySelector('[data-testid="risk-headline"]')?.getAttribute('data-trials')) > 0);
    }
    const seed = page.getByLabel('乱数シード', { exact: true });
    const samples = { outlook: [], levels: [], tornado: [], total: [] };
    for (let i = 0; i < runs; i++) {
      const before = await headline.getAttribute('data-ms-total');
      await seed.fill(String(100 + i));
      await page.waitForFunction(
        (b) => {
          const v = document.querySelector('[data-testid="risk-headline"]')?.getAttribute('data-ms-total');
          return v && v !== b;
        },
        before,
        { timeout: 30_000 },
      ).catch(() => {});
      for (const k of Object.keys(samples)) samples[k].push(Number(await headline.getAttribute(`data-ms-${k}`)));
    }
    return { samples, trials: Number(await headline.getAttribute('data-trials')) };
  } finally {
    await context.close();
  }
}

// ── share link of the default scenario ─────────────────────────────────────────────────────
async function defaultShareLink(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('canvas[data-draws]');
    // The share panel's inside is built just after the first screen.
    await page.waitForFunction(() => document.getElementById('share-link')?.value);
    const link = await page.locator('#share-link').inputValue();
    const payload = link.slice(link.indexOf('#s=') + 3);
    return { link, payload };
  } finally {
    await context.close();
  }
}

// ── main ────────────────────────────────────────────────────────────────────────────────────
const sizes = bundleSizes();
const server = await startServer();
const browser = await launchBrowser();
const version = browser.version();
let loads;
let edits;
let monthEdits;
let treeEdits;
let bigTreeEdits;
let shareLink;
let riskExact;
let riskSampled;
try {
  loads = [];
  for (let i = 0; i < LOADS; i++) loads.push(await firstRender(browser, server.url));
  edits = await editLatencies(browser, server.url, EDITS);
  monthEdits = await editLatencies(browser, server.url, EDITS, {
    view: 'months',
    label: 'リード獲得から受注までの平均日数',
    canvas: '#timeline-canvas',
    base: 60,
  });
  treeEdits = await editLatencies(browser, server.url, EDITS, {
    view: 'kpi',
    label: '受注率（商談 → 受注）の実績',
    canvas: '#kpi-canvas',
    base: 10,
  });
  // The same with 42 nodes: 22 KPIs added under the root through the node editor.
  bigTreeEdits = await editLatencies(browser, server.url, EDITS, {
    view: 'kpi',
    label: '受注率（商談 → 受注）の実績',
    canvas: '#kpi-canvas',
    base: 10,
    prepare: async (page) => {
      for (let i = 0; i < 22; i++) {
        await page.getByRole('button', { name: '売上', exact: true }).click();
        await page.getByRole('button', { name: '下にKPIを追加' }).click();
      }
      await page.waitForFunction(() => document.querySelectorAll('.kpi-outline li').length >= 42);
    },
  });
  shareLink = await defaultShareLink(browser, server.url);
  riskExact = await riskTimings(browser, server.url, 20, { ranges: false });
  riskSampled = await riskTimings(browser, server.url, 10, { ranges: true });
} finally {
  await browser.close();
  await server.stop();
}

console.log(`Funnel calculator benchmark — ${DIST_DIR}`);
console.log(`Chromium ${version}, headless, 1280×900, Node ${process.version}\n`);

console.log('Bundle (gzip -9)');
const nameWidth = Math.max(30, ...sizes.map((r) => r.file.length));
console.log(`  ${padEnd('file', nameWidth)}  ${pad('bytes', 10)}  ${pad('gzip', 10)}`);
for (const r of sizes) console.log(`  ${padEnd(r.file, nameWidth)}  ${pad(int(r.raw), 10)}  ${pad(int(r.gz), 10)}`);
const byKind = (k) => sizes.filter((r) => r.kind === k).reduce((a, r) => a + r.gz, 0);
const totalRaw = sizes.reduce((a, r) => a + r.raw, 0);
const totalGz = sizes.reduce((a, r) => a + r.gz, 0);
console.log(`  ${padEnd('total', nameWidth)}  ${pad(int(totalRaw), 10)}  ${pad(int(totalGz), 10)}`);
// What each page downloads: the calculator's page with its build, the embed's page with its own.
const EMBED_PAGE_FILES = /^(embed\.html|embed-boot-.*|funnel-embed-.*|main-.*\.css)$/;
const pageLoads = [
  ['calculator', (f) => !f.startsWith('funnel-embed-') && !f.startsWith('embed') && f !== 'sw.js'],
  ['embed (embed.html)', (f) => EMBED_PAGE_FILES.test(f)],
];
for (const [entry, loaded] of pageLoads) {
  const rows = sizes.filter((r) => loaded(r.file));
  const sum = (k) => rows.reduce((a, r) => a + r[k], 0);
  console.log(`  ${padEnd(`first load, ${entry}`, nameWidth)}  ${pad(int(sum('raw')), 10)}  ${pad(int(sum('gz')), 10)}`);
}
console.log(
  `  (gzip: wasm ${int(byKind('wasm'))}, js ${int(byKind('js'))}, css ${int(byKind('css'))}, html ${int(byKind('html'))})\n`,
);

const firstDraws = loads.map((l) => l.firstDraw);
console.log(`Time to first render (navigation start → first chart draw), ${LOADS} fresh loads`);
console.log(`  ${padEnd('median', 10)} ${pad(ms(median(firstDraws)), 8)} ms`);
console.log(`  ${padEnd('min', 10)} ${pad(ms(Math.min(...firstDraws)), 8)} ms`);
console.log(`  ${padEnd('max', 10)} ${pad(ms(Math.max(...firstDraws)), 8)} ms`);
console.log(`  ${padEnd('runs', 10)} ${firstDraws.map(ms).join(', ')} ms`);
console.log(`  (DOMContentLoaded median ${ms(median(loads.map((l) => l.domContentLoaded)))} ms)\n`);

function printLatencies(title, run) {
  const sorted = [...run.samples].sort((a, b) => a - b);
  console.log(`${title}, ${EDITS} edits`);
  console.log(`  ${padEnd('p50', 10)} ${pad(ms(quantile(sorted, 0.5)), 8)} ms`);
  console.log(`  ${padEnd('p95', 10)} ${pad(ms(quantile(sorted, 0.95)), 8)} ms`);
  console.log(`  ${padEnd('max', 10)} ${pad(ms(sorted[sorted.length - 1]), 8)} ms`);
  console.log(`  ${padEnd('mean', 10)} ${pad(ms(sorted.reduce((a, b) => a + b, 0) / sorted.length), 8)} ms`);
  if (run.missed) console.log(`  ${run.missed} edit(s) did not redraw within 5 s`);
}
printLatencies('Edit → redraw (win-rate input event → funnel chart drawn)', edits);
printLatencies('\nMonthly plan: lead-time days input → timeline drawn', monthEdits);
printLatencies('\nKPI tree (20 nodes): win-rate actual input → tree drawn', treeEdits);
printLatencies('\nKPI tree (42 nodes): win-rate actual input → tree drawn', bigTreeEdits);

console.log('\nShare link of the default scenario');
console.log(`  ${padEnd('payload', 10)} ${pad(int(shareLink.payload.length), 8)} characters (after #s=)`);
console.log(`  ${padEnd('whole URL', 10)} ${pad(int(shareLink.link.length), 8)} characters (${shareLink.link.slice(0, shareLink.link.indexOf('#'))})`);

function printRisk(title, run) {
  console.log(title);
  for (const [k, label] of [
    ['outlook', 'chance, P10–P90'],
    ['levels', '80/90/user counts + curve'],
    ['tornado', 'tornado'],
    ['total', 'all figures'],
  ]) {
    const sorted = [...run.samples[k]].sort((a, b) => a - b);
    console.log(`  ${padEnd(label, 28)} median ${pad(ms(median(sorted)), 7)} ms   max ${pad(ms(sorted[sorted.length - 1]), 7)} ms`);
  }
}
printRisk('\nRisk view, default scenario, fixed rates (exact), 20 recomputes', riskExact);
printRisk(`\nRisk view, win rate 20–30 % and MQL → SQL 57 of 190 (Monte Carlo, ${int(riskSampled.trials)} trials), 10 recomputes`, riskSampled);
