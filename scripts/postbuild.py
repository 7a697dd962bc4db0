#!/usr/bin/env python3
"""Finishes a trunk build for static hosting (called by scripts/build with the app's dist/ and
the separate trunk outputs of the embed and of the first screen's own build):

1. replaces trunk's inline module loader with one in its own file, so the page runs under a
   Content-Security-Policy without 'unsafe-inline' (only 'wasm-unsafe-eval' for the WASM); it
   loads the embed's own, smaller WASM for an `#embed=` address and the whole app otherwise
   (the embed's files are moved into dist/ beside the app's);
2. adds that policy as a <meta> tag;
3. writes the app's first screen into the page (scripts/prerender.mjs), so a first visit paints
   the default answer before the WASM arrives, and names the first screen's own small build
   (src/first_screen.rs) to the gate script, which loads it for that visit, so the rendering
   answers what is typed long before the calculator runs;
4. writes embed.html, the page the generated embed code frames: it names the embed's two files
   up front, so a blog reader's download of them starts with the page (no gate script, no
   first screen of the calculator in it), and carries the embed's outline in both languages
   (scripts/prerender.mjs), its loader showing the one the address asks for;
5. writes sw.js, a service worker that precaches this build's files under a cache named after
   their content, so the app opens offline and a new release replaces the old cache.
"""
import hashlib
import pathlib
import re
import shutil
import subprocess
import sys

CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'none'"
)

# Registered from the loader, before the WASM starts (the loader awaits it, so a `load` listener
# added after would miss the event); not in an embed: a third-party frame installs nothing.
REGISTER_SW = """if ('serviceWorker' in navigator && !/(^|[#&])embed=/.test(location.hash)) {
  navigator.serviceWorker.register('./sw.js').catch(() => {});
}
"""

# The page asks for one of two builds, known only from the address: trunk's preload links (which
# name the whole app's files) are dropped; the gate script preloads the right pair when the first
# screen in the page is not shown, and the loader starts the download after it is painted when it is.
LOADER = """
// An embed runs its own, smaller build; the calculator runs the whole one.
const [script, module] = /(^|[#&])embed=/.test(location.hash)
  ? ['./%(embed_js)s', './%(embed_wasm)s']
  : ['./%(app_js)s', './%(app_wasm)s'];
// A first visit is shown the first screen in the page: it is painted before the WASM's download
// starts to share the connection with the page's stylesheets. Anyone else gets a loading line,
// and the gate script has already started the download.
if (document.getElementById('prerender') && !document.documentElement.classList.contains('prerender-off')) {
  await Promise.race([
    new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    new Promise((done) => setTimeout(done, 500)),
  ]);
}
const bindings = await import(script);
const wasm = await bindings.default({ module_or_path: module });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
"""

# The embed's page. It starts with the embed's outline (its header and cards, the figures grey
# bars), which the embed is built into (src/embed/mod.rs). The loader is a classic script in the
# head, so it picks the outline's language before the body is painted.
EMBED_PAGE = """<!DOCTYPE html>
<html lang="ja">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="%(csp)s" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>%(title)s</title>
    <link rel="modulepreload" href="./%(embed_js)s" />
    <link rel="preload" as="fetch" type="application/wasm" crossorigin="anonymous" href="./%(embed_wasm)s" />
    %(styles)s
    <link rel="icon" href="data:," />
    <script src="./%(loader)s"></script>
  </head>
  <body class="embedded">
    %(outlines)s
    <noscript>This calculator needs JavaScript and WebAssembly. / この電卓の利用には JavaScript と WebAssembly が必要です。</noscript>
  </body>
</html>
"""

EMBED_LOADER = """// Runs before the body is parsed. The outline in the page is shown in the language the address
// asks for, read as the embed reads it (the fragment's first `lang` pair; Japanese unless `en`).
(function () {
  var lang = location.hash.replace(/^#+/, '').split('&').filter(function (pair) {
    return pair.split('=')[0] === 'lang';
  })[0];
  if (lang !== undefined && lang.slice(5).trim() === 'en') {
    document.documentElement.lang = 'en';
    document.documentElement.classList.add('outline-en');
  }
})();

// The embed page runs the embed's own build, whatever its address says, into the parsed outline
// once that is painted: its WASM, downloading since the page began, never holds up that paint. A
// frame out of view gets no animation frames, hence the 500 ms at the latest.
var painted = new Promise(function (done) {
  function afterPaint() {
    requestAnimationFrame(function () { requestAnimationFrame(done); });
    setTimeout(done, 500);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', afterPaint);
  } else {
    afterPaint();
  }
});
Promise.all([import('./%(embed_js)s'), painted]).then(function (loaded) {
  var bindings = loaded[0];
  return bindings.default({ module_or_path: './%(embed_wasm)s' }).then(function (wasm) {
    window.wasmBindings = bindings;
    dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: wasm } }));
  });
});
"""

