// Patternbook's search dialog, loaded by site.js the first time a reader opens it.
// Pagefind's JavaScript API (pagefind/pagefind.js, its WebAssembly and the index fragments a
// query needs) with a small dialog of our own instead of Pagefind's UI bundle: 9 KB here (3 KB compressed)
// and 3 KB of styles against Pagefind UI's 127 KB script and 14 KB of styles, and the keys,
// focus, contrast and excerpts are ours to get right.
//
// The dialog is modal and drawn in the top layer, so the page under it never moves. Typing
// searches; ↑/↓ move through the results, Enter opens the chosen one (the first when none is
// chosen), Escape closes the dialog and gives focus back to what opened it.
(function () {
  'use strict';
  var MAX_RESULTS = 10;
  var engine = null;
  var dialog;
  var input;
  var list;
  var status;
  var opener = null;
  var options = [];
  var active = -1;
  var latest = 0;
  var base;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (attrs[k] !== undefined && attrs[k] !== null) node.setAttribute(k, attrs[k]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function pagefind() {
    if (!engine) {
      engine = import(new URL('pagefind/pagefind.js', base).href).then(function (pf) {
        return Promise.resolve(pf.options({ baseUrl: base.pathname, excerptLength: 22 })).then(function () {
          pf.init();
          return pf;
        });
      });
      engine.catch(function () {
        engine = null;
      });
    }
    return engine;
  }

  function build() {
    dialog = el('dialog', { class: 'search-dialog', 'aria-label': 'Search patterns' });
    var panel = el('div', { class: 'search-panel' });
    var box = el('div', { class: 'search-box' });
    box.appendChild(el('span', { class: 'icon-search', 'aria-hidden': 'true' }));
    input = el('input', {
      type: 'search',
      class: 'search-input',
      placeholder: 'Search patterns',
      autocomplete: 'off',
      spellcheck: 'false',
      role: 'combobox',
      'aria-label': 'Search patterns',
      'aria-autocomplete': 'list',
      'aria-controls': 'search-results',
      'aria-expanded': 'false',
    });
    box.appendChild(input);
    var close = el('button', { type: 'button', class: 'search-close', 'aria-label': 'Esc: close search' }, 'Esc');
    close.addEventListener('click', function () {
      dialog.close();
    });
    box.appendChild(close);
    panel.appendChild(box);
    status = el('p', { class: 'search-status', role: 'status' });
    panel.appendChild(status);
    list = el('ul', { id: 'search-results', class: 'search-results', role: 'listbox', 'aria-label': 'Results' });
    panel.appendChild(list);
    var help = el('p', { class: 'search-help', 'aria-hidden': 'true' });
    [['↑', '↓', 'to move'], ['Enter', 'to open'], ['Esc', 'to close']].forEach(function (keys) {
      var span = el('span');
      keys.slice(0, -1).forEach(function (k) {
        span.appendChild(el('kbd', null, k));
      });
      span.appendChild(document.createTextNode(' ' + keys[keys.length - 1]));
      help.appendChild(span);
    });
    panel.appendChild(help);
    dialog.appendChild(panel);
    document.body.appendChild(dialog);

    input.addEventListener('input', function () {
      search(input.value);
    });
    input.addEventListener('keydown', onKey);
    // A click on the backdrop (outside the panel) closes.
    dialog.addEventListener('click', function (event) {
      if (event.target === dialog) dialog.close();
    });
    dialog.addEventListener('cancel', function (event) {
      event.preventDefault();
      dialog.close();
    });
    dialog.addEventListener('close', function () {
      if (opener && document.contains(opener)) opener.focus();
      opener = null;
    });
    status.textContent = 'Type to search titles, summaries and every section.';
  }

  function onKey(event) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!options.length) return;
      var step = event.key === 'ArrowDown' ? 1 : -1;
      select(active < 0 ? (step > 0 ? 0 : options.length - 1) : (active + step + options.length) % options.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      var chosen = options[active < 0 ? 0 : active];
      if (chosen) window.location.assign(chosen.href);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      dialog.close();
    }
  }

  function select(index) {
    if (options[active]) options[active].setAttribute('aria-selected', 'false');
    active = index;
    var option = options[active];
    if (!option) {
      input.removeAttribute('aria-activedescendant');
      return;
    }
    option.setAttribute('aria-selected', 'true');
    input.setAttribute('aria-activedescendant', option.id);
    option.scrollIntoView({ block: 'nearest' });
  }

  /** Pagefind's excerpt as text with its <mark>s, built node by node: never parsed into the page as markup. */
  function excerpt(html) {
    var out = el('span', { class: 'result-excerpt' });
    var template = document.createElement('template');
    template.innerHTML = html;
    Array.prototype.forEach.call(template.content.childNodes, function (node) {
      if (node.nodeName === 'MARK') out.appendChild(el('mark', null, node.textContent));
      else out.appendChild(document.createTextNode(node.textContent));
    });
    return out;
  }

  /** The section that matched best: most matched words; none when that is the page's opening (title and summary). */
  function bestSection(data) {
    var best = null;
    (data.sub_results || []).forEach(function (sub) {
      var hits = (sub.locations || []).length;
      if (!best || hits > (best.locations || []).length) best = sub;
    });
    if (!best || best.url.indexOf('#') < 0 || best.title === data.meta.title) return null;
    return best;
  }

  function show(datas, total, query) {
    list.textContent = '';
    options = [];
    active = -1;
    input.removeAttribute('aria-activedescendant');
    datas.forEach(function (data, i) {
      var section = bestSection(data);
      var option = el('a', { role: 'option', id: 'search-option-' + i, class: 'search-result', href: section ? section.url : data.url, 'aria-selected': 'false' });
      option.appendChild(el('span', { class: 'result-title' }, data.meta.title || data.url));
      if (data.meta.summary) option.appendChild(el('span', { class: 'result-summary' }, data.meta.summary));
      var where = el('span', { class: 'result-section' });
      if (section) where.appendChild(el('span', { class: 'result-heading' }, section.title));
      where.appendChild(excerpt(section ? section.excerpt : data.excerpt));
      option.appendChild(where);
      option.addEventListener('mousemove', function () {
        if (active !== i) select(i);
      });
      var li = el('li', { role: 'presentation' });
      li.appendChild(option);
      list.appendChild(li);
      options.push(option);
    });
    input.setAttribute('aria-expanded', String(datas.length > 0));
    // Which query the results are for (a newer one may be on its way).
    list.setAttribute('data-query', query);
    status.textContent = total === 0 ? 'No pattern matches “' + query + '”.' : total > datas.length ? total + ' patterns match; the best ' + datas.length + ' are shown.' : total + (total === 1 ? ' pattern matches.' : ' patterns match.');
  }

  function search(value) {
    var query = value.trim();
    var mine = ++latest;
    if (!query) {
      list.textContent = '';
      options = [];
      active = -1;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      status.textContent = 'Type to search titles, summaries and every section.';
      return;
    }
    pagefind()
      .then(function (pf) {
        return pf.debouncedSearch(query, {}, 100);
      })
      .then(function (found) {
        // A newer query has started: this one's results are not shown.
        if (!found || mine !== latest) return null;
        return Promise.all(found.results.slice(0, MAX_RESULTS).map(function (r) {
          return r.data();
        })).then(function (datas) {
          if (mine === latest) show(datas, found.results.length, query);
        });
      })
      .catch(function () {
        if (mine === latest) status.textContent = 'The search index could not be loaded.';
      });
  }

  window.patternbookSearch = {
    open: function (from, rootUrl, typed) {
      base = rootUrl;
      if (!dialog) build();
      opener = from || null;
      if (!dialog.open) dialog.showModal();
      input.focus();
      if (typed) {
        input.value = typed;
        search(typed);
      } else input.select();
      // The index starts loading as the dialog opens, not with the first key.
      pagefind();
    },
  };
})();
