// Patternbook site behaviour. No framework, no inline script. Sections:
//   1. shared: accent, theme toggle, the search dialog's launcher, copy buttons
//   2. diagrams (Mermaid)
//   3. pattern pages: the sidebar (from nav.json), its drawer on narrow screens, the contents
//   4. home: text filter, facet filters, sort and pages, kept in the address
(function () {
  'use strict';
  var root = document.body.getAttribute('data-root') || '';
  var rootUrl = new URL(root || './', window.location.href);

  // ---------------------------------------------------------------------------------------------
  // 1. Shared

  // Accent colour from the configuration (an attribute, since inline styles are not used).
  var accent = document.body.getAttribute('data-accent');
  if (accent && /^#[0-9a-f]{3,6}$/i.test(accent)) document.documentElement.style.setProperty('--accent', accent);

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

  // Search: a dialog whose script and styles (and Pagefind's index) load the first time it is
  // opened — by `/`, Ctrl-K / ⌘-K or the button — so no page pays for it before.
  var searchLoading = null;
  function load(tag, attrs) {
    return new Promise(function (resolve, reject) {
      var el = document.createElement(tag);
      Object.keys(attrs).forEach(function (k) {
        el.setAttribute(k, attrs[k]);
      });
      el.onload = resolve;
      el.onerror = reject;
      document.head.appendChild(el);
    });
  }
  function loadSearch() {
    if (window.patternbookSearch) return Promise.resolve(window.patternbookSearch);
    if (!searchLoading) {
      searchLoading = Promise.all([load('link', { rel: 'stylesheet', href: new URL('assets/search.css', rootUrl).href }), load('script', { src: new URL('assets/search.js', rootUrl).href })]).then(
        function () {
          return window.patternbookSearch;
        },
        function (err) {
          searchLoading = null;
          throw err;
        },
      );
    }
    return searchLoading;
  }
  // What is typed between the key that opens the dialog and the dialog being there is kept for it.
  var typedAhead = null;
  function keepTyped(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key.length === 1) typedAhead += event.key;
    else if (event.key === 'Backspace') typedAhead = typedAhead.slice(0, -1);
    else return;
    event.preventDefault();
    event.stopPropagation();
  }
  function openSearch(opener) {
    if (typedAhead === null && !window.patternbookSearch) {
      typedAhead = '';
      document.addEventListener('keydown', keepTyped, true);
    }
    loadSearch().then(
      function (search) {
        document.removeEventListener('keydown', keepTyped, true);
        var typed = typedAhead;
        typedAhead = null;
        search.open(opener, rootUrl, typed || '');
      },
      function () {
        document.removeEventListener('keydown', keepTyped, true);
        typedAhead = null;
      },
    );
  }
  var searchButton = document.querySelector('[data-search-open]');
  if (searchButton) {
    searchButton.addEventListener('click', function () {
      openSearch(searchButton);
    });
    // Fetched as the pointer or focus comes near, so the dialog opens at once.
    searchButton.addEventListener('pointerenter', loadSearch, { once: true });
    searchButton.addEventListener('focus', loadSearch, { once: true });
  }
  function typing(el) {
    return el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
  }
  document.addEventListener('keydown', function (event) {
    if (event.defaultPrevented || event.altKey) return;
    var k = event.key;
    var slash = k === '/' && !event.ctrlKey && !event.metaKey && !typing(document.activeElement);
    var ctrlK = (k === 'k' || k === 'K') && (event.ctrlKey || event.metaKey) && !event.shiftKey;
    if (!slash && !ctrlK) return;
    event.preventDefault();
    openSearch(document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : searchButton);
  });

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

  // ---------------------------------------------------------------------------------------------
  // 2. Diagrams

  // Mermaid diagrams (the runtime is on this page only when it has one). Strict: no HTML
  // labels, no click handlers, so a diagram's text can never become markup or script.
  if (window.mermaid && document.querySelector('pre.mermaid')) {
    var dark = document.documentElement.getAttribute('data-theme') === 'dark' || (document.documentElement.getAttribute('data-theme') !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
    window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default' });
    window.mermaid.run({ querySelector: 'pre.mermaid' });
  }

  // ---------------------------------------------------------------------------------------------
  // 3. Pattern pages

  // Heading ids are lower case; a link written `#Data-Flow` (which GitHub follows whatever its
  // case) finds its heading here too.
  function followCaseInsensitiveHash() {
    var hash = window.location.hash.slice(1);
    if (!hash) return;
    try {
      hash = decodeURIComponent(hash);
    } catch (e) {
      return;
    }
    if (document.getElementById(hash)) return;
    var lower = document.getElementById(hash.toLowerCase());
    if (lower) lower.scrollIntoView();
  }
  followCaseInsensitiveHash();
  window.addEventListener('hashchange', followCaseInsensitiveHash);

  var sidebar = document.getElementById('sidebar');
  if (sidebar) patternSidebar(sidebar);
  var toc = document.querySelector('.toc details');
  if (toc) contents(toc);

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (attrs[k] !== undefined && attrs[k] !== null && attrs[k] !== false) node.setAttribute(k, attrs[k]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /**
   * Every pattern by group, from the site's shared nav.json (one file, cached by the browser,
   * instead of a thousand links in every page): the current group open with the current
   * pattern marked, the others collapsed and drawn when opened; a filter over all of them.
   */
  function patternSidebar(nav) {
    var here = window.location.pathname.replace(/\/index\.html$/, '/');
    var groupsBox = nav.querySelector('.sidebar-groups');
    var filterBox = nav.querySelector('.sidebar-filter');
    var filter = nav.querySelector('#sidebar-filter');
    var currentGroup = nav.getAttribute('data-group');
    var groups = [];

    fetch(new URL('nav.json', rootUrl).href)
      .then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      })
      .then(function (data) {
        groupsBox.textContent = '';
        data.groups.forEach(function (g) {
          var details = el('details', { class: 'group' });
          var summary = el('summary', null, g.label + ' ');
          summary.appendChild(el('span', { class: 'n' }, String(g.items.length)));
          details.appendChild(summary);
          var list = el('ul');
          details.appendChild(list);
          var group = { data: g, details: details, list: list, drawn: null };
          details.addEventListener('toggle', function () {
            if (details.open && group.drawn === null) draw(group, g.items);
          });
          if (g.label === currentGroup) {
            details.open = true;
            details.classList.add('current');
            draw(group, g.items);
          }
          groups.push(group);
          groupsBox.appendChild(details);
        });
        filterBox.hidden = false;
        var mark = groupsBox.querySelector('[aria-current="page"]');
        if (mark) groupsBox.scrollTop = mark.offsetTop - groupsBox.clientHeight / 2;
      })
      .catch(function () {
        /* the page's own group stays as served */
      });

    function draw(group, items) {
      group.list.textContent = '';
      items.forEach(function (item) {
        var href = new URL('patterns/' + encodeURIComponent(item[0]) + '/', rootUrl);
        var a = el('a', { href: href.pathname, 'aria-current': href.pathname === here ? 'page' : null }, item[1]);
        var li = el('li');
        li.appendChild(a);
        group.list.appendChild(li);
      });
      group.drawn = items;
    }

    var pending;
    if (filter) {
      filter.addEventListener('input', function () {
        clearTimeout(pending);
        pending = setTimeout(apply, 80);
      });
    }
    function apply() {
      var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
      groups.forEach(function (group) {
        if (!words.length) {
          group.details.hidden = false;
          group.details.open = group.data.label === currentGroup;
          if (group.details.open) draw(group, group.data.items);
          else group.drawn = null;
          return;
        }
        var found = group.data.items.filter(function (item) {
          var title = item[1].toLowerCase();
          return words.every(function (w) {
            return title.indexOf(w) >= 0;
          });
        });
        group.details.hidden = !found.length;
        if (found.length) {
          draw(group, found);
          group.details.open = true;
        }
      });
    }

    // Narrow screens: the sidebar is a drawer, opened from the header's menu button.
    var button = document.querySelector('.menu-button');
    if (!button) return;
    function setOpen(open) {
      document.body.classList.toggle('sidebar-open', open);
      button.setAttribute('aria-expanded', String(open));
      // Focus goes to the current pattern (not the filter, which would open a phone's keyboard).
      if (open) (nav.querySelector('a[aria-current="page"]') || nav.querySelector('a')).focus();
    }
    button.addEventListener('click', function () {
      setOpen(!document.body.classList.contains('sidebar-open'));
    });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && document.body.classList.contains('sidebar-open')) {
        setOpen(false);
        button.focus();
      }
    });
    document.addEventListener('click', function (event) {
      if (document.body.classList.contains('sidebar-open') && !nav.contains(event.target) && !button.contains(event.target)) setOpen(false);
    });
  }

  /**
   * The contents: open beside the article on wide screens, with the section being read
   * highlighted; behind its summary on phones (closed again when a section is picked).
   */
  function contents(details) {
    var wide = window.matchMedia('(min-width: 50rem)');
    var sync = function () {
      details.open = wide.matches;
    };
    sync();
    if (wide.addEventListener) wide.addEventListener('change', sync);
    var links = Array.prototype.slice.call(details.querySelectorAll('a[href^="#"]'));
    details.addEventListener('click', function (event) {
      if (!wide.matches && event.target.closest && event.target.closest('a')) details.open = false;
    });
    var targets = links
      .map(function (a) {
        return { link: a, heading: document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1))) };
      })
      .filter(function (t) {
        return t.heading;
      });
    if (!targets.length) return;
    var active = null;
    var scheduled = false;
    function update() {
      scheduled = false;
      // The last heading that has reached the top quarter of the window is the section being read.
      var line = window.innerHeight * 0.25;
      var now = targets[0];
      for (var i = 0; i < targets.length; i++) {
        if (targets[i].heading.getBoundingClientRect().top <= line) now = targets[i];
        else break;
      }
      if (now === active) return;
      if (active) active.link.removeAttribute('aria-current');
      active = now;
      active.link.setAttribute('aria-current', 'true');
    }
    window.addEventListener(
      'scroll',
      function () {
        if (!scheduled) {
          scheduled = true;
          window.requestAnimationFrame(update);
        }
      },
      { passive: true },
    );
    update();
  }

  // ---------------------------------------------------------------------------------------------
  // 4. Home

  var cardList = document.querySelector('ul.cards[data-page]');
  if (cardList) home(cardList);

  /**
   * The home page's filters. As served, a page shows its cards by name; the first filter, sort
   * or page change fetches cards.json (every card as data) and draws the matching cards here,
   * a page at a time. The state lives in the address (?q=…&tags=…&sort=…&page=…), so a reload,
   * the back button or a shared link shows the same.
   */
  function home(list) {
    var text = document.querySelector('[data-filter-text]');
    var selects = Array.prototype.slice.call(document.querySelectorAll('select[data-facet]'));
    var sort = document.querySelector('select[data-sort]');
    var clear = document.querySelector('[data-clear]');
    var count = document.querySelector('[data-count]');
    var range = document.querySelector('[data-range]');
    var empty = document.querySelector('.empty');
    var pagesNav = document.querySelector('nav.pages');
    var size = Number(list.getAttribute('data-size')) || 48;
    var lint = list.getAttribute('data-lint') === '1';
    var cards = null;
    var loading = null;

    function fromAddress() {
      var p = new URLSearchParams(window.location.search);
      var facets = {};
      selects.forEach(function (s) {
        facets[s.getAttribute('data-facet')] = p.get(s.getAttribute('data-param')) || '';
      });
      return { q: p.get('q') || '', sort: p.get('sort') === 'updated' ? 'updated' : 'name', page: Math.max(1, parseInt(p.get('page'), 10) || 1), facets: facets };
    }
    function fromControls(page) {
      var facets = {};
      selects.forEach(function (s) {
        facets[s.getAttribute('data-facet')] = s.value;
      });
      return { q: text ? text.value.trim() : '', sort: sort && sort.value === 'updated' ? 'updated' : 'name', page: page || 1, facets: facets };
    }
    function filtered(state) {
      return Boolean(state.q) || selects.some(function (s) {
        return state.facets[s.getAttribute('data-facet')];
      });
    }
    function isDefault(state) {
      return !filtered(state) && state.sort === 'name' && state.page === 1;
    }
    function toControls(state) {
      if (text) text.value = state.q;
      if (sort) sort.value = state.sort;
      selects.forEach(function (s) {
        var want = state.facets[s.getAttribute('data-facet')];
        // A value no pattern has (an old link) is added, so the filter shows what it is.
        if (want && !Array.prototype.some.call(s.options, function (o) { return o.value === want; })) s.appendChild(el('option', { value: want }, want));
        s.value = want;
      });
      if (clear) clear.hidden = !filtered(state);
    }
    function query(state, page) {
      var p = new URLSearchParams();
      if (state.q) p.set('q', state.q);
      selects.forEach(function (s) {
        var v = state.facets[s.getAttribute('data-facet')];
        if (v) p.set(s.getAttribute('data-param'), v);
      });
      if (state.sort !== 'name') p.set('sort', state.sort);
      if (page > 1) p.set('page', String(page));
      var qs = p.toString();
      return rootUrl.pathname + (qs ? '?' + qs : '');
    }
    function withCards(then) {
      if (cards) return then();
      if (!loading) {
        loading = fetch(new URL('cards.json', rootUrl).href).then(function (r) {
          if (!r.ok) throw new Error('cards.json: ' + r.status);
          return r.json();
        });
      }
      loading.then(function (data) {
        cards = data;
        then();
      }, function () {
        loading = null;
      });
    }
    function matches(state) {
      var words = state.q.toLowerCase().split(/\s+/).filter(Boolean);
      var out = cards.filter(function (c) {
        for (var i = 0; i < selects.length; i++) {
          var facet = selects[i].getAttribute('data-facet');
          var want = state.facets[facet];
          if (want && (c.f[facet] || []).indexOf(want) < 0) return false;
        }
        if (!words.length) return true;
        var values = [];
        Object.keys(c.f).forEach(function (f) {
          values = values.concat(c.f[f]);
        });
        var hay = (c.t + ' ' + (c.d || '') + ' ' + values.join(' ') + ' ' + c.s).toLowerCase();
        return words.every(function (w) {
          return hay.indexOf(w) >= 0;
        });
      });
      // cards.json is by name already; by last update, newest first, then by name (a stable sort).
      if (state.sort === 'updated') {
        out = out.slice().sort(function (a, b) {
          var ua = a.u || '';
          var ub = b.u || '';
          return ua === ub ? 0 : ua < ub ? 1 : -1;
        });
      }
      return out;
    }
    function card(c) {
      var li = el('li', { class: 'card' });
      var h2 = el('h2');
      h2.appendChild(el('a', { href: new URL('patterns/' + encodeURIComponent(c.s) + '/', rootUrl).pathname }, c.t));
      li.appendChild(h2);
      if (c.d) li.appendChild(el('p', { class: 'summary' }, c.d));
      var meta = el('p', { class: 'meta' });
      Object.keys(c.f).forEach(function (f) {
        c.f[f].forEach(function (v) {
          meta.appendChild(el('span', { class: 'chip', title: f }, v));
        });
      });
      if (c.v) {
        var version = el('span', { class: 'version' }, 'v' + c.v.replace(/^v/, ''));
        if (c.u) {
          version.appendChild(document.createTextNode(' · '));
          version.appendChild(el('time', { datetime: c.u }, c.u));
        }
        meta.appendChild(version);
      }
      if (c.x) meta.appendChild(badge(c.x));
      if (lint && c.l) {
        var errors = c.l[0];
        var warnings = c.l[1];
        meta.appendChild(el('span', { class: 'lint ' + (errors ? 'has-errors' : warnings ? 'has-warnings' : 'clean') }, errors ? errors + ' lint error' + (errors === 1 ? '' : 's') : warnings ? warnings + ' warning' + (warnings === 1 ? '' : 's') : 'conforms to the template'));
      }
      li.appendChild(meta);
      return li;
    }
    // The same badge as the server's (pages/verification.ts).
    function badge(v) {
      var label = v.status === 'passed' ? 'verified' : v.status === 'failed' ? 'failing' : v.status === 'incomplete' ? 'incomplete' : 'never verified';
      var title = [v.when ? 'Last run ' + v.when : 'No run recorded', v.commit ? 'at commit ' + v.commit.slice(0, 12) : '', v.reason || ''].filter(Boolean).join(' · ');
      var span = el('span', { class: 'verified ' + v.status, title: title }, label);
      if (v.when) {
        span.appendChild(document.createTextNode(' '));
        span.appendChild(el('time', { datetime: v.when }, v.when.slice(0, 10)));
      }
      return span;
    }
    function pager(state, pages) {
      if (!pagesNav) return;
      pagesNav.textContent = '';
      pagesNav.hidden = pages < 2;
      if (pages < 2) return;
      var n = state.page;
      var link = function (k, label, cls, rel) {
        var a = el('a', { href: query(state, k), class: cls, rel: rel }, label);
        a.addEventListener('click', function (event) {
          if (event.ctrlKey || event.metaKey || event.shiftKey || event.button) return;
          event.preventDefault();
          state.page = k;
          window.history.pushState(null, '', query(state, k));
          render(state);
          list.scrollIntoView({ block: 'start' });
        });
        return a;
      };
      if (n > 1) pagesNav.appendChild(link(n - 1, 'Previous', 'prev', 'prev'));
      var ol = el('ol');
      var shown = [1, n - 2, n - 1, n, n + 1, n + 2, pages].filter(function (k, i, all) {
        return k >= 1 && k <= pages && all.indexOf(k) === i;
      }).sort(function (a, b) {
        return a - b;
      });
      shown.forEach(function (k, i) {
        if (i && k - shown[i - 1] > 1) ol.appendChild(el('li', { class: 'gap', 'aria-hidden': 'true' }, '…'));
        var li = el('li');
        var a = link(k, String(k));
        if (k === n) a.setAttribute('aria-current', 'page');
        li.appendChild(a);
        ol.appendChild(li);
      });
      pagesNav.appendChild(ol);
      if (n < pages) pagesNav.appendChild(link(n + 1, 'Next', 'next', 'next'));
    }
    function render(state) {
      drawn = true;
      var found = matches(state);
      var pages = Math.max(1, Math.ceil(found.length / size));
      if (state.page > pages) state.page = pages;
      var from = (state.page - 1) * size;
      var shown = found.slice(from, from + size);
      var fragment = document.createDocumentFragment();
      shown.forEach(function (c) {
        fragment.appendChild(card(c));
      });
      list.textContent = '';
      list.appendChild(fragment);
      if (count) count.textContent = String(found.length);
      if (range) range.textContent = pages > 1 ? ' · ' + (from + 1) + '–' + (from + shown.length) + ' shown' : '';
      if (empty) empty.hidden = found.length !== 0;
      pager(state, pages);
    }
    function changed() {
      var state = fromControls(1);
      if (clear) clear.hidden = !filtered(state);
      window.history.replaceState(null, '', query(state, 1));
      withCards(function () {
        render(state);
      });
    }
    var typingTimer;
    if (text) {
      text.addEventListener('input', function () {
        clearTimeout(typingTimer);
        typingTimer = setTimeout(changed, 120);
      });
      // The cards are fetched as soon as the reader starts to filter.
      text.addEventListener('focus', function () {
        withCards(function () {});
      }, { once: true });
    }
    selects.concat(sort ? [sort] : []).forEach(function (s) {
      s.addEventListener('change', changed);
    });
    if (clear) {
      clear.addEventListener('click', function () {
        if (text) text.value = '';
        selects.forEach(function (s) {
          s.value = '';
        });
        changed();
        if (text) text.focus();
      });
    }
    var drawn = false;
    function fromHere() {
      var state = fromAddress();
      toControls(state);
      // No filter in the address: the page as served (until the script has drawn cards itself).
      if (!drawn && isDefault(state)) return;
      withCards(function () {
        render(state);
      });
    }
    window.addEventListener('popstate', fromHere);
    fromHere();
  }
})();
