// Embedding (issue: embed): the full app, served under a sub-path of one origin, hands out embed
// code; a sample blog page on another origin pastes it. The frame shows the right numbers, its
// height follows its content through the parent snippet (which ignores every message that is not
// a number from the frame's own origin and window), it never touches storage and works when
// storage throws, and its "open in the full calculator" link carries the scenario.
//
//   app:   http://127.0.0.1:A/tools/calc/    (a snapshot of the build under a sub-path)
//   blog:  http://127.0.0.1:B/post-*.html     (another origin of the same site: storage works)
//          http://localhost:B/post-*.html     (another site: Chromium blocks the third-party
//                                              frame's storage, as browsers may)
//   other: http://127.0.0.1:C/widget.html     (a third origin's frame on the blog page)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TIMEOUT } from './support/config.mjs';
import {
  launchBrowser,
  collectErrors,
  waitForApp,
  eventually,
  captureDownload,
  ensureArtifactsDir,
} from './support/harness.mjs';
import { siteWithApp, serveDir } from './support/sites.mjs';
import { encodeLink, defaultDraft } from './support/fixtures.mjs';
import { expectRequired } from './pages/funnel.mjs';
import { openSharePanel } from './pages/scenario_bar.mjs';

const NAME = 'ブログ用の計画';
const TARGET = '3億';
/** The headline cards for 3億 at the default rates (500万 per deal, win 25 %, SQL→opp 40 %…). */
const HEADLINE_3OKU = { won: '60件', opps: '240件', leads: '20,000件' };
/** …and with the win rate at 20 %. */
const HEADLINE_3OKU_WIN20 = { won: '60件', opps: '300件', leads: '25,000件' };
const SANDBOX = ['allow-scripts', 'allow-same-origin', 'allow-popups', 'allow-popups-to-escape-sandbox'];
const EMBED_IFRAME = 'iframe[src*="#embed="]';
const WIN_RATE = '受注率（商談 → 受注）';

const env = { browser: null, site: null, app: null, blogDir: null, blog: null, otherDir: null, other: null };
let blogCount = 0;

before(async () => {
  env.site = siteWithApp('tools/calc');
  // a page of the app's origin that is not the embed (it posts messages too)
  fs.writeFileSync(path.join(env.site.root, 'widget.html'), widgetHtml('同じオリジンの別ページ'));
  env.app = await serveDir(env.site.root);
  env.blogDir = fs.mkdtempSync(path.join(os.tmpdir(), 'funnel-browser-blog-'));
  env.blog = await serveDir(env.blogDir);
  env.otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'funnel-browser-other-'));
  fs.writeFileSync(path.join(env.otherDir, 'widget.html'), widgetHtml('別サイトのウィジェット'));
  env.other = await serveDir(env.otherDir);
  env.browser = await launchBrowser();
});

after(async () => {
  await env.browser?.close();
  await env.app?.stop();
  await env.blog?.stop();
  await env.other?.stop();
  env.site?.remove();
  for (const dir of [env.blogDir, env.otherDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const appUrl = () => `${env.app.url}tools/calc/`;
/** The blog's origin: by default another port of 127.0.0.1; `thirdParty` makes it another site. */
const blogOrigin = (thirdParty = false) => `http://${thirdParty ? 'localhost' : '127.0.0.1'}:${env.blog.port}`;

function widgetHtml(title) {
  return `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>${title}</title></head><body style="margin:0;font:12px sans-serif">${title}</body></html>`;
}

/** A blog post with two paragraphs, the embed code, another paragraph and `extra` HTML. */
function blogHtml(code, extra = '') {
  return `<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>売上目標3億円から逆算する | サンプル営業ブログ</title>
<style>
  body { margin: 0; font: 16px/1.8 system-ui, sans-serif; color: #222; background: #efece4; }
  .site { background: #2d3a4a; color: #fff; padding: 10px 16px; font-weight: 700; }
  article { max-width: 720px; margin: 0 auto; padding: 8px 16px 24px; background: #fff; }
  h1 { font-size: 1.4rem; line-height: 1.4; }
  footer { text-align: center; color: #666; font-size: 0.8rem; padding: 16px; }
</style>
</head>
<body>
<div class="site">サンプル営業ブログ</div>
<article>
<h1>売上目標3億円に必要な商談数は？</h1>
<p>来期の売上目標は3億円。平均受注単価500万円なら、必要な受注は60件です。では、商談やリードはいくつ必要でしょうか。</p>
<p>下の電卓は、目標から逆算した各段階の必要数を示しています。</p>
${code}
<p>転換率を少し改善するだけで、必要なリード数は大きく変わります。</p>
${extra}
</article>
<footer>© サンプル営業ブログ</footer>
<script>
  // test instrumentation, after the embed code: every message received, every height applied
  window.__messages = [];
  addEventListener('message', (e) => { window.__messages.push({ origin: e.origin, data: e.data }); });
  window.__heights = [];
  const embed = document.querySelector('iframe[src*="#embed="]');
  new MutationObserver(() => window.__heights.push(embed.style.height)).observe(embed, { attributeFilter: ['style'] });
</script>
</body>
</html>
`;
}

/** Writes a blog page into the blog server's directory and returns its URL. */
function publishBlog(code, { extra = '', thirdParty = false } = {}) {
  const name = `post-${++blogCount}.html`;
  fs.writeFileSync(path.join(env.blogDir, name), blogHtml(code, extra));
  return `${blogOrigin(thirdParty)}/${name}`;
}

/** A fresh context with error and dialog collection on every page it opens. */
async function newContext({ viewport = { width: 1280, height: 900 }, init } = {}) {
  const context = await env.browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'ja-JP' });
  if (init) await init(context);
  const perPage = [];
  const dialogs = [];
  context.on('page', (page) => {
    page.setDefaultTimeout(TIMEOUT);
    perPage.push(collectErrors(page));
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      d.dismiss().catch(() => {});
    });
  });
  const errors = () => perPage.flat();
  return { context, errors, dialogs };
}

