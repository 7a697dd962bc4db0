// Shared set-up for the browser tests: a static server on dist/, one headless Chromium per test
// file, a fresh browser context (fresh localStorage) per test, and per-page error collection.
//
//   import { useApp } from './helpers.mjs';
//   const app = useApp();                       // registers before/after hooks for this file
//   test('…', () => app.withPage(async (page) => { … }));
//
// DIST_DIR may point at another built dist/ (default: the repository's dist/).

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const BROWSER_TESTS_DIR = here;
export const REPO_DIR = path.resolve(here, '../..');
export const DIST_DIR = path.resolve(BROWSER_TESTS_DIR, process.env.DIST_DIR ?? '../../dist');
export const ARTIFACTS_DIR = path.join(BROWSER_TESTS_DIR, 'artifacts');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Default time limit for every wait on a condition (ms). */
export const TIMEOUT = 10_000;

/** A port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(1000, () => {
      req.destroy();
      resolve(0);
    });
  });
}

/**
 * Checks that dist/ is a complete build (index.html and every local file it references), then
 * copies it to a temporary directory so a rebuild running at the same time cannot change the
 * files under a test. Returns the copy's path.
 */
export function snapshotDist(dir = DIST_DIR) {
  const index = path.join(dir, 'index.html');
  assert.ok(fs.existsSync(index), `${index} is missing: build first (trunk build --release --offline)`);
  const html = fs.readFileSync(index, 'utf8');
  const refs = [...html.matchAll(/(?:href|src|module_or_path:)\s*=?\s*['"]\.\/([^'"?#]+)['"]/g)].map((m) => m[1]);
  const importRefs = [...html.matchAll(/from\s+['"]\.\/([^'"]+)['"]/g)].map((m) => m[1]);
  const missing = [...new Set([...refs, ...importRefs])].filter((f) => !fs.existsSync(path.join(dir, f)));
  assert.deepEqual(missing, [], `${dir} is incomplete (a build in progress?): missing ${missing.join(', ')}`);
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'funnel-browser-dist-'));
  fs.cpSync(dir, copy, { recursive: true });
  return copy;
}

/**
 * Serves a snapshot of dist/ with `python3 -m http.server` on 127.0.0.1 and waits until it
 * answers. Returns { url, dir, stop }.
 */
