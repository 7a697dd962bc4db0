// Security (issue: security): the page ships a Content-Security-Policy with no inline script and
// no eval beyond what WASM needs ('wasm-unsafe-eval'), and using every part of the app under it
// causes no violation; scenario and stage names are text everywhere — a name like
// `"><img src=x onerror=alert(1)>` stays inert in the page, the picker, notices, the compare view,
// a shared link, the embed view and the generated embed code (which escapes it).
//
// The XSS tests run with the page's CSP bypassed (Playwright's bypassCSP), so they test the
// escaping itself: if a name were ever parsed as HTML, the image's onerror would really run and
// open a dialog, which fails the test.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TIMEOUT } from './support/config.mjs';
import {
  useApp,
  collectErrors,
  waitForApp,
  eventually,
  captureDownload,
  trackCspViolations,
} from './support/harness.mjs';
import { encodeLink, defaultDraft, scenarioJson } from './support/fixtures.mjs';
import { pageText, field, button, tab } from './pages/common.mjs';
import { expectRequired, readTable } from './pages/funnel.mjs';
import {
  openSharePanel,
  scenarioNames,
  selectedName,
  noticeTexts,
  expectNotice,
  rename,
} from './pages/scenario_bar.mjs';
import { waitForCompare } from './pages/compare.mjs';

const app = useApp();

const XSS = '"><img src=x onerror=alert(1)>';
const XSS_ESCAPED = '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;';

/**
 * Runs `body(page, {context})` in a fresh context with CSP violations recorded, then checks that
 * the page logged no errors and opened no dialog. `bypassCSP` turns the page's policy off.
 */
async function withPage(body, { path: at = '', bypassCSP = false, ready = waitForApp, viewport, expectedErrors } = {}) {
  const context = await app.browser.newContext({
    viewport: viewport ?? { width: 1280, height: 900 },
    locale: 'ja-JP',
    bypassCSP,
  });
  await trackCspViolations(context);
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const errors = collectErrors(page);
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  try {
    await page.goto(app.url + at);
    if (ready) await ready(page);
    await body(page, { context, dialogs });
    assert.deepEqual(
      errors.filter((e) => !expectedErrors?.test(e)),
      [],
      'the page logged errors',
    );
    assert.deepEqual(dialogs, [], 'a dialog opened');
  } catch (err) {
    if (errors.length && !String(err.message).includes('logged errors')) {
      err.message += `\n\npage errors so far:\n${errors.join('\n')}`;
    }
    if (dialogs.length) err.message += `\n\ndialogs: ${dialogs.join('\n')}`;
    throw err;
  } finally {
    await context.close();
  }
}

async function violations(page) {
  return page.evaluate(() => window.__cspViolations);
}

/** No image (nor any element with an onerror handler) in any frame of the page, and no dialog. */
async function assertInert(page, dialogs, where = '') {
  for (const frame of page.frames()) {
    const found = await frame.evaluate(() => ({
      img: document.querySelectorAll('img').length,
      onerror: document.querySelectorAll('[onerror]').length,
    }));
    assert.deepEqual(found, { img: 0, onerror: 0 }, `HTML from a name in ${frame.url()} ${where}`);
  }
  assert.deepEqual(dialogs, [], `a dialog opened ${where}`);
}

function tempFile(name, content) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'funnel-browser-sec-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** The default stages with the leads stage named `name`. */
const leadsNamed = (name) => ({
  stages: defaultDraft().stages.map((s) => (s.kind === 'leads' ? { ...s, name } : s)),
});

/** The chart's accessible summary. */
const chartLabel = (frameOrPage) => frameOrPage.locator('.chart canvas').getAttribute('aria-label');

// ---------------------------------------------------------------------------------------------
// The policy