/** Runs `body` in a fresh context, then checks that no page of it logged errors or opened dialogs. */
async function inContext(body, opts = {}) {
  const { context, errors, dialogs } = await newContext(opts);
  try {
    await body(context);
    assert.deepEqual(errors(), [], 'a page logged errors');
    assert.deepEqual(dialogs, [], 'a page opened a dialog');
  } catch (err) {
    if (errors().length && !String(err.message).includes('logged errors')) {
      err.message += `\n\npage errors so far:\n${errors().join('\n')}`;
    }
    throw err;
  } finally {
    await context.close();
  }
}

/** The embed type select (its accessible name also holds the chosen option's text). */
const embedType = (page) => page.getByRole('combobox', { name: /^埋め込みの種類/ });

/** The headline cards as {won, opps, leads, pipeline}. */
async function headline(frameOrPage) {
  return frameOrPage.locator('[data-testid^="headline-"]').evaluateAll((dds) =>
    Object.fromEntries(dds.map((dd) => [dd.dataset.testid.replace('headline-', ''), dd.textContent.trim()])),
  );
}

async function expectHeadline(frameOrPage, expected) {
  return eventually(async () => {
    const h = await headline(frameOrPage);
    assert.deepEqual(
      Object.fromEntries(Object.keys(expected).map((k) => [k, h[k]])),
      expected,
      'headline cards',
    );
    return h;
  });
}

/**
 * Embed code from the full app, chosen through its UI: the scenario renamed to NAME with target
 * 3億, then the embed type and the export checkbox set. Also returns the full app's headline.
 */
async function embedCodeFromApp({ mode = 'ro', exportButtons = false, name = NAME, target = TARGET } = {}) {
  let result;
  await inContext(async (context) => {
    const page = await context.newPage();
    await page.goto(appUrl());
    await waitForApp(page);
    await page.locator('#scenario-name').fill(name);
    await page.locator('#scenario-name').press('Enter');
    await page.getByLabel('売上目標（KGI）', { exact: true }).fill(target);
    await expectRequired(page, { 受注: '60', 商談: '240' });
    // (a first visit also loads the first screen's own small build, never the embed's)
    assert.deepEqual(
      (await builds(page)).filter((build) => build !== 'funnel-first'),
      ['funnel-app'],
      'the calculator runs its own build only',
    );
    await openSharePanel(page);
    const code = page.locator('#embed-code');
    // choose the other settings first, so the field is seen to follow each choice
    await embedType(page).selectOption(mode === 'ro' ? 'rw' : 'ro');
    await embedType(page).selectOption(mode);
    await page.getByLabel('書き出しボタン（CSV・PNG）を表示', { exact: true }).setChecked(exportButtons);
    const value = await eventually(async () => {
      const v = await code.inputValue();
      assert.ok(v.includes(`#embed=${mode}&amp;`), v);
      assert.equal(v.includes('export=1'), exportButtons);
      return v;
    });
    result = { code: value, headline: await headline(page) };
  });
  return result;
}

/** Opens `url` (a blog page) and returns { page, frame } once the embed has rendered. */
async function openBlog(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await page.locator(EMBED_IFRAME).scrollIntoViewIfNeeded();
  const frame = await eventually(async () => {
    const f = page.frames().find((x) => x.url().includes('#embed='));
    assert.ok(f, 'the embed frame is loading');
    return f;
  });
  await frame.locator('.embed [data-testid="headline-won"]').waitFor();
  await frame.waitForFunction(
    () => Number(document.querySelector('.chart canvas')?.getAttribute('data-draws') ?? 0) >= 1,
    null,
    { timeout: TIMEOUT },
  );
  return { page, frame };
}