export async function startServer(distDir = DIST_DIR) {
  const dir = snapshotDist(distDir);
  const port = await freePort();
  const proc = spawn(
    'python3',
    ['-m', 'http.server', '--bind', '127.0.0.1', String(port), '--directory', dir],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  proc.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (proc.exitCode !== null) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw new Error(`http.server exited early (${proc.exitCode}): ${stderr}`);
    }
    if ((await httpStatus(url)) === 200) break;
    if (Date.now() > deadline) {
      proc.kill();
      fs.rmSync(dir, { recursive: true, force: true });
      throw new Error(`http.server did not answer on ${url}: ${stderr}`);
    }
    // Readiness poll of a child process, not a wait for the app: a short back-off is fine.
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    dir,
    async stop() {
      if (proc.exitCode === null) {
        proc.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Console errors and uncaught page errors of one page. */
export function collectErrors(page) {
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      errors.push(`console.error: ${msg.text()}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.stack ?? err.message}`));
  page.on('crash', () => errors.push('page crashed'));
  page.on('requestfailed', (req) => {
    errors.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return errors;
}

/** Waits until the app has rendered its results and drawn the chart at least once. */
export async function waitForApp(page) {
  await page.locator('table.stage-table tbody tr').first().waitFor({ timeout: TIMEOUT });
  await page.waitForFunction(
    () => Number(document.querySelector('.chart canvas')?.getAttribute('data-draws') ?? 0) >= 1,
    null,
    { timeout: TIMEOUT },
  );
}

/**
 * Registers before/after hooks that start the server and the browser for this test file.
 * Returns an object whose `withPage` runs a test body in a fresh context and then checks that
 * the page logged no errors.
 */
export function useApp() {
  const app = {
    server: null,
    browser: null,
    get url() {
      return this.server.url;
    },
    /**
     * @param {(page: import('playwright-core').Page, ctx: object) => Promise<void>} body
     * @param {{ viewport?: {width:number,height:number}, deviceScaleFactor?: number, path?: string }} [opts]
     */
    async withPage(body, opts = {}) {
      const context = await app.browser.newContext({
        viewport: opts.viewport ?? { width: 1280, height: 900 },
        deviceScaleFactor: opts.deviceScaleFactor ?? 1,
        locale: opts.locale ?? 'ja-JP',
      });
      const page = await context.newPage();
      page.setDefaultTimeout(TIMEOUT);
      const errors = collectErrors(page);
      try {
        await page.goto(app.url + (opts.path ?? ''));
        await waitForApp(page);
        await body(page, { context, errors });
        assert.deepEqual(errors, [], 'the page logged errors');
      } catch (err) {
        // a failing step may be caused by a page error: show them together
        if (errors.length && !String(err.message).includes('the page logged errors')) {
          err.message += `\n\npage errors so far:\n${errors.join('\n')}`;
        }
        throw err;
      } finally {
        await context.close();
      }
    },
  };
  before(async () => {
    app.server = await startServer();
    app.browser = await launchBrowser();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.stop();
  });
  return app;
}

/**
 * Retries `check` (which throws on failure, e.g. with assert) until it passes or `timeout` ms
 * pass; rethrows the last failure. For conditions that span node and the page.
 */
export async function eventually(check, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The results table: one object per stage row. */
export async function readTable(page) {
  return page.locator('table.stage-table tbody tr').evaluateAll((rows) =>
    rows.map((tr) => {
      const cells = [...tr.querySelectorAll('td')];
      const required = tr.querySelector('td.required');
      return {
        stage: tr.querySelector('th').textContent.trim(),
        required: required.textContent.trim(),
        title: required.getAttribute('title'),
        exact: tr.querySelector('td.exact').textContent.trim(),
        rate: cells[2]?.textContent.trim(),
        cumulative: cells[3]?.textContent.trim(),
      };
    }),
  );
}

/** Row of `stage` (by its visible name) in the results table. */
export async function row(page, stage) {
  const rows = await readTable(page);
  const found = rows.find((r) => r.stage === stage);
  assert.ok(found, `no row "${stage}" in ${JSON.stringify(rows.map((r) => r.stage))}`);
  return found;
}

/** Waits until the table shows `expected` ({stage: required, …}) and returns the rows. */
export async function expectRequired(page, expected) {
  return eventually(async () => {
    const rows = await readTable(page);
    const actual = Object.fromEntries(
      Object.keys(expected).map((k) => [k, rows.find((r) => r.stage === k)?.required]),
    );
    assert.deepEqual(actual, expected);
    return rows;
  });
}

export async function text(page, selector) {
  return (await page.locator(selector).textContent())?.trim();
}

/** Waits until `selector`'s trimmed text equals `expected` (string) or matches it (RegExp). */
export async function expectText(page, selector, expected) {
  return eventually(async () => {
    const actual = await text(page, selector);
    if (expected instanceof RegExp) assert.match(actual ?? '', expected);
    else assert.equal(actual, expected);
    return actual;
  });
}

export const testId = (id) => `[data-testid="${id}"]`;

/** Current draw count of the funnel canvas. */
export async function draws(page) {
  return Number((await page.locator('.chart canvas').getAttribute('data-draws')) ?? 0);
}

/** Waits until the canvas has been drawn more than `before` times. */
export async function waitForDrawAfter(page, before) {
  await page.waitForFunction(
    (n) => Number(document.querySelector('.chart canvas')?.getAttribute('data-draws') ?? 0) > n,
    before,
    { timeout: TIMEOUT },
  );
}

/** Everything a reader can see or hear: body text plus title/aria-label/placeholder attributes. */
export async function pageText(page) {
  return page.evaluate(() => {
    const parts = [document.title, document.body.innerText];
    for (const el of document.querySelectorAll('[title],[aria-label],[placeholder],[alt]')) {
      for (const a of ['title', 'aria-label', 'placeholder', 'alt']) {
        const v = el.getAttribute(a);
        if (v) parts.push(v);
      }
    }
    return parts.join('\n');
  });
}

/** Asserts the page shows no NaN, Infinity, ∞ or "undefined" anywhere. */
export async function assertNoGarbage(page, context = '') {
  const all = await pageText(page);
  for (const bad of ['NaN', 'Infinity', '∞', 'undefined']) {
    assert.ok(!all.includes(bad), `page text contains "${bad}" ${context}`);
  }
}

/** Sets the page language with the top-bar button and waits until <html lang> follows. */
export async function setLanguage(page, lang) {
  const name = lang === 'en' ? 'English' : '日本語';
  await page.getByRole('button', { name, exact: true }).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang, { timeout: TIMEOUT });
}

export function ensureArtifactsDir() {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return ARTIFACTS_DIR;
}

// ---------------------------------------------------------------------------------------------
// Scenarios, storage, links and downloads (scenarios/sharing/export/storage_faults/compare tests)

/** localStorage keys of the app. */
export const KEYS = {
  scenario: (id) => `funnel-calculator.scenario.${id}`,
  unreadable: (id) => `funnel-calculator.unreadable.${id}`,
  current: 'funnel-calculator.current',
  lang: 'funnel-calculator.lang',
};

/** The default draft (seed 003 with a 2 % visit CVR on top) as the stored JSON's `draft`. */
export function defaultDraft(overrides = {}) {
  return {
    target: '1億',
    deal_size: '500万',
    stages: [
      { id: 0, kind: 'visits', rate: '2' },
      { id: 1, kind: 'leads', rate: '10' },
      { id: 2, kind: 'mql', rate: '30' },
      { id: 3, kind: 'sql', rate: '40' },
      { id: 4, kind: 'opportunities', rate: '25' },
      { id: 5, kind: 'won', rate: '100' },
    ],
    entry_stage: 1,
    entry_count: '',
    seek: { rate: 4 },
    ...overrides,
  };
}

/** A stored/exported scenario JSON text (version 2, pretty like the app writes it). */
export function scenarioJson(name, draftOverrides = {}, { version = 2 } = {}) {
  return JSON.stringify(
    { format: 'funnel-calculator-scenario', version, name, draft: defaultDraft(draftOverrides) },
    null,
    2,
  );
}

/** The required counts of the default scenario, top to bottom, as shown. */
export const DEFAULT_COUNTS = ['333,334', '6,667', '667', '200', '80', '20'];
export const DEFAULT_REQUIRED_JA = {
  訪問: '333,334',
  リード: '6,667',
  MQL: '667',
  SQL: '200',
  商談: '80',
  受注: '20',
};

const KIND_CODES = ['visits', 'leads', 'mql', 'sal', 'sql', 'pql', 'opportunities', 'won', 'custom'];

/** FNV-1a (32 bit) over the version marker's digits and the JSON bytes, as share.rs checks it. */
function linkCheck(version, bytes) {
  let h = 0x811c9dc5;
  for (const b of [...Buffer.from(String(version)), ...bytes]) {
    h = Math.imul(h ^ b, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * A share-link payload (the part after `#s=`) built in node exactly as share.rs does: the
 * version marker, a dot, URL-safe base64 (no padding) of the compact JSON array plus a 4-byte
 * big-endian FNV-1a check. Version 3 (today's) ends with the plan and the KPI tree, `null` for
 * the defaults; version 2 links (without them) are still read; other versions are foreign.
 */
export function encodeLink(name, draftOverrides = {}, { version = 3 } = {}) {
  const d = defaultDraft(draftOverrides);
  const seek = d.seek === 'deal_size' ? -1 : d.seek === 'entry_count' ? -2 : d.seek.rate;
  const array = [
    name,
    d.target,
    d.deal_size,
    d.stages.map((s) => [s.id, KIND_CODES.indexOf(s.kind), s.rate, s.name ?? null]),
    d.entry_stage,
    d.entry_count,
    seek,
  ];
  if (version >= 3) array.push(d.plan ?? null, d.kpi ?? null);
  const json = Buffer.from(JSON.stringify(array), 'utf8');
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(linkCheck(version, json));
  return `${version}.${Buffer.concat([json, sum]).toString('base64url')}`;
}

/**
 * A page in a new context of `app`'s browser, with error collection. Options as app.withPage,
 * plus `permissions` (granted for the app's origin), `init(context)` (runs before the first
 * navigation: init scripts…) and `ready(page)` (how to wait after `path` is loaded; default
 * waitForApp; pass `null` to not wait). Without `path` nothing is loaded.
 * Returns { context, page, errors, dialogs }.
 */
export async function openPage(app, opts = {}) {
  const context = await app.browser.newContext({
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    deviceScaleFactor: opts.deviceScaleFactor ?? 1,
    locale: opts.locale ?? 'ja-JP',
  });
  if (opts.permissions) {
    await context.grantPermissions(opts.permissions, { origin: new URL(app.url).origin });
  }
  if (opts.init) await opts.init(context);
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const errors = collectErrors(page);
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  if (opts.path !== undefined) {
    await page.goto(app.url + opts.path);
    const ready = opts.ready === undefined ? waitForApp : opts.ready;
    if (ready) await ready(page);
  }
  return { context, page, errors, dialogs };
}

/**
 * Like app.withPage with openPage's options (`path` defaults to ''): runs `body(page, {context,
 * errors, dialogs})` and then checks the page logged no errors and opened no dialog.
 */
export async function withOpenPage(app, body, opts = {}) {
  const { context, page, errors, dialogs } = await openPage(app, { path: '', ...opts });
  try {
    await body(page, { context, errors, dialogs });
    assert.deepEqual(errors, [], 'the page logged errors');
    assert.deepEqual(dialogs, [], 'the page opened a dialog');
  } catch (err) {
    if (errors.length && !String(err.message).includes('the page logged errors')) {
      err.message += `\n\npage errors so far:\n${errors.join('\n')}`;
    }
    throw err;
  } finally {
    await context.close();
  }
}

/**
 * An init script that fills localStorage with `entries` ({key: value}) before the app's first
 * load in each tab only (a sessionStorage flag guards it), after clearing it.
 */
export async function seedStorage(context, entries) {
  await context.addInitScript((seed) => {
    try {
      if (location.protocol !== 'http:' || sessionStorage.getItem('__test_seeded')) return;
      sessionStorage.setItem('__test_seeded', '1');
      localStorage.clear();
      for (const [k, v] of Object.entries(seed)) localStorage.setItem(k, v);
    } catch {
      // storage made unavailable by another init script: nothing to seed
    }
  }, entries);
}

/** Every localStorage entry of the page's origin, as a plain object. */
export async function storageDump(page) {
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      out[k] = localStorage.getItem(k);
    }
    return out;
  });
}

/** The stored scenario `id` parsed, or null. */
export async function storedScenario(page, id) {
  const raw = await page.evaluate((k) => localStorage.getItem(k), KEYS.scenario(id));
  return raw === null ? null : JSON.parse(raw);
}

/** Texts of the scenario picker's options, in order. */
export async function scenarioNames(page, selector = '#scenario-picker') {
  // the saved scenarios only (a shared, unsaved one is a disabled placeholder option)
  return page.locator(`${selector} option:not([disabled])`).evaluateAll((os) => os.map((o) => o.textContent));
}

/** The selected option's text of a picker. */
export async function selectedName(page, selector = '#scenario-picker') {
  return page.locator(selector).evaluate((s) => s.options[s.selectedIndex]?.textContent ?? null);
}

/** Texts of the notices on screen (li.notice). */
export async function noticeTexts(page) {
  return page.locator('li.notice > span').allTextContents();
}

/** Waits until some notice contains `fragment` and returns that notice's locator. */
export async function expectNotice(page, fragment) {
  const notice = page.locator('li.notice').filter({ hasText: fragment });
  await notice.first().waitFor({ timeout: TIMEOUT });
  return notice.first();
}

/** The required counts of the results table, top to bottom. */
export async function requiredCounts(page) {
  return (await readTable(page)).map((r) => r.required);
}

/** Waits until the compare view shows its table rows and has drawn both charts. */
export async function waitForCompare(page) {
  await page.locator('table.compare-table tbody tr').first().waitFor({ timeout: TIMEOUT });
  await page.waitForFunction(
    () => {
      const canvases = [...document.querySelectorAll('.compare-charts canvas')];
      return canvases.length === 2 && canvases.every((c) => Number(c.getAttribute('data-draws') ?? 0) >= 1);
    },
    null,
    { timeout: TIMEOUT },
  );
}

/** The compare table: one {label, a, b, delta} per row. */
export async function readCompare(page) {
  return page.locator('table.compare-table tbody tr').evaluateAll((rows) =>
    rows.map((tr) => {
      const td = [...tr.querySelectorAll('td')].map((c) => c.textContent.trim());
      return { label: tr.querySelector('th').textContent.trim(), a: td[0], b: td[1], delta: td[2] };
    }),
  );
}

/** Opens the 共有・書き出し panel (idempotent). */
export async function openSharePanel(page) {
  await openScenarioMenu(page);
  await page.locator('details.share').evaluate((d) => {
    d.open = true;
  });
  await page.locator('#share-link').waitFor({ state: 'visible', timeout: TIMEOUT });
}

/** On a phone the scenario controls fold behind one button: opens it (nothing to do when wide). */
export async function openScenarioMenu(page) {
  const toggle = page.locator('.toolbar .menu-toggle');
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
}

/** Clicks `button` and returns the download it starts: { download, path, name, bytes }. */
export async function captureDownload(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), button.click()]);
  const file = await download.path();
  assert.equal(await download.failure(), null, 'the download failed');
  return { download, path: file, name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

/**
 * An init script that counts the app's autosave runs (its 300 ms debounce timer): pending
 * timers in `window.__autosavePending`, finished runs in `window.__autosaves`.
 */
export async function trackAutosave(context) {
  await context.addInitScript(() => {
    window.__autosaves = 0;
    window.__autosavePending = new Set();
    const setTimeout = window.setTimeout;
    const clearTimeout = window.clearTimeout;
    window.setTimeout = function (fn, ms, ...rest) {
      if (ms !== 300 || typeof fn !== 'function') return setTimeout.call(window, fn, ms, ...rest);
      const id = setTimeout.call(
        window,
        (...args) => {
          window.__autosavePending.delete(id);
          try {
            fn(...args);
          } finally {
            window.__autosaves += 1;
          }
        },
        ms,
        ...rest,
      );
      window.__autosavePending.add(id);
      return id;
    };
    window.clearTimeout = function (id) {
      window.__autosavePending?.delete(id);
      return clearTimeout.call(window, id);
    };
  });
}

/** Autosave runs so far (needs trackAutosave). */
export async function autosaves(page) {
  return page.evaluate(() => window.__autosaves);
}

/** Waits until more than `after` autosaves ran and none is pending (needs trackAutosave). */
export async function autosaveSettled(page, after = 0) {
  await page.waitForFunction(
    (n) => window.__autosaves > n && window.__autosavePending.size === 0,
    after,
    { timeout: TIMEOUT },
  );
}

/** Fires the page's pagehide handlers now (the app saves there), without leaving the page. */
export async function firePagehide(page) {
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })));
}

