// Runs before the page paints: the reader's light/dark choice (no flash of the other theme), and a
// `js` class so that what only works with the script (filters, the sidebar's filter) is laid out
// from the first paint instead of appearing later and moving the page.
(function () {
  document.documentElement.classList.add('js');
  try {
    var saved = localStorage.getItem('patternbook-theme');
    if (saved === 'light' || saved === 'dark') document.documentElement.setAttribute('data-theme', saved);
  } catch (e) {
    /* storage unavailable: follow the system */
  }
})();