SW_TEMPLATE = """// Generated by scripts/postbuild.py for one build; do not edit.
const CACHE = 'funnel-calculator-%(version)s';
const ASSETS = %(assets)s;

self.addEventListener('install', (event) => {
  // cache: 'reload' skips the HTTP cache, so a host without Cache-Control cannot hand the new
  // worker the previous release's page as its offline copy.
  const fresh = ASSETS.map((url) => new Request(url, { cache: 'reload' }));
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(fresh)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys
        .filter((k) => k.startsWith('funnel-calculator-') && k !== CACHE)
        .map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== location.origin) return;
  if (request.mode === 'navigate') {
    // The page itself: the network first, so a new release is seen; the cache when offline
    // (that page, or the calculator's for any other address in scope).
    event.respondWith(fetch(request).catch(() =>
      caches.match(request).then((hit) => hit || caches.match('./index.html'))));
    return;
  }
  // Hashed assets never change under the same name: the cache first.
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
});
"""


def trunk_build(html: str) -> tuple[str, str]:
    """The loader script and WASM module named in trunk's inline loader."""
    script = re.search(r"from '\./([\w.-]+\.js)'", html)
    module = re.search(r"module_or_path: '\./([\w.-]+\.wasm)'", html)
    if not script or not module:
        sys.exit("postbuild: trunk's loader not found in index.html")
    return script.group(1), module.group(1)


def main(dist: pathlib.Path, embed_dist: pathlib.Path, first_dist: pathlib.Path) -> None:
    index = dist / "index.html"
    html = index.read_text(encoding="utf-8")
    app_js, app_wasm = trunk_build(html)
    embed_js, embed_wasm = trunk_build((embed_dist / "index.html").read_text(encoding="utf-8"))
    first_js, first_wasm = trunk_build((first_dist / "index.html").read_text(encoding="utf-8"))
    for build, name in [(embed_dist, embed_js), (embed_dist, embed_wasm),
                        (first_dist, first_js), (first_dist, first_wasm)]:
        shutil.copyfile(build / name, dist / name)
    names = {"app_js": app_js, "app_wasm": app_wasm, "embed_js": embed_js, "embed_wasm": embed_wasm}
    loader = REGISTER_SW + LOADER.lstrip("\n") % names
    boot = f"boot-{hashlib.sha256(loader.encode()).hexdigest()[:16]}.js"
    (dist / boot).write_text(loader, encoding="utf-8")
    html = re.sub(r"<script type=\"module\">.*?</script>",
                  f'<script type="module" src="./{boot}"></script>', html, count=1, flags=re.S)
    html = re.sub(r"\s*<link rel=\"(modulepreload|preload)\"[^>]*>", "", html)
    if "Content-Security-Policy" not in html:
        html = html.replace(
            '<meta charset="utf-8" />',
            f'<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="{CSP}" />',
            1,
        )
    index.write_text(html, encoding="utf-8")

    prerender = pathlib.Path(__file__).with_name("prerender.mjs")
    outlines = embed_dist / "outline.html"
    subprocess.run(["node", str(prerender), str(dist), str(outlines)], check=True)
    html = index.read_text(encoding="utf-8")
    html = html.replace(
        '<script src="./gate-',
        f'<script data-app="./{app_js} ./{app_wasm}" data-embed="./{embed_js} ./{embed_wasm}" '
        f'data-first="./{first_js} ./{first_wasm}" '
        'src="./gate-',
        1,
    )
    index.write_text(html, encoding="utf-8")
    outline_html = outlines.read_text(encoding="utf-8").strip().replace("\n", "\n    ")
    write_embed_page(dist, html, names, outline_html)

    files = sorted(
        p.name for p in dist.iterdir()
        if p.is_file() and p.name != "sw.js" and not p.name.startswith(".")
    )
    version = hashlib.sha256(
        b"".join(hashlib.sha256((dist / f).read_bytes()).digest() for f in files)
    ).hexdigest()[:16]
    assets = ["./"] + [f"./{f}" for f in files]
    (dist / "sw.js").write_text(
        SW_TEMPLATE % {"version": version, "assets": repr(assets).replace("'", '"')},
        encoding="utf-8",
    )


def write_embed_page(dist: pathlib.Path, index_html: str, names: dict, outlines: str) -> None:
    """embed.html and its loader, with the calculator's style sheets and policy, and the
    embed's outlines."""
    # The calculator's style sheet, not the one for its build-time first screen.
    styles = [
        link for link in re.findall(r'<link rel="stylesheet"[^>]*>', index_html)
        if "prerender-" not in link
    ]
    title = re.search(r"<title>(.*?)</title>", index_html, flags=re.S)
    if not styles or not title:
        sys.exit("postbuild: index.html has no style sheet or title to give the embed page")
    loader_text = EMBED_LOADER % names
    loader = f"embed-boot-{hashlib.sha256(loader_text.encode()).hexdigest()[:16]}.js"
    (dist / loader).write_text(loader_text, encoding="utf-8")
    page = EMBED_PAGE % {
        **names,
        "csp": CSP,
        "title": title.group(1),
        "styles": "\n    ".join(styles),
        "loader": loader,
        "outlines": outlines,
    }
    (dist / "embed.html").write_text(page, encoding="utf-8")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3]))