/** Saves a screenshot of the viewport (or of `locator`) to tests/browser/artifacts/`name`.png. */
export async function screenshot(page, name, locator = null) {
  const file = path.join(ensureArtifactsDir(), `${name}.png`);
  if (locator) await locator.screenshot({ path: file });
  else await page.screenshot({ path: file });
  return file;
}

// ---------------------------------------------------------------------------------------------
// Static sites on several origins (embed/offline/security tests)

/**
 * A new temporary site root holding a snapshot of dist/ under `subPath` (e.g. 'tools/calc'; ''
 * for the root), as on a static host. Returns { root, appDir, remove() }.
 */
export function siteWithApp(subPath = '', distDir = DIST_DIR) {
  const snapshot = snapshotDist(distDir);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'funnel-browser-site-'));
  const appDir = path.join(root, subPath);
  fs.mkdirSync(path.dirname(appDir), { recursive: true });
  fs.rmSync(appDir, { recursive: true, force: true });
  fs.cpSync(snapshot, appDir, { recursive: true });
  fs.rmSync(snapshot, { recursive: true, force: true });
  return { root, appDir, remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/**
 * Serves `dir` as it is (no snapshot) with `python3 -m http.server` on 127.0.0.1 and waits until
 * it answers. `stop()` ends the server (idempotent) and leaves `dir` in place.
 * Returns { port, url: 'http://127.0.0.1:<port>/', stop(), running() }.
 */
export async function serveDir(dir) {
  const port = await freePort();
  const proc = spawn('python3', ['-m', 'http.server', '--bind', '127.0.0.1', String(port), '--directory', dir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`http.server exited early (${proc.exitCode}): ${stderr}`);
    if ((await httpStatus(url)) === 200) break;
    if (Date.now() > deadline) {
      proc.kill();
      throw new Error(`http.server did not answer on ${url}: ${stderr}`);
    }
    // Readiness poll of a child process, not a wait for the app: a short back-off is fine.
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    url,
    running: () => proc.exitCode === null && proc.signalCode === null,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGTERM');
        await exited;
      }
    },
  };
}

