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
  if (theirs) document.documentElement.classList.add('prerender-off');
})();