/** Which builds' WASM modules the page downloaded ("funnel-app" is the calculator's). */
async function builds(frameOrPage) {
  return frameOrPage.evaluate(() =>
    [...new Set(performance.getEntriesByType('resource')
      .map((r) => new URL(r.name).pathname.split('/').pop())
      .filter((file) => file.endsWith('.wasm'))
      .map((file) => file.replace(/-[0-9a-f]+_bg\.wasm$/, '')))].sort(),
  );
}

/** The iframe's attributes as the browser parsed them. */
async function iframeAttributes(page) {
  return page.locator(EMBED_IFRAME).evaluate((f) => ({
    src: f.getAttribute('src'),
    title: f.getAttribute('title'),
    loading: f.getAttribute('loading'),
    sandbox: [...f.sandbox],
  }));
}

/** Heights: the iframe box and inline style on the blog, the embed's content inside the frame. */
async function heights(page, frame) {
  const outer = await page
    .locator(EMBED_IFRAME)
    .evaluate((f) => ({ box: f.getBoundingClientRect().height, style: f.style.height }));
  const inner = await frame.evaluate(() => ({
    content: document.querySelector('.embed').getBoundingClientRect().height,
    scroll: document.documentElement.scrollHeight,
    view: window.innerHeight,
  }));
  return { ...outer, ...inner };
}

/** Waits until the iframe is as tall as the embed's content (±2 px) and returns that height. */
async function expectFitted(page, frame) {
  return eventually(async () => {
    const h = await heights(page, frame);
    assert.match(h.style, /^\d+px$/, 'the parent snippet set the height');
    assert.ok(Math.abs(h.box - h.content) <= 2, `iframe ${h.box} px vs content ${h.content} px`);
    assert.ok(h.scroll <= h.view + 1, `nothing to scroll inside the frame: ${JSON.stringify(h)}`);
    return h.box;
  });
}

/** Waits until the blog page has received a message whose data is `data` (JSON-equal). */
async function waitForMessage(page, data) {
  await page.waitForFunction(
    (json) => window.__messages.some((m) => JSON.stringify(m.data) === json),
    JSON.stringify(data),
    { timeout: TIMEOUT },
  );
}

/**
 * An init script that records, in frames showing an embed, every access to localStorage and
 * sessionStorage in `window.__storageTouches`; with `fail`, each access throws SecurityError as in
 * a browser that blocks third-party storage.
 */
