// Applies the reader's light/dark choice before the page paints (no flash of the other theme).
(function () {
  try {
    var saved = localStorage.getItem('patternbook-theme');
    if (saved === 'light' || saved === 'dark') document.documentElement.setAttribute('data-theme', saved);
  } catch (e) {
    /* storage unavailable: follow the system */
  }
})();