/** Directive name → list of sources. */
function parsePolicy(policy) {
  return Object.fromEntries(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

for (const page of ['', 'embed.html']) test(`the served page ${page || '(the calculator)'} has one CSP meta: no inline script, no eval but WASM, and it comes first`, async () => {
  const res = await fetch(app.url + page);
  assert.equal(res.status, 200);
  const html = await res.text();
  const metas = [...html.matchAll(/<meta\b[^>]*http-equiv="Content-Security-Policy"[^>]*>/gi)];
  assert.equal(metas.length, 1, 'exactly one CSP meta');
  const policy = metas[0][0].match(/content="([^"]*)"/)[1];
  assert.ok(policy.includes("'wasm-unsafe-eval'"), policy);
  assert.ok(!policy.includes("'unsafe-inline'"), policy);
  assert.ok(!policy.includes("'unsafe-eval'"), policy);
  const d = parsePolicy(policy);
  assert.deepEqual(d['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(d['style-src'], ["'self'"]);
  assert.deepEqual(d['default-src'], ["'self'"]);
  assert.deepEqual(d['object-src'], ["'none'"]);
  assert.deepEqual(d['base-uri'], ["'none'"]);

  // the policy precedes every script and stylesheet, so it covers them
  const at = metas[0].index;
  for (const tag of ['<script', '<link rel="stylesheet"', '<link rel="modulepreload"', '<style']) {
    const i = html.indexOf(tag);
    assert.ok(i === -1 || i > at, `${tag} before the policy`);
  }
  // scripts are files only: no inline script, no inline handler, no inline style
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  assert.ok(scripts.length >= 1);
  for (const [whole, attrs, body] of scripts) {
    assert.match(attrs, /\ssrc="\.\/[^"]+"/, `a script without src: ${whole}`);
    assert.equal(body.trim(), '', `a script with a body: ${whole}`);
  }
  assert.doesNotMatch(html, /<[^>]+\son[a-z]+\s*=/i, 'an inline event handler');
  assert.doesNotMatch(html, /<[^>]+\sstyle\s*=/i, 'an inline style attribute');
  assert.doesNotMatch(html, /<style\b/i, 'an inline style element');
  // the referenced loader is served, and it is where the module starts (the embed page's is a
  // classic script, which picks the outline's language before the body is painted)
  const loader = html.match(/<script (?:type="module" )?src="\.\/((?:embed-)?boot-[0-9a-f]+\.js)"><\/script>/);
  assert.ok(loader, 'the external loader');
  const boot = await fetch(app.url + loader[1]);
  assert.equal(boot.status, 200);
  const loaderText = await boot.text();
  // the calculator's runs the whole app, or the embed's own build for an embed address; the
  // embed page's runs the embed's; each file it names is served
  for (const name of page ? ['funnel-embed'] : ['funnel-app', 'funnel-embed']) {
    const files = ['\\.js', '_bg\\.wasm'].map((end) => loaderText.match(new RegExp(`'\\./(${name}-[0-9a-f]+${end})'`))?.[1]);
    assert.ok(files.every(Boolean), `the loader names ${name}'s files`);
    for (const file of files) assert.equal((await fetch(app.url + file)).status, 200, file);
  }
  // the calculator's gate names the first screen's own build, which is served too
  if (!page) {
    const first = html.match(/data-first="\.\/(funnel-first-[0-9a-f]+\.js) \.\/(funnel-first-[0-9a-f]+_bg\.wasm)"/);
    assert.ok(first, 'the gate names the first screen\'s build');
    for (const file of first.slice(1)) assert.equal((await fetch(app.url + file)).status, 200, file);
  }
});

test('the policy is enforced in the page: an injected inline script, inline style and eval are refused and reported', () =>
  withPage(
    async (page) => {
      assert.equal(await page.locator('meta[http-equiv="Content-Security-Policy"]').count(), 1);
      assert.deepEqual(await violations(page), []);
      // a same-origin script file (allowed) that tries eval and new Function (not allowed); the
      // page's own code must try them, as Playwright's evaluate is exempt from the policy
      fs.writeFileSync(
        path.join(app.server.dir, 'csp-probe.js'),
        `const attempt = (f) => { try { return f(); } catch (e) { return e.name; } };
window.__probe = { eval: attempt(() => window.eval('1 + 1')), fn: attempt(() => new Function('return 2')()) };`,
      );
      await page.evaluate(() => {
        window.__inlineRan = false;
        const probe = document.createElement('script');
        probe.src = './csp-probe.js';
        document.head.append(probe);
        const inline = document.createElement('script');
        inline.textContent = 'window.__inlineRan = true';
        document.head.append(inline);
        const div = document.createElement('div');
        div.id = 'csp-style-probe';
        div.setAttribute('style', 'color: rgb(255, 0, 0)');
        document.body.append(div);
      });
      await page.waitForFunction(() => window.__probe !== undefined, null, { timeout: TIMEOUT });
      assert.deepEqual(await page.evaluate(() => window.__probe), { eval: 'EvalError', fn: 'EvalError' });
      assert.equal(await page.evaluate(() => window.__inlineRan), false, 'the inline script ran');
      assert.notEqual(
        await page.locator('#csp-style-probe').evaluate((d) => getComputedStyle(d).color),
        'rgb(255, 0, 0)',
        'the inline style was applied',
      );
      await eventually(async () => {
        const v = await violations(page);
        const directives = new Set(v.map((x) => x.directive));
        for (const d of ['script-src-elem', 'script-src', 'style-src-attr']) {
          assert.ok(directives.has(d), `${d} in ${JSON.stringify(v)}`);
        }
      });
    },
    // the browser also logs each refusal to the console: expected here, and only here
    { expectedErrors: /^(console\.error|pageerror): .*(Content Security Policy|unsafe-eval)/s },
  ));

test('using the whole app under its policy causes no violation', () =>
  withPage(async (page) => {
    assert.deepEqual(await violations(page), [], 'on load');
    // typing
    await field(page, '売上目標（KGI）').fill('2億');
    await expectRequired(page, { 受注: '40', 商談: '160' });
    await field(page, '平均受注単価').fill('1000万');
    await expectRequired(page, { 受注: '20', 商談: '80' });
    await field(page, '受注率（商談 → 受注）').fill('abc');
    await page.locator('.field.invalid .message').first().waitFor();
    await field(page, '受注率（商談 → 受注）').fill('20');
    await expectRequired(page, { 受注: '20', 商談: '100' });
    // stages: add, rename, remove
    await button(page, 'MQLの後に段階を追加').click();
    await expectRequired(page, { 新しい段階: '500' });
    await field(page, '段階4の名前').fill('SAL');
    await expectRequired(page, { SAL: '500' });
    await button(page, 'SALを削除').click();
    await eventually(async () => assert.ok(!(await readTable(page)).some((r) => r.stage === 'SAL')));
    // scenarios and the compare view
    await button(page, '新規').click();
    await rename(page, 'B案');
    await tab(page, '比較').click();
    await waitForCompare(page);
    await tab(page, 'ファネル').click();
    await waitForApp(page);
    // the monthly plan, channels, KPI tree and definitions views (CSSOM-set widths, canvases)
    await tab(page, '月次計画').click();
    await page.locator('#timeline-canvas[data-draws]').waitFor();
    await page.getByLabel('月ごとに重みを付ける（季節性）').check();
    await page.getByLabel('4月の重み').fill('2');
    await tab(page, 'チャネルと予算').click();
    await page.locator('#channel-canvas[data-draws]').waitFor();
    await field(page, 'Web広告の訪問→リード率').fill('3');
    await tab(page, 'KPIツリー').click();
    await page.locator('#kpi-canvas[data-draws]').waitFor();
    await field(page, '受注数の実績').fill('15');
    await button(page, '受注数の下位を折りたたむ').click();
    await tab(page, '定義とチェックリスト').click();
    await page.locator('.checklist input').first().check();
    await tab(page, 'ファネル').click();
    await waitForApp(page);
    assert.deepEqual(await violations(page), [], 'in the plan, channel, KPI and definitions views');
    // the language switch
    await button(page, 'English').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await button(page, '日本語').click();
    await page.waitForFunction(() => document.documentElement.lang === 'ja');
    // the share panel, the embed code choices, export and import
    await page.locator('details.share > summary').click();
    await page.locator('#share-link').waitFor();
    await page.getByRole('combobox', { name: /^埋め込みの種類/ }).selectOption('rw');
    await page.getByLabel('書き出しボタン（CSV・PNG）を表示', { exact: true }).check();
    await eventually(async () => assert.match(await page.locator('#embed-code').inputValue(), /export=1/));
    await captureDownload(page, button(page, 'CSV書き出し（結果表）'));
    await captureDownload(page, button(page, 'JSON書き出し'));
    await captureDownload(page, button(page, 'PNG書き出し（ファネル図）'));
    await page.locator('#import-file').setInputFiles(tempFile('import.json', scenarioJson('取り込んだ計画')));
    await expectNotice(page, '「取り込んだ計画」を新しいシナリオとして読み込みました。');
    await button(page, '削除').click();
    await expectNotice(page, '「取り込んだ計画」を削除しました。');
    assert.deepEqual(await violations(page), [], 'while using the full app');

    // the embed's own page (what the embed code frames), interactive with export
    await page.goto('about:blank');
    await page.goto(`${app.url}embed.html#embed=rw&lang=ja&export=1&s=${encodeLink('埋め込み', { target: '3億' })}`);
    await page.locator('.embed [data-testid="headline-won"]').waitFor();
    await eventually(async () =>
      assert.equal((await page.locator('[data-testid="headline-won"]').textContent()).trim(), '60件'),
    );
    await field(page, '受注率（商談 → 受注）').fill('x');
    await page.locator('.field.invalid .message').waitFor();
    await field(page, '受注率（商談 → 受注）').fill('20');
    await eventually(async () =>
      assert.equal((await page.locator('[data-testid="headline-opps"]').textContent()).trim(), '300件'),
    );
    await captureDownload(page, button(page, 'CSV書き出し（結果表）'));
    await captureDownload(page, button(page, 'PNG書き出し（ファネル図）'));
    assert.deepEqual(await violations(page), [], 'in the embed view');
  }));

// ---------------------------------------------------------------------------------------------
// Names are text

test('an HTML-like scenario name stays text in the page, the picker, notices, compare and downloads', () =>
  withPage(
    async (page, { dialogs }) => {
      await rename(page, XSS);
      await eventually(async () => assert.equal(await selectedName(page), XSS));
      assert.equal(await page.locator('#scenario-name').inputValue(), XSS);
      await assertInert(page, dialogs, 'after renaming');

      // a copy and its deletion notice
      await button(page, '複製').click();
      await eventually(async () => assert.deepEqual(await scenarioNames(page), [XSS, `${XSS}のコピー`]));
      await button(page, '削除').click();
      await expectNotice(page, 'を削除しました');
      assert.deepEqual(await noticeTexts(page), [`「${XSS}のコピー」を削除しました。`]);
      await assertInert(page, dialogs, 'after a delete notice');

      // an import under that name, and its notice
      await page.locator('details.share > summary').click();
      await page.locator('#import-file').setInputFiles(tempFile('x.json', scenarioJson(XSS)));
      await expectNotice(page, 'を新しいシナリオとして読み込みました');
      // (a second scenario of the same name is numbered)
      assert.equal((await noticeTexts(page)).at(-1), `「${XSS} (2)」を新しいシナリオとして読み込みました。`);
      assert.deepEqual(await scenarioNames(page), [XSS, `${XSS} (2)`]);
      await assertInert(page, dialogs, 'after an import notice');

      // downloads are named safely
      for (const name of ['JSON書き出し', 'CSV書き出し（結果表）', 'PNG書き出し（ファネル図）']) {
        const file = await captureDownload(page, button(page, name));
        assert.doesNotMatch(file.name, /[<>"/\\]/, file.name);
      }
      const json = await captureDownload(page, button(page, 'JSON書き出し'));
      assert.equal(JSON.parse(json.bytes.toString('utf8')).name, `${XSS} (2)`, 'the name itself is kept in the file');

      // the compare view's pickers and table
      await tab(page, '比較').click();
      await waitForCompare(page);
      assert.ok((await scenarioNames(page, '#compare-a')).includes(XSS));
      assert.ok((await pageText(page)).includes(XSS));
      await assertInert(page, dialogs, 'in the compare view');
    },
    { bypassCSP: true },
  ));

test('an HTML-like stage name stays text in the editor, the table, the rate labels and the chart', () =>
  withPage(
    async (page, { dialogs }) => {
      await field(page, '段階2の名前').fill(XSS);
      await expectRequired(page, { [XSS]: '6,667' });
      assert.equal((await readTable(page))[1].stage, XSS);
      // the rate labels around it name it, as text
      assert.equal(await field(page, `CVR（訪問 → ${XSS}）`).inputValue(), '2');
      assert.equal(await field(page, `${XSS} → MQL 転換率`).inputValue(), '10');
      // and so do the stage's own buttons
      await button(page, `${XSS}を削除`).waitFor();
      await eventually(async () => assert.ok((await chartLabel(page)).includes(XSS), await chartLabel(page)));
      assert.ok((await pageText(page)).includes(XSS));
      await assertInert(page, dialogs, 'with a stage name');
    },
    { bypassCSP: true },
  ));

test('a shared link with HTML-like scenario and stage names shows them as text', () =>
  withPage(
    async (page, { dialogs }) => {
      await page.locator('.shared-banner').waitFor();
      assert.equal(
        (await page.locator('.shared-banner p').textContent()).trim(),
        `共有リンクのシナリオ「${XSS}」を表示しています。まだ保存されていません。`,
      );
      assert.equal(await page.locator('#scenario-name').inputValue(), XSS);
      assert.equal(await selectedName(page), `${XSS}（共有リンク・未保存）`);
      await expectRequired(page, { [XSS]: '13,334', 受注: '40' });
      await eventually(async () => assert.ok((await chartLabel(page)).includes(XSS)));
      await assertInert(page, dialogs, 'with a shared link');
      await button(page, 'コピーを保存').click();
      await eventually(async () => assert.deepEqual(await scenarioNames(page), ['基本計画', XSS]));
      await assertInert(page, dialogs, 'after saving the shared copy');
    },
    { bypassCSP: true, path: `#s=${encodeLink(XSS, { target: '2億', ...leadsNamed(XSS) })}` },
  ));

test('the embed view shows HTML-like names as text', () =>
  withPage(
    async (page, { dialogs }) => {
      await page.locator('.embed [data-testid="headline-won"]').waitFor();
      assert.equal((await page.locator('.embed-head h1').textContent()).trim(), XSS);
      assert.equal(await field(page, `CVR（訪問 → ${XSS}）`).inputValue(), '2');
      assert.equal(await field(page, `${XSS} → MQL 転換率`).inputValue(), '10');
      await eventually(async () => assert.ok((await chartLabel(page)).includes(XSS)));
      const href = await page.locator('a.open-full').getAttribute('href');
      assert.equal(href, `${app.url}#s=${encodeLink(XSS, { target: '2億', ...leadsNamed(XSS) })}`);
      await captureDownload(page, button(page, 'CSV書き出し（結果表）'));
      await assertInert(page, dialogs, 'in the embed view');
    },
    {
      bypassCSP: true,
      path: `embed.html#embed=rw&lang=ja&export=1&s=${encodeLink(XSS, { target: '2億', ...leadsNamed(XSS) })}`,
      ready: (p) => p.locator('.embed').waitFor(),
    },
  ));

test('the embed code escapes an HTML-like name, and pasted into a page it stays inert', () =>
  withPage(
    async (page, { dialogs }) => {
      await rename(page, XSS);
      await openSharePanel(page);
      const code = await eventually(async () => {
        const c = await page.locator('#embed-code').inputValue();
        assert.ok(c.includes(`title="ファネル計算: ${XSS_ESCAPED}"`), c);
        return c;
      });
      assert.ok(!code.includes('<img'), 'no raw <img in the code');
      assert.ok(!code.includes(XSS), 'the raw name is nowhere in the code');
      assert.equal(code.split('<script').length, 2, 'one script');
      assert.equal(code.split('<iframe').length, 2, 'one iframe');
      assert.match(code, /src="[^"]*#embed=ro&amp;lang=ja&amp;s=3\.[A-Za-z0-9_-]+"/);
      await assertInert(page, dialogs, 'in the full app');

      // parsed as HTML: one iframe (titled with the name as text) and the script, nothing else
      const parsed = await page.evaluate((html) => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        return {
          tags: [...doc.body.querySelectorAll('*')].map((e) => e.tagName),
          title: doc.querySelector('iframe').getAttribute('title'),
        };
      }, code);
      assert.deepEqual(parsed, { tags: ['IFRAME', 'SCRIPT'], title: `ファネル計算: ${XSS}` });

      // pasted into a blog page, with the embed running inside
      const blog = path.join(app.server.dir, 'xss-blog.html');
      fs.writeFileSync(
        blog,
        `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>blog</title></head>
<body><p>before</p>\n${code}\n<p>after</p></body></html>`,
      );
      await page.goto(`${app.url}xss-blog.html`);
      const frame = await eventually(async () => {
        const f = page.frames().find((x) => x.url().includes('#embed='));
        assert.ok(f);
        return f;
      });
      await frame.locator('.embed [data-testid="headline-won"]').waitFor();
      assert.equal((await frame.locator('.embed-head h1').textContent()).trim(), XSS);
      assert.equal(await page.locator('iframe').getAttribute('title'), `ファネル計算: ${XSS}`);
      assert.equal(await page.locator('body > *').count(), 4, 'p, iframe, script, p');
      await assertInert(page, dialogs, 'on the blog page');
    },
    { bypassCSP: true },
  ));
