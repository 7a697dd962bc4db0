// Lighthouse's mobile preset (simulated slow 4G, 4× CPU) on the built dist/, served with gzip as
// a static host serves it, for the full app's first visit and for an embed URL carrying a shared
// scenario. Prints the median of N runs per URL and what each file costs to transfer, over
// HTTP/1.1 and, when `openssl` can make a certificate, over HTTP/2 with TLS as static hosts serve
// today (Lighthouse's simulation models one multiplexed connection there, and a new connection
// with its own slow start for each parallel request over HTTP/1.1). Then, with the same preset
// applied by Chromium, when each page first answers (Lighthouse has no metric for "the inputs
// respond to typing").
// Usage: node tools/bench/lighthouse.mjs DIST [--runs N] [--only full|embed]
//        [--throttling simulate|devtools] [--json out.json]
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { execFileSync } from 'node:child_process';
import { readFile, stat, mkdtemp, rm } from 'node:fs/promises';
import { writeFileSync, readFileSync } from 'node:fs';
import { join, normalize, extname, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const args = process.argv.slice(2);
const dist = args[0];
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(option('--runs', '3'));
// 'simulate' (Lighthouse's default) estimates slow 4G from an unthrottled load; 'devtools'
// applies the same slow 4G and 4× CPU to the real load (see docs/PERFORMANCE.md for why both).
const throttling = option('--throttling', 'simulate');
const jsonOut = option('--json', null);
const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const here = dirname(fileURLToPath(import.meta.url));
const sharedLink = readFileSync(
  join(here, '../../crates/model/tests/fixtures/scenario_v3.link'), 'utf8').trim();

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
};