function watchEmbedStorage({ fail = false } = {}) {
  return (context) =>
    context.addInitScript((failAccess) => {
      if (!/(^|[#&])embed=/.test(location.hash)) return;
      window.__storageTouches = [];
      for (const name of ['localStorage', 'sessionStorage']) {
        const own = Object.getOwnPropertyDescriptor(window, name);
        const desc = own ?? Object.getOwnPropertyDescriptor(Window.prototype, name);
        Object.defineProperty(window, name, {
          configurable: true,
          get() {
            window.__storageTouches.push(name);
            if (failAccess) {
              throw new DOMException(`Failed to read the '${name}' property from 'Window': Access is denied for this document.`, 'SecurityError');
            }
            return desc.get.call(window);
          },
        });
      }
    }, fail);
}

async function storageTouches(frame) {
  return frame.evaluate(() => window.__storageTouches);
}

async function screenshotFullPage(page, name) {
  const file = path.join(ensureArtifactsDir(), `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The s= payload of NAME at 3億 with `overrides`. */
const payload = (overrides = {}) => encodeLink(NAME, { target: TARGET, ...overrides });
const withWinRate = (win) => ({
  stages: defaultDraft().stages.map((s) => (s.kind === 'opportunities' ? { ...s, rate: win } : s)),
});

// ---------------------------------------------------------------------------------------------

test('the full app offers embed code that follows the type, the export choice and the language', async () => {
  const expected = (mode, exp, lang = 'ja') =>
    `${appUrl()}embed.html#embed=${mode}&lang=${lang}${exp ? '&export=1' : ''}&s=${payload()}`;
  for (const [mode, exportButtons] of [
    ['ro', false],
    ['rw', false],
    ['rw', true],
    ['ro', true],
  ]) {
    const { code } = await embedCodeFromApp({ mode, exportButtons });
    // one iframe and one script, nothing else
    const [iframeTag, script, ...rest] = code.split('\n');
    assert.deepEqual(rest, []);
    assert.match(iframeTag, /^<iframe [^<>]*><\/iframe>$/);
    assert.ok(script.startsWith('<script>(function(') && script.endsWith('</script>'), script);
    assert.equal(code.split('<script').length, 2, 'one script tag');
    await inContext(async (context) => {
      const page = await context.newPage();
      const parsed = await page.evaluate((html) => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const f = doc.querySelector('iframe');
        return {
          elements: [...doc.body.children].map((e) => e.tagName),
          src: f.getAttribute('src'),
          title: f.getAttribute('title'),
          loading: f.getAttribute('loading'),
          sandbox: f.getAttribute('sandbox').split(/\s+/),
        };
      }, code);
      assert.deepEqual(parsed.elements, ['IFRAME', 'SCRIPT']);
      assert.equal(parsed.src, expected(mode, exportButtons));
      assert.equal(parsed.title, `ファネル計算: ${NAME}`);
      assert.equal(parsed.loading, 'lazy');
      assert.deepEqual(parsed.sandbox.sort(), [...SANDBOX, ...(exportButtons ? ['allow-downloads'] : [])].sort());
    });
  }

  // the field itself: labelled, read-only; in English the code asks for an English embed
  await inContext(async (context) => {
    const page = await context.newPage();
    await page.goto(appUrl());
    await waitForApp(page);
    await openSharePanel(page);
    const field = page.getByLabel('埋め込みコード（HTMLに貼り付け）', { exact: true });
    assert.equal(await field.getAttribute('id'), 'embed-code');
    assert.equal(await field.getAttribute('readonly'), '');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await eventually(async () => {
      const v = await page.locator('#embed-code').inputValue();
      assert.ok(v.includes(`#embed=ro&amp;lang=en&amp;s=${encodeLink('Base plan')}`), v);
      assert.ok(v.includes('title="Funnel calculation: Base plan"'), v);
    });
  });
});

test('a read-only embed on a blog of another origin: attributes, the right numbers, a fitted height, no storage', async () => {
  const { code, headline: appHeadline } = await embedCodeFromApp({ mode: 'ro' });
  const url = publishBlog(code);
  await inContext(
    async (context) => {
      const { page, frame } = await openBlog(context, url);
      const attrs = await iframeAttributes(page);
      assert.equal(attrs.loading, 'lazy');
      assert.equal(attrs.title, `ファネル計算: ${NAME}`);
      assert.deepEqual(attrs.sandbox.sort(), [...SANDBOX].sort(), 'no allow-downloads without export');
      assert.equal(attrs.src, `${appUrl()}embed.html#embed=ro&lang=ja&s=${payload()}`);
      assert.notEqual(new URL(page.url()).origin, new URL(attrs.src).origin, 'two origins');

      // the same numbers as the full app showed, and the scenario's name
      const shown = await expectHeadline(frame, HEADLINE_3OKU);
      assert.deepEqual(shown, appHeadline);
      assert.equal((await frame.locator('.embed-head h1').textContent()).trim(), NAME);
      assert.equal(await frame.evaluate(() => document.body.classList.contains('embedded')), true);
      assert.equal(await frame.evaluate(() => document.documentElement.lang), 'ja');
      // read-only: no inputs, no export buttons, no page chrome of the full app
      assert.equal(await frame.locator('input, select, textarea').count(), 0);
      assert.equal(await frame.locator('.embed-export').count(), 0);
      assert.equal(await frame.locator('.toolbar, .tabs, table.stage-table').count(), 0);
      assert.equal(await frame.locator('.chart canvas').count(), 1);

      // the frame is exactly as tall as its content
      const tall = await expectFitted(page, frame);
      assert.notEqual(tall, 640, 'not the default height of the code');

      // a narrower page: the content reflows and the frame follows
      await page.setViewportSize({ width: 375, height: 800 });
      await eventually(async () => {
        const h = await expectFitted(page, frame);
        assert.ok(h > tall + 20, `taller when narrow: ${h} px vs ${tall} px`);
      });
      await page.locator(EMBED_IFRAME).scrollIntoViewIfNeeded();
      await screenshotFullPage(page, 'embed-blog-ro-375');
      await page.setViewportSize({ width: 1280, height: 900 });
      await eventually(async () => assert.ok(Math.abs((await expectFitted(page, frame)) - tall) <= 2));
      await screenshotFullPage(page, 'embed-blog-ro-1280');

      // the embed ran its own, smaller build: the calculator's WASM was never downloaded
      assert.deepEqual(await builds(frame), ['funnel-embed']);

      // no service worker in an embed, and no storage touched
      assert.equal(await frame.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
      assert.equal(await frame.evaluate(() => navigator.serviceWorker.controller), null);
      assert.deepEqual(await storageTouches(frame), []);
      assert.equal(await frame.evaluate(() => localStorage.length), 0);
    },
    { init: watchEmbedStorage() },
  );
});

test('an interactive embed: edits compute, the height grows and shrinks with a message, nothing is stored', async () => {
  const { code } = await embedCodeFromApp({ mode: 'rw' });
  const url = publishBlog(code);
  await inContext(
    async (context) => {
      const { page, frame } = await openBlog(context, url);
      assert.deepEqual((await iframeAttributes(page)).sandbox.sort(), [...SANDBOX].sort());
      await expectHeadline(frame, HEADLINE_3OKU);
      const field = (label) => frame.getByLabel(label, { exact: true });
      assert.equal(await field('売上目標（KGI）').inputValue(), TARGET);
      assert.equal(await field('平均受注単価').inputValue(), '500万');
      assert.equal(await field(WIN_RATE).inputValue(), '25');
      assert.equal(await field('CVR（訪問 → リード）').inputValue(), '2');
      assert.equal(await frame.locator('.embed-export').count(), 0, 'no export buttons without export');
      const base = await expectFitted(page, frame);
      await screenshotFullPage(page, 'embed-blog-rw-1280');

      // a valid edit computes at once
      await field(WIN_RATE).fill('20');
      await expectHeadline(frame, HEADLINE_3OKU_WIN20);

      // a bad rate: a message appears under the field and the frame grows to show it
      const message = frame.locator('.field.invalid .message');
      await field(WIN_RATE).fill('abc');
      await message.waitFor();
      assert.notEqual((await message.textContent()).trim(), '');
      assert.equal(await field(WIN_RATE).getAttribute('aria-invalid'), 'true');
      const grown = await eventually(async () => {
        const h = await expectFitted(page, frame);
        assert.ok(h > base + 5, `grown: ${h} > ${base}`);
        return h;
      });
      // the last good answer stays on screen meanwhile
      await expectHeadline(frame, HEADLINE_3OKU_WIN20);
      await screenshotFullPage(page, 'embed-blog-rw-invalid-1280');

      // fixed: the message goes and the frame shrinks back
      await field(WIN_RATE).fill('25');
      await message.waitFor({ state: 'detached' });
      await eventually(async () => {
        const h = await expectFitted(page, frame);
        assert.ok(h < grown && Math.abs(h - base) <= 2, `shrunk back: ${h} (was ${grown}, base ${base})`);
      });
      await expectHeadline(frame, HEADLINE_3OKU);

      // at 375 px the frame still fits its (taller) content
      await page.setViewportSize({ width: 375, height: 800 });
      await eventually(async () => assert.ok((await expectFitted(page, frame)) > base));
      await page.locator(EMBED_IFRAME).scrollIntoViewIfNeeded();
      await screenshotFullPage(page, 'embed-blog-rw-375');

      // nothing was read or written in the frame's storage, whatever was typed
      await field('売上目標（KGI）').fill('4億');
      await expectHeadline(frame, { won: '80件' });
      await frame.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })));
      // longer than the full app's 300 ms autosave delay, measured in the frame's own clock
      await frame.evaluate(() => new Promise((r) => setTimeout(r, 600)));
      assert.deepEqual(await storageTouches(frame), []);
      assert.equal(await frame.evaluate(() => localStorage.length), 0);
    },
    { init: watchEmbedStorage() },
  );
});

