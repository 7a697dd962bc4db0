// Runs before the page is painted. The page carries a build-time rendering of the default
// scenario, in Japanese, for a first visit. Anyone who may see something else once the app
// starts (a link, an embed, another view, a saved scenario, another language) gets a loading
// note instead, never figures that are not theirs.
(function () {
  var theirs = false;
  try {
    if (location.hash && !/^#(view=funnel)?$/.test(location.hash)) theirs = true;
    [localStorage, sessionStorage].forEach(function (store) {
      for (var i = 0; !theirs && i < store.length; i++) {
        if (String(store.key(i)).indexOf('funnel-calculator.') === 0) theirs = true;
      }
    });
  } catch (e) {
    theirs = true;
  }
  if (theirs) document.documentElement.classList.add('prerender-off');
})();
