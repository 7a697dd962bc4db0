// The browser side of every test file: one headless Chromium per file, a fresh browser context
// (fresh localStorage) per test, per-page error collection, and waits on conditions.
//
//   import { useApp } from './support/harness.mjs';
//   const app = useApp();                       // registers before/after hooks for this file
//   test('…', () => app.withPage(async (page) => { … }));

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ARTIFACTS_DIR, CHROMIUM_ARGS, CHROMIUM_PATH, TIMEOUT } from './config.mjs';
import { startServer } from './sites.mjs';

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

/**
 * Waits until the app has rendered its results and drawn the chart at least once, in place of
 * the build-time first screen (whose chart the first screen's own small build draws earlier).
 */
export async function waitForApp(page) {
  await page.locator('table.stage-table tbody tr').first().waitFor({ timeout: TIMEOUT });
  await page.waitForFunction(
    () =>
      !document.getElementById('prerender') &&
      Number(document.querySelector('.chart canvas')?.getAttribute('data-draws') ?? 0) >= 1,
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

/** Clicks `button` and returns the download it starts: { download, path, name, bytes }. */
export async function captureDownload(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), button.click()]);
  const file = await download.path();
  assert.equal(await download.failure(), null, 'the download failed');
  return { download, path: file, name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

export function ensureArtifactsDir() {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return ARTIFACTS_DIR;
}

/** Saves a screenshot of the viewport (or of `locator`) to tests/browser/artifacts/`name`.png. */
export async function screenshot(page, name, locator = null) {
  const file = path.join(ensureArtifactsDir(), `${name}.png`);
  if (locator) await locator.screenshot({ path: file });
  else await page.screenshot({ path: file });
  return file;
}

/** Saves a full-page screenshot to tests/browser/artifacts/`name`.png. */
export async function fullPageScreenshot(page, name) {
  const file = path.join(ensureArtifactsDir(), `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