test('the blog page applies only numbers from the embed frame and ignores every other message', async () => {
  const { code } = await embedCodeFromApp({ mode: 'ro' });
  const otherUrl = `${env.other.url}widget.html`;
  const sameOriginUrl = `${env.app.url}widget.html`;
  const url = publishBlog(code, {
    extra: `<iframe id="other" src="${otherUrl}" title="別サイトのウィジェット" width="300" height="40" style="border:1px solid #ccc"></iframe>
<iframe id="same-origin" src="${sameOriginUrl}" title="同じオリジンの別ページ" width="300" height="40" style="border:1px solid #ccc"></iframe>`,
  });
  await inContext(async (context) => {
    const { page, frame } = await openBlog(context, url);
    const fitted = await expectFitted(page, frame);
    const frameAt = (u) =>
      eventually(async () => {
        const f = page.frames().find((x) => x.url() === u);
        assert.ok(f, `frame ${u}`);
        await f.waitForLoadState('load');
        return f;
      });
    const other = await frameAt(otherUrl);
    const sameOrigin = await frameAt(sameOriginUrl);

    /** After `post` delivered `data` to the blog, it was never applied and the frame still fits. */
    const ignored = async (label, data, post) => {
      await post();
      await waitForMessage(page, data);
      const applied = await page.evaluate(() => window.__heights);
      assert.ok(!applied.includes(`${Number(data)}px`), `${label} was applied: ${JSON.stringify(applied)}`);
      assert.ok(Math.abs((await expectFitted(page, frame)) - fitted) <= 2);
    };
    // a number from the blog window itself
    await ignored('a number from the blog window', 321, () => page.evaluate(() => window.postMessage(321, '*')));
    // a number from a third origin's frame
    await ignored('a number from a third origin', 456, () => other.evaluate(() => parent.postMessage(456, '*')));
    // a number from another window of the app's own origin
    await ignored('a number from another window of the app origin', 654, () =>
      sameOrigin.evaluate(() => parent.postMessage(654, '*')),
    );
    // from the embed's own window, but not a plausible height number
    for (const data of ['999', { height: 999 }, [999], true, 0, -50, 100000, 250000]) {
      await ignored(`${JSON.stringify(data)} from the embed`, data, () =>
        frame.evaluate((d) => parent.postMessage(d, '*'), data),
      );
    }

    // a number from the embed's own window is applied
    await frame.evaluate(() => parent.postMessage(777, '*'));
    await eventually(async () => {
      const h = await heights(page, frame);
      assert.equal(h.style, '777px');
      assert.equal(h.box, 777);
    });
    assert.equal((await page.evaluate(() => window.__heights)).at(-1), '777px');
    // and the embed's next size change sets the real height again
    await page.setViewportSize({ width: 375, height: 800 });
    await expectFitted(page, frame);
  });
});

