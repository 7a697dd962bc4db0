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
  if (!theirs) return;
  document.documentElement.classList.add('prerender-off');
  preload();
})();

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
  var module = document.createElement('link');
  module.rel = 'preload';
  module.as = 'fetch';
  module.type = 'application/wasm';
  module.crossOrigin = 'anonymous';
  module.href = files[1];
  document.head.append(script, module);
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