// gzip level 9 like a static host's precompressed files; no-cache so every run is a first visit.
// With `tls` ({ key, cert }), HTTP/2 only.
function serve(root, tls = null) {
  const handle = async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    let file = join(root, path);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache' };
      if (/gzip/.test(req.headers['accept-encoding'] ?? '')) {
        body = gzipSync(body, { level: 9 });
        headers['content-encoding'] = 'gzip';
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  };
  const server = tls ? createSecureServer(tls, handle) : createServer(handle);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** A throwaway certificate for 127.0.0.1, or null when `openssl` is not there. */
async function localCertificate() {
  const dir = await mkdtemp(join(tmpdir(), 'lh-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
      '-subj', '/CN=127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
    { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } catch {
    return null;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function measure(url) {
  const profile = await mkdtemp(join(tmpdir(), 'lh-'));
  const chrome = await chromeLauncher.launch({
    chromePath,
    userDataDir: profile,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic',
      '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--ignore-certificate-errors'],
  });
  try {
    const { lhr } = await lighthouse(url, {
      port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'],
    }, {
      extends: 'lighthouse:default',
      settings: { onlyCategories: ['performance'], throttlingMethod: throttling },
      // When the first screen answers typing, in the same simulation (simulate only).
      audits: [join(here, 'first-answer-audit.mjs')],
      categories: { performance: { auditRefs: [{ id: 'first-answer', weight: 0 }] } },
    });
    const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
    const files = (lhr.audits['network-requests']?.details?.items ?? [])
      .map((r) => ({ file: new URL(r.url).pathname.split('/').pop() || 'index.html',
        bytes: r.transferSize }));
    return {
      score: Math.round((lhr.categories.performance.score ?? 0) * 100),
      fcp: audit('first-contentful-paint'),
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      tti: audit('interactive'),
      answers: audit('first-answer'),
      bytes: audit('total-byte-weight'),
      lcpElement: lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? '',
      files,
    };
  } finally {
    await chrome.kill();
    await rm(profile, { recursive: true, force: true });
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Lighthouse's mobile preset applied by Chromium itself (its "devtools" values): each request
// waits 562.5 ms, 1.47 Mbit/s down, 4× CPU.
const APPLIED_4G = { offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8,
  uploadThroughput: (675 * 1024) / 8 };

/**
 * When a first visit can be answered, with the mobile preset applied: the first contentful paint,
 * when the page answers typing (the full app's first screen with `html.prerender-live`; the
 * embed's figures), and when the full app has replaced its first screen. Milliseconds.
 */
async function answerTimes(chromium, url) {
  const browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox'] });
  try {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 },
      deviceScaleFactor: 1.75, isMobile: true, serviceWorkers: 'block' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', APPLIED_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(() => {
      const marks = (window.__answer = {});
      new MutationObserver(() => {
        const now = performance.now();
        const live = document.documentElement.classList.contains('prerender-live')
          || document.querySelector('.embed [data-testid="headline-won"]');
        if (live && !marks.answers) marks.answers = now;
        if (document.body && !document.getElementById('prerender') && !marks.app) marks.app = now;
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    await page.goto(url, { waitUntil: 'commit' });
    const embed = url.includes('embed');
    await page.waitForFunction((embed) => window.__answer?.answers && (embed || window.__answer.app),
      embed, { timeout: 120_000 });
    return await page.evaluate((embed) => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      answers: window.__answer.answers,
      app: embed ? NaN : window.__answer.app,
    }), embed);
  } finally {
    await browser.close();
  }
}

const server = await serve(dist);
const certificate = await localCertificate();
const secure = certificate && (await serve(dist, certificate));
const only = option('--only', '');
const pagesOf = (base) => [
  { name: 'full app, first visit', url: base },
  { name: 'embed with a shared scenario', url: `${base}embed.html#embed=${sharedLink}` },
].filter((p) => !only || p.name.startsWith(only));
const pages = pagesOf(`http://127.0.0.1:${server.address().port}/`);
const protocols = [{ name: 'HTTP/1.1', pages, results: [] }];
if (secure) {
  protocols.push({ name: 'HTTP/2 with TLS', pages: pagesOf(`https://127.0.0.1:${secure.address().port}/`),
    results: [] });
}
try {
  for (const protocol of protocols) {
    for (const page of protocol.pages) {
      const samples = [];
      for (let i = 0; i < runs; i++) samples.push(await measure(page.url));
      const pick = (key) => median(samples.map((s) => s[key]));
      protocol.results.push({ name: page.name, score: pick('score'), fcp: pick('fcp'),
        lcp: pick('lcp'), tbt: pick('tbt'), cls: pick('cls'), tti: pick('tti'), answers: pick('answers'),
        bytes: pick('bytes'), lcpElement: samples[0].lcpElement, files: samples[0].files });
    }
  }
  const playwright = join(here, '../../tests/browser/node_modules/playwright-core/index.mjs');
  const { chromium } = await import(pathToFileURL(playwright).href);
  for (const page of pages) {
    const samples = [];
    for (let i = 0; i < runs; i++) samples.push(await answerTimes(chromium, page.url));
    const pick = (key) => median(samples.map((s) => s[key]));
    protocols[0].results.find((r) => r.name === page.name).applied = {
      fcp: pick('fcp'), answers: pick('answers'), app: pick('app') };
  }
} finally {
  server.close();
  secure?.close();
}
const results = protocols[0].results;

const ms = (x) => `${(x / 1000).toFixed(2)} s`;
for (const protocol of protocols) {
  console.log(`\nLighthouse mobile (slow 4G, 4× CPU, ${throttling}), gzip-served dist/ over `
    + `${protocol.name}, median of ${runs}:`);
  for (const r of protocol.results) {
    console.log(`  ${r.name}: performance ${r.score}, FCP ${ms(r.fcp)}, LCP ${ms(r.lcp)}, `
      + `TBT ${Math.round(r.tbt)} ms, CLS ${r.cls.toFixed(3)}, interactive ${ms(r.tti)}, `
      + `transferred ${(r.bytes / 1024).toFixed(1)} KB`);
    if (!Number.isNaN(r.answers)) {
      console.log(`      the first screen answers typing (its build downloaded and run, same simulation): ${ms(r.answers)}`);
    }
    console.log(`      LCP element: ${r.lcpElement.slice(0, 100)}`);
    for (const f of r.files) console.log(`      ${f.file.padEnd(40)} ${(f.bytes / 1024).toFixed(1)} KB`);
  }
}
if (!secure) console.log('(no `openssl` for a local certificate: HTTP/2 not measured)');
console.log(`\nThe same preset applied by Chromium (562.5 ms per request, 1.47 Mbit/s, 4× CPU), median of ${runs}`
  + '\n(answers: the full app\'s first screen recomputes what is typed; the embed shows its figures):');
for (const r of results) {
  const { fcp, answers, app } = r.applied;
  console.log(`  ${r.name}: first paint ${ms(fcp)}, answers ${ms(answers)}`
    + (Number.isNaN(app) ? '' : `, whole calculator running ${ms(app)}`));
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(protocols, null, 2));