test('with export on, the sandbox allows downloads and the embed exports CSV and PNG', async () => {
  const { code } = await embedCodeFromApp({ mode: 'rw', exportButtons: true });
  const url = publishBlog(code);
  await inContext(
    async (context) => {
      const { page, frame } = await openBlog(context, url);
      const attrs = await iframeAttributes(page);
      assert.deepEqual(attrs.sandbox.sort(), [...SANDBOX, 'allow-downloads'].sort());
      assert.equal(attrs.src, `${appUrl()}embed.html#embed=rw&lang=ja&export=1&s=${payload()}`);
      await expectHeadline(frame, HEADLINE_3OKU);
      await expectFitted(page, frame);
      const button = (name) => frame.getByRole('button', { name, exact: true });

      const csv = await captureDownload(page, button('CSV書き出し（結果表）'));
      assert.match(csv.name, /\.csv$/);
      const text = csv.bytes.toString('utf8');
      assert.ok(text.includes('受注,60,'), text);
      assert.ok(text.includes('商談,240,'), text);

      const png = await captureDownload(page, button('PNG書き出し（ファネル図）'));
      assert.match(png.name, /\.png$/);
      assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      assert.deepEqual(await storageTouches(frame), []);
    },
    { init: watchEmbedStorage() },
  );
});

test('when storage throws inside the frame, the embed still works and shows no error', async () => {
  const { code } = await embedCodeFromApp({ mode: 'rw' });
  const url = publishBlog(code);
  await inContext(
    async (context) => {
      const { page, frame } = await openBlog(context, url);
      // the blocking is real in this frame
      assert.equal(
        await frame.evaluate(() => {
          try {
            return String(window.localStorage);
          } catch (e) {
            return e.name;
          }
        }),
        'SecurityError',
      );
      await frame.evaluate(() => {
        window.__storageTouches.length = 0;
      });
      await expectHeadline(frame, HEADLINE_3OKU);
      await frame.getByLabel(WIN_RATE, { exact: true }).fill('20');
      await expectHeadline(frame, HEADLINE_3OKU_WIN20);
      await frame.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })));
      await frame.evaluate(() => new Promise((r) => setTimeout(r, 600)));
      assert.equal(await frame.locator('.storage-off').isVisible(), false, 'no "saving is off" warning');
      assert.equal(await frame.locator('li.notice').count(), 0, 'no notice');
      assert.deepEqual(await storageTouches(frame), [], 'the embed never tried storage');
      await expectFitted(page, frame);
    },
    { init: watchEmbedStorage({ fail: true }) },
  );
});

