// Patternbook site behaviour: search, theme toggle, home-page filters. No framework, no inline script.
(function () {
  'use strict';
  var root = document.body.getAttribute('data-root') || '';

  // Accent colour from the configuration (an attribute, since inline styles are not used).
  var accent = document.body.getAttribute('data-accent');
  if (accent && /^#[0-9a-f]{3,6}$/i.test(accent)) document.documentElement.style.setProperty('--accent', accent);

  // Search: Pagefind's UI, `/` focuses it.
  if (window.PagefindUI && document.getElementById('search')) {
    // Pagefind imports its modules from this path: it must be absolute (a bare `pagefind/` is not a URL).
    var bundlePath = new URL((root || './') + 'pagefind/', window.location.href).pathname;
    new window.PagefindUI({ element: '#search', showSubResults: true, showImages: false, bundlePath: bundlePath, resetStyles: false });
    // Pagefind's field has only a title and a placeholder: give it a name screen readers announce.
    var field = document.querySelector('#search input');
    if (field) field.setAttribute('aria-label', 'Search patterns (press / to focus)');
  }
  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    var active = document.activeElement;
    if (active && (active.tagName === 'INPUT' || active.tagName === 'TEXTAREA' || active.tagName === 'SELECT' || active.isContentEditable)) return;
    var input = document.querySelector('#search input');
    if (input) {
      event.preventDefault();
      input.focus();
    }
  });

  // Light / dark toggle, remembered.
  var toggle = document.querySelector('.theme-toggle');
  if (toggle) {
    toggle.addEventListener('click', function () {
      var html = document.documentElement;
      var current = html.getAttribute('data-theme');
      var dark = current === 'dark' || (current !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
      var next = dark ? 'light' : 'dark';
      html.setAttribute('data-theme', next);
      try {
        localStorage.setItem('patternbook-theme', next);
      } catch (e) {
        /* not remembered */
      }
    });
  }

  // A copy button on each code block.
  Array.prototype.forEach.call(document.querySelectorAll('pre.code'), function (pre) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy';
    button.textContent = 'Copy';
    button.setAttribute('aria-label', 'Copy this code');
    button.addEventListener('click', function () {
      var code = pre.querySelector('code');
      var text = code ? code.textContent : pre.textContent;
      var done = function (label) {
        button.textContent = label;
        setTimeout(function () {
          button.textContent = 'Copy';
        }, 1500);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(function () { done('Copied'); }, function () { done('Press Ctrl+C'); });
      else done('Press Ctrl+C');
    });
    pre.appendChild(button);
  });

  // Mermaid diagrams (the runtime is on this page only when it has one). Strict: no HTML
  // labels, no click handlers, so a diagram's text can never become markup or script.
  if (window.mermaid && document.querySelector('pre.mermaid')) {
    var dark = document.documentElement.getAttribute('data-theme') === 'dark' || (document.documentElement.getAttribute('data-theme') !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
    window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default' });
    window.mermaid.run({ querySelector: 'pre.mermaid' });
  }

  // Home page: filter by facet, sort by name or last update, count what is shown.
  var cards = Array.prototype.slice.call(document.querySelectorAll('.cards > .card'));
  if (!cards.length) return;
  var list = document.querySelector('.cards');
  var selects = Array.prototype.slice.call(document.querySelectorAll('select[data-facet]'));
  var sort = document.querySelector('select[data-sort]');
  var count = document.querySelector('[data-count]');
  var empty = document.querySelector('.empty');
  var facetsOf = function (card) {
    try {
      return JSON.parse(card.getAttribute('data-facets') || '{}');
    } catch (e) {
      return {};
    }
  };
  function apply() {
    var shown = 0;
    cards.forEach(function (card) {
      var facets = facetsOf(card);
      var visible = selects.every(function (select) {
        var want = select.value;
        return !want || (facets[select.getAttribute('data-facet')] || []).indexOf(want) >= 0;
      });
      card.hidden = !visible;
      if (visible) shown++;
    });
    var by = sort ? sort.value : 'name';
    cards
      .slice()
      .sort(function (a, b) {
        if (by === 'updated') {
          var ua = a.getAttribute('data-updated') || '';
          var ub = b.getAttribute('data-updated') || '';
          if (ua !== ub) return ua < ub ? 1 : -1;
        }
        var na = a.getAttribute('data-name');
        var nb = b.getAttribute('data-name');
        return na < nb ? -1 : na > nb ? 1 : 0;
      })
      .forEach(function (card) {
        list.appendChild(card);
      });
    if (count) count.textContent = String(shown);
    if (empty) empty.hidden = shown !== 0;
  }
  selects.concat(sort ? [sort] : []).forEach(function (select) {
    select.addEventListener('change', apply);
  });
  apply();
})();
