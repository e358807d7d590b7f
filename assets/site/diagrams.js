// Diagrams on a pattern page (loaded only on pages that have one). Diagrams drawn at build time
// open full size in a dialog (click, Enter or the Enlarge button; Escape closes). Diagram types
// drawn in the browser load Mermaid's runtime when they come into view — never before.
(function () {
  'use strict';
  var root = document.body.getAttribute('data-root') || '';
  var dialog = null;
  var opener = null;
  var scale = 1;
  var current = null;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      e.setAttribute(k, attrs[k]);
    });
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function labelOf(view) {
    var svg = view.querySelector('svg');
    var title = svg && svg.querySelector('title');
    return (title && title.textContent) || (svg && svg.getAttribute('aria-label')) || 'Diagram';
  }
  function naturalSize(svg) {
    var box = (svg.getAttribute('viewBox') || '').split(/[\s,]+/).map(Number);
    if (box.length === 4 && box[2] > 0 && box[3] > 0) return { w: box[2], h: box[3] };
    var r = svg.getBoundingClientRect();
    return { w: r.width || 600, h: r.height || 400 };
  }
  function apply() {
    var svg = current && current.svg;
    if (!svg) return;
    svg.setAttribute('width', String(Math.round(current.size.w * scale)));
    svg.setAttribute('height', String(Math.round(current.size.h * scale)));
    svg.style.maxWidth = 'none';
  }
  function fitScale() {
    var area = dialog.querySelector('.canvas');
    var w = area.clientWidth - 32;
    var h = area.clientHeight - 32;
    return Math.min(w / current.size.w, h / current.size.h);
  }
  function build() {
    dialog = el('dialog', { class: 'diagram-dialog', 'aria-labelledby': 'diagram-dialog-title' });
    var bar = el('div', { class: 'bar' });
    bar.appendChild(el('h2', { id: 'diagram-dialog-title' }, 'Diagram'));
    [
      ['out', '\u2212', 'Zoom out'],
      ['in', '+', 'Zoom in'],
      ['fit', 'Fit', 'Fit to the window'],
      ['close', 'Close', 'Close (Escape)'],
    ].forEach(function (b) {
      var button = el('button', { type: 'button', 'data-action': b[0], title: b[2] }, b[1]);
      if (b[0] === 'out' || b[0] === 'in') button.setAttribute('aria-label', b[2]);
      bar.appendChild(button);
    });
    dialog.appendChild(bar);
    dialog.appendChild(el('div', { class: 'canvas', tabindex: '0' }));
    bar.addEventListener('click', function (e) {
      var b = e.target.closest('button');
      if (!b) return;
      var action = b.getAttribute('data-action');
      if (action === 'close') dialog.close();
      else {
        scale = action === 'in' ? scale * 1.25 : action === 'out' ? scale / 1.25 : fitScale();
        scale = Math.max(0.2, Math.min(scale, 8));
        apply();
      }
    });
    // A click on the backdrop (outside the dialog's box) closes it too.
    dialog.addEventListener('click', function (e) {
      if (e.target === dialog) dialog.close();
    });
    dialog.addEventListener('close', function () {
      dialog.querySelector('.canvas').textContent = '';
      current = null;
      if (opener) opener.focus();
    });
    document.body.appendChild(dialog);
  }
  function open(view, from) {
    var svg = view.querySelector('svg');
    if (!svg) return;
    if (!dialog) build();
    opener = from || view;
    var label = labelOf(view);
    dialog.querySelector('h2').textContent = label;
    var copy = svg.cloneNode(true);
    // The copy is labelled by the dialog; ids stay unique on the page.
    ['title', 'desc'].forEach(function (t) {
      Array.prototype.forEach.call(copy.querySelectorAll(t), function (n) {
        n.removeAttribute('id');
      });
    });
    copy.removeAttribute('aria-labelledby');
    copy.removeAttribute('aria-describedby');
    copy.setAttribute('aria-label', label);
    var area = dialog.querySelector('.canvas');
    area.textContent = '';
    area.appendChild(copy);
    current = { svg: copy, size: naturalSize(svg) };
    dialog.showModal();
    // Full size at least; larger when the window has room for it.
    scale = Math.max(1, Math.min(fitScale(), 2.5));
    apply();
    dialog.querySelector('[data-action="close"]').focus();
  }
  function enlargeable(figure) {
    var view = figure.querySelector('.diagram-view');
    if (!view || figure.querySelector('.diagram-open')) return;
    var button = el('button', { type: 'button', class: 'diagram-open', 'aria-haspopup': 'dialog' }, 'Enlarge');
    button.setAttribute('aria-label', 'Enlarge: ' + labelOf(view));
    button.addEventListener('click', function () {
      open(view, button);
    });
    figure.appendChild(button);
    view.addEventListener('click', function () {
      // Selecting text in the diagram is not a request to enlarge it.
      var selection = window.getSelection && window.getSelection();
      if (selection && !selection.isCollapsed && view.contains(selection.anchorNode)) return;
      open(view, view);
    });
    view.addEventListener('keydown', function (e) {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      open(view, view);
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll('figure.diagram'), enlargeable);

  // ---- diagrams drawn in the browser, by Mermaid, when in view ------------------------------
  var waiting = Array.prototype.slice.call(document.querySelectorAll('figure.diagram[data-mermaid]'));
  if (!waiting.length) return;
  var runtime = null;
  var drawn = [];
  function dark() {
    var theme = document.documentElement.getAttribute('data-theme');
    return theme === 'dark' || (theme !== 'light' && window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
  }
  function loadMermaid() {
    if (runtime) return runtime;
    runtime = new Promise(function (resolve, reject) {
      var script = el('script', { src: root + 'assets/mermaid.min.js' });
      script.onload = function () {
        if (window.mermaid) resolve(window.mermaid);
        else reject(new Error('no mermaid'));
      };
      script.onerror = reject;
      document.body.appendChild(script);
    });
    return runtime;
  }
  var counter = 0;
  function note(figure, text) {
    var caption = figure.querySelector('.diagram-note');
    if (caption) caption.textContent = text;
  }
  function render(figure, source) {
    return loadMermaid().then(
      function (mermaid) {
        // Strict: no HTML labels, no click handlers, so a diagram's text can never become markup or script.
        mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark() ? 'dark' : 'default' });
        return mermaid.render('pb-mermaid-' + ++counter, source).then(
          function (out) {
            var view = figure.querySelector('.diagram-view') || el('div', { class: 'diagram-view', tabindex: '0', role: 'group' });
            view.innerHTML = out.svg;
            var svg = view.querySelector('svg');
            if (svg) {
              svg.setAttribute('role', 'img');
              if (!svg.getAttribute('aria-label') && !svg.getAttribute('aria-labelledby')) svg.setAttribute('aria-label', 'Diagram');
            }
            view.setAttribute('aria-label', 'Diagram (select to enlarge)');
            var pre = figure.querySelector('pre.diagram-source');
            if (pre) pre.hidden = true;
            if (!view.parentNode) figure.insertBefore(view, figure.firstChild);
            var caption = figure.querySelector('.diagram-note');
            if (caption) caption.hidden = true;
            figure.setAttribute('data-drawn', 'mermaid');
            enlargeable(figure);
            if (drawn.indexOf(figure) < 0) drawn.push(figure);
          },
          function () {
            note(figure, 'Mermaid could not draw this diagram: it is shown as its source.');
          },
        );
      },
      function () {
        note(figure, 'Mermaid could not be loaded: the diagram is shown as its source.');
      },
    );
  }
  function sourceOf(figure) {
    var code = figure.querySelector('pre.diagram-source code');
    return code ? code.textContent : '';
  }
  var start = function (figure) {
    if (figure.getAttribute('data-started')) return;
    figure.setAttribute('data-started', '1');
    render(figure, sourceOf(figure));
  };
  if (window.IntersectionObserver) {
    var seen = new IntersectionObserver(
      function (entries) {
        entries.forEach(function (entry) {
          if (!entry.isIntersecting) return;
          seen.unobserve(entry.target);
          start(entry.target);
        });
      },
      { rootMargin: '300px 0px' },
    );
    waiting.forEach(function (f) {
      seen.observe(f);
    });
  } else waiting.forEach(start);
  // Mermaid's colours are fixed when it draws: drawn again when the theme changes.
  new MutationObserver(function () {
    drawn.forEach(function (figure) {
      render(figure, sourceOf(figure));
    });
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
})();