/** The HTTP status `url` answers with right now (0: no answer). */
export const statusOf = httpStatus;

/**
 * An init script that records every Content-Security-Policy violation of each document in
 * `window.__cspViolations` ({directive, blocked, sample, source}).
 */
export async function trackCspViolations(context) {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push({
        directive: e.violatedDirective,
        blocked: e.blockedURI,
        sample: e.sample,
        source: `${e.sourceFile}:${e.lineNumber}`,
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Monthly plan (#view=months) and Channels & budget (#view=channels)

/** Draw count of the canvas with element id `id` (timeline-canvas, channel-canvas …). */
export async function canvasDraws(page, id) {
  return Number((await page.locator(`canvas#${id}`).getAttribute('data-draws')) ?? 0);
}

/** Waits until canvas `id` has been drawn more than `before` times. */
export async function waitForCanvasDrawAfter(page, id, before) {
  await page.waitForFunction(
    ([cid, n]) => Number(document.getElementById(cid)?.getAttribute('data-draws') ?? 0) > n,
    [id, before],
    { timeout: TIMEOUT },
  );
}

/** Waits until the monthly plan shows its table and has drawn its timeline once. */
export async function waitForMonths(page) {
  await page.locator('table.month-table tbody tr').first().waitFor({ timeout: TIMEOUT });
  await waitForCanvasDrawAfter(page, 'timeline-canvas', 0);
}

/** Waits until the channels view shows its results and has drawn its chart once. */
export async function waitForChannels(page) {
  await page.locator('table.channel-results tbody tr').first().waitFor({ timeout: TIMEOUT });
  await waitForCanvasDrawAfter(page, 'channel-canvas', 0);
}

/**
 * The month table: `head` (column titles), `rows` ({month, tag, cells}) for the months and
 * `total` (cells of the 合計/Total row). Cells are the shown texts.
 */
export async function readMonthTable(page) {
  return page.locator('table.month-table').evaluate((table) => {
    const head = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
    const rows = [];
    let total = null;
    let totalLabel = null;
    for (const tr of table.querySelectorAll('tbody tr')) {
      const th = tr.querySelector('th');
      const tag = th.querySelector('.tag')?.textContent.trim() ?? '';
      const label = [...th.childNodes]
        .filter((n) => !(n.nodeType === 1 && n.classList.contains('tag')))
        .map((n) => n.textContent)
        .join('')
        .trim();
      const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent.trim());
      if (tr.classList.contains('total')) {
        total = cells;
        totalLabel = label;
      } else rows.push({ month: label, tag, before: tr.classList.contains('before'), cells });
    }
    return { head, rows, total, totalLabel };
  });
}

/** The channel results table: one {name, leads, visits, budget, cpl, mql, won, cpa} per row. */
export async function readChannelResults(page) {
  return page.locator('table.channel-results tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const [leads, visits, budget, cpl, mql, won, cpa] = [...tr.querySelectorAll('td')].map((td) =>
        td.textContent.trim(),
      );
      return { name: tr.querySelector('th').textContent.trim(), leads, visits, budget, cpl, mql, won, cpa, total: tr.classList.contains('total') };
    }),
  );
}