test('on a page of another site (a third-party frame, storage blocked by the browser) the embed works', async (t) => {
  const { code } = await embedCodeFromApp({ mode: 'rw' });
  const url = publishBlog(code, { thirdParty: true });
  await inContext(
    async (context) => {
      const { page, frame } = await openBlog(context, url);
      assert.equal(new URL(page.url()).hostname, 'localhost');
      assert.equal(new URL(frame.url()).hostname, '127.0.0.1');
      const blocked = await frame.evaluate(() => {
        try {
          return window.localStorage.length >= 0 ? 'available' : 'odd';
        } catch (e) {
          return e.name;
        }
      });
      t.diagnostic(`localStorage in the third-party frame: ${blocked}`);
      await frame.evaluate(() => {
        window.__storageTouches.length = 0;
      });
      await expectHeadline(frame, HEADLINE_3OKU);
      const base = await expectFitted(page, frame);
      await frame.getByLabel(WIN_RATE, { exact: true }).fill('20');
      await expectHeadline(frame, HEADLINE_3OKU_WIN20);
      await frame.getByLabel(WIN_RATE, { exact: true }).fill('x');
      await frame.locator('.field.invalid .message').waitFor();
      await eventually(async () => assert.ok((await expectFitted(page, frame)) > base));
      await frame.getByLabel(WIN_RATE, { exact: true }).fill('20');
      await eventually(async () => assert.ok(Math.abs((await expectFitted(page, frame)) - base) <= 2));
      await frame.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })));
      await frame.evaluate(() => new Promise((r) => setTimeout(r, 600)));
      assert.equal(await frame.locator('.storage-off').isVisible(), false, 'no "saving is off" warning');
      assert.equal(await frame.locator('li.notice').count(), 0, 'no notice');
      assert.deepEqual(await storageTouches(frame), [], 'the embed never tried storage');

      // the full app opened from there is a first-party page again
      const link = frame.getByRole('link', { name: 'フル機能の電卓で開く ↗', exact: true });
      const [full] = await Promise.all([context.waitForEvent('page'), link.click()]);
      await full.waitForURL(`${appUrl()}#s=${payload(withWinRate('20'))}`);
      await waitForApp(full);
      await expectHeadline(full, HEADLINE_3OKU_WIN20);
    },
    { init: watchEmbedStorage() },
  );
});

test('the open-full link opens the same scenario, with the edits made in the embed, in the full app', async () => {
  const { code } = await embedCodeFromApp({ mode: 'rw' });
  const url = publishBlog(code);
  await inContext(async (context) => {
    const { frame } = await openBlog(context, url);
    const link = frame.getByRole('link', { name: 'フル機能の電卓で開く ↗', exact: true });
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.match(await link.getAttribute('rel'), /\bnoopener\b/);
    assert.equal(await link.getAttribute('href'), `${appUrl()}#s=${payload()}`);

    await frame.getByLabel(WIN_RATE, { exact: true }).fill('20');
    await expectHeadline(frame, HEADLINE_3OKU_WIN20);
    const edited = `${appUrl()}#s=${payload(withWinRate('20'))}`;
    await eventually(async () => assert.equal(await link.getAttribute('href'), edited));

    const [full] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await full.waitForURL(edited);
    await waitForApp(full);
    assert.equal(await full.locator('.embed').count(), 0, 'the full app, not the embed');
    await full.locator('.shared-banner').waitFor();
    assert.equal(await full.locator('#scenario-name').inputValue(), NAME);
    await expectHeadline(full, HEADLINE_3OKU_WIN20);
    await expectRequired(full, { 受注: '60', 商談: '300', SQL: '750', MQL: '2,500', リード: '25,000' });
    assert.equal(await full.getByLabel(WIN_RATE, { exact: true }).inputValue(), '20');
  });
});

test('an embed whose link does not read shows the sample plan and says so; its period choices follow the period length', async () => {
  await inContext(async (context) => {
    const page = await context.newPage();
    await page.goto(`${appUrl()}embed.html#embed=rw&lang=en&s=not-a-link`);
    const notice = page.locator('.notices .notice.error');
    await notice.waitFor();
    assert.match(
      (await notice.locator('span').textContent()).trim(),
      /^Could not open the shared link: .+\. Showing the sample plan instead\.$/,
    );
    assert.equal((await page.locator('.embed-head h1').textContent()).trim(), 'Base plan');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    // the sample plan: 1億 / 500万 = 20 deals; 20 / 25 % = 80 opportunities;
    // 80 / 40 % / 30 % / 10 % = 6,666.7 → 6,667 leads
    await expectHeadline(page, { won: '20', opps: '80', leads: '6,667' });
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await notice.waitFor({ state: 'detached' });

    // a quarter has four choices, a month twelve, the fiscal year one
    const length = page.getByLabel('Period length', { exact: true });
    const which = page.getByLabel('Period to plan', { exact: true });
    const link = () => page.locator('a.open-full').getAttribute('href');
    assert.equal(await which.locator('option').count(), 4);
    assert.equal((await which.locator('option:checked').textContent()).trim(), 'Q1 (Apr–Jun)');
    const before = await link();
    await length.selectOption({ label: 'Month' });
    assert.equal(await which.locator('option').count(), 12);
    await length.selectOption({ label: 'Fiscal year' });
    assert.equal(await which.locator('option').count(), 1);
    assert.notEqual(await link(), before, 'the open-full link carries the period');

    // an empty target: a message under the field, the last answer kept and marked stale
    const target = page.getByLabel('Revenue target (KGI)', { exact: true });
    await target.fill('');
    await page.locator('.field.invalid .message').waitFor();
    assert.equal(await target.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('.results-block.stale .stale-notice:not([hidden])').count(), 1);
    await expectHeadline(page, { won: '20', opps: '80', leads: '6,667' });
    await target.fill('2億');
    await expectHeadline(page, { won: '40', opps: '160', leads: '13,334' });
    assert.equal(await page.locator('.results-block.stale').count(), 0);
    await screenshotFullPage(page, 'embed-direct-en-1280');

    // a link whose inputs never made an answer: the read-only embed says why it shows none
    const broken = await context.newPage();
    await broken.goto(`${appUrl()}embed.html#embed=ro&lang=ja&s=${payload(withWinRate('abc'))}`);
    const note = broken.locator('.results-block.stale .stale-notice:not([hidden])');
    await note.waitFor();
    assert.equal(
      (await note.textContent()).trim(),
      'この計画の入力には誤りがあり、結果を出せません。フル機能の電卓で開いて確かめてください。',
    );
    assert.equal(await broken.locator('[data-testid^="headline-"]').count(), 0);
    assert.equal(await broken.locator('.headline .card').count(), 0, 'no empty cards');
  });
});

