// Runs before the page is painted. The page carries a build-time rendering of the default
// scenario, in Japanese, for a first visit. Anyone who may see something else once the app
// starts (a link, an embed, another view, a saved scenario, another language) gets a loading
// note instead, never figures that are not theirs.
(function () {
  var theirs = false;
  try {
    // A link or an embed decides alone: an embed in a third-party frame must not touch storage.
    theirs = !!location.hash && !/^#(view=funnel)?$/.test(location.hash);
    ['localStorage', 'sessionStorage'].forEach(function (name) {
      if (theirs) return;
      var store = window[name];
      for (var i = 0; !theirs && i < store.length; i++) {
        if (String(store.key(i)).indexOf('funnel-calculator.') === 0) theirs = true;
      }
    });
  } catch (e) {
    theirs = true;
  }
  if (!theirs) return answerTyping();
  document.documentElement.classList.add('prerender-off');
  preload();
})();

// The rendering is this visitor's: the first screen's own small build (src/first_screen.rs) makes
// it answer what is typed, seconds before the calculator's WASM arrives. Its download starts once
// the rendering has been painted (the browser's first-contentful-paint entry), so it never
// competes with that paint; if it fails, the figures wait for the calculator as they otherwise
// would.
function answerTyping() {
  var gate = document.currentScript;
  var files = gate && gate.getAttribute('data-first');
  if (!files) return;
  files = files.split(' ');
  // The page parsed (not DOMContentLoaded, which also waits for the calculator's loader).
  var parsed = new Promise(function (resolve) {
    if (document.readyState !== 'loading') resolve();
    else document.addEventListener('readystatechange', resolve, { once: true });
  });
  var started = false;
  function start() {
    if (started) return;
    started = true;
    // Its WASM is fetched beside its loader, not once the loader has run.
    document.head.append(wasmPreload(files[1]));
    Promise.all([import(files[0]), parsed])
      .then(function (loaded) { return loaded[0].default({ module_or_path: files[1] }); })
      .catch(function () {});
  }
  try {
    new PerformanceObserver(function (list, observer) {
      observer.disconnect();
      start();
    }).observe({ type: 'paint', buffered: true });
  } catch (e) {
    addEventListener('load', start);
  }
}

// Starts downloading the build this address runs (an embed has its own, smaller one) while the
// page is parsed; the loader asks for the same files and gets these downloads.
function preload() {
  var gate = document.currentScript;
  var files = gate && gate.getAttribute(/(^|[#&])embed=/.test(location.hash) ? 'data-embed' : 'data-app');
  if (!files) return;
  files = files.split(' ');
  var script = document.createElement('link');
  script.rel = 'modulepreload';
  script.href = files[0];
  document.head.append(script, wasmPreload(files[1]));
}

// A preload of a WASM file that the loader's fetch of the same file then uses.
function wasmPreload(href) {
  var module = document.createElement('link');
  module.rel = 'preload';
  module.as = 'fetch';
  module.type = 'application/wasm';
  module.crossOrigin = 'anonymous';
  module.href = href;
  return module;
}

// Once something is typed or chosen in the rendering, its figures no longer answer what is on
// screen: they are marked as waiting (prerender.css) until the app, which computes from what
// was typed, takes their place.
(function () {
  function typed(event) {
    // Only fields of the rendering, and only while it is in the page (the app's own fields,
    // replayed into when it takes over, are outside it).
    var rendering = document.getElementById('prerender');
    if (rendering && rendering.contains(event.target)) {
      document.documentElement.classList.add('prerender-typed');
    }
  }
  document.addEventListener('input', typed, true);
  document.addEventListener('change', typed, true);
})();