/** "6,667件" / "10,000円" free: the integer a shown count stands for ("2,135" → 2135). */
export function countOf(text) {
  const n = Number(String(text).replace(/[,件人\s]/g, ''));
  assert.ok(Number.isFinite(n), `not a count: ${text}`);
  return n;
}

/** Thousands separators, as the app shows counts: 6667 → "6,667". */
export function grouped(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Largest remainder, as crates/model/src/plan/mod.rs documents it: each part is its exact quota
 * (total × weight ÷ Σweights) rounded down, and the units left over go to the largest fractional
 * parts, the earlier index on a tie. The parts sum to `total`.
 */
export function largestRemainder(total, weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const quotas = weights.map((w) => (total * w) / sum);
  const parts = quotas.map((q) => Math.floor(q));
  const order = quotas.map((q, i) => [q - Math.floor(q), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let left = total - parts.reduce((a, b) => a + b, 0);
  for (let k = 0; left > 0; k++, left--) parts[order[k % order.length][1]] += 1;
  return parts;
}

/** The message paragraph under the input labelled `label` (exact). */
export function fieldMessage(page, label) {
  return page.locator('div.field', { has: page.getByLabel(label, { exact: true }) }).locator('p.message').first();
}

/** Saves a full-page screenshot to tests/browser/artifacts/`name`.png. */
export async function fullPageScreenshot(page, name) {
  const file = path.join(ensureArtifactsDir(), `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// ---------------------------------------------------------------------------------------------
// KPI tree (#view=kpi)

/** Waits until the KPI view shows its outline and has drawn its tree canvas once. */
export async function waitForKpi(page) {
  await page.locator('ul.kpi-outline li.kpi-row').first().waitFor({ timeout: TIMEOUT });
  await waitForCanvasDrawAfter(page, 'kpi-canvas', 0);
}

/**
 * The KPI outline, top to bottom: one {title, kind, depth, detail, status, tags, hasActual,
 * selected, bottleneck} per visible node (depth read from the row's indent, 0.9rem a level).
 */
export async function readKpiOutline(page) {
  return page.locator('ul.kpi-outline > li.kpi-row').evaluateAll((lis) =>
    lis.map((li) => ({
      title: li.querySelector('button.node-title').textContent.trim(),
      kind: li.querySelector('.kind').textContent.trim(),
      depth: Math.round(parseFloat(li.style.paddingLeft || '0') / 0.9),
      detail: li.querySelector('.detail').textContent.trim(),
      status: li.querySelector('.status').textContent.trim(),
      tags: [...li.querySelectorAll('.tag')].map((t) => t.textContent.trim()),
      hasActual: li.querySelector('input') !== null,
      selected: li.classList.contains('selected'),
      bottleneck: li.classList.contains('bottleneck'),
    })),
  );
}