test('embed.html shows the outline before its WASM runs: labels in the address language, no figures; the embed fills it in, cards unmoved', async () => {
  const LABELS = {
    ja: ['必要受注数', '必要商談数', '必要リード数', '必要パイプライン（商談数 × 平均受注単価）'],
    en: ['Won deals needed', 'Opportunities needed', 'Leads needed', 'Pipeline needed (opportunities × deal size)'],
  };
  const boxes = (page, selector) =>
    page.locator(selector).evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        // the name's width is the name's own; its line is where the outline's bar was
        const width = el.tagName === 'H1' ? '' : Math.round(r.width);
        return [el.tagName, Math.round(r.x), Math.round(r.y), width, Math.round(r.height)].join(' ');
      }),
    );
  const CARD_PARTS = '.card, .card dt, .card dd, .embed-head h1';
  for (const [width, lang, mode] of [[375, 'ja', 'rw'], [375, 'en', 'ro'], [1280, 'ja', 'ro']]) {
    let release;
    const released = new Promise((r) => {
      release = r;
    });
    await inContext(
      async (context) => {
        const page = await context.newPage();
        await page.goto(`${appUrl()}embed.html#embed=${mode}&lang=${lang}&s=${payload()}`);
        const outline = page.locator('.embed-outline:visible');
        await outline.waitFor();
        assert.equal(await outline.count(), 1, 'one outline shows');
        assert.equal(await outline.getAttribute('lang'), lang);
        assert.equal(await outline.getAttribute('aria-busy'), 'true');
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
        const labels = await outline.locator('dt').evaluateAll((dts) => dts.map((dt) => dt.textContent.trim()));
        assert.deepEqual(labels, LABELS[lang]);
        // nothing in it reads as a figure or a name, and its open-full line is not yet a link
        assert.doesNotMatch(await outline.innerText(), /\d/);
        assert.deepEqual(await outline.locator('dd, h1').evaluateAll((els) => els.map((e) => e.textContent)), ['', '', '', '', '']);
        assert.equal(await outline.locator('a[href]').count(), 0);
        assert.equal(await page.locator('[data-testid^="headline-"]').count(), 0);
        await page.screenshot({ path: path.join(ensureArtifactsDir(), `embed-outline-${lang}-${width}.png`) });
        const before = await boxes(page, `.embed-outline:visible :is(${CARD_PARTS})`);
        await outline.locator('dt').evaluateAll((dts) => dts.forEach((dt) => (dt.paintedBeforeWasm = true)));

        release();
        const unit = lang === 'ja' ? '件' : '';
        await expectHeadline(page, { won: `60${unit}`, opps: `240${unit}`, leads: `20,000${unit}` });
        assert.equal(await page.locator('.embed-outline').count(), 0, 'the outline is filled in');
        assert.equal(await page.locator('.embed').count(), 1, 'the other language\'s outline is gone');
        // the cards on screen are the outline's own, not a repaint of them
        assert.deepEqual(await page.locator('.embed dt').evaluateAll((dts) => dts.map((dt) => dt.paintedBeforeWasm)), [true, true, true, true]);
        assert.equal((await page.locator('.embed-head h1').textContent()).trim(), NAME);
        assert.deepEqual(await boxes(page, `.embed :is(${CARD_PARTS})`), before, 'every card where the outline had it');
      },
      {
        viewport: { width, height: 800 },
        init: (context) =>
          context.route(/funnel-embed-[0-9a-f]+_bg\.wasm$/, async (route) => {
            await released;
            await route.continue();
          }),
      },
    );
  }
});
