// The relation graph page: draws graph.json (laid out at build time) on a canvas. No library:
// a thousand patterns and their relations are a few thousand lines and dots, and a small script
// keeps the page fast on a phone. Two views:
// - the whole graph, coloured by category, the best-connected patterns labelled (more as you zoom);
// - a pattern with its neighbours ("ego" view): found by name, or named in the address
//   (graph/?focus=<slug>), its relations listed beside it as links and buttons.
// Mouse: point at a pattern to highlight its neighbours, click to open it. Touch: the first tap
// highlights, the second opens. Drag to pan; wheel, pinch or the buttons to zoom.
(function () {
  'use strict';
  var box = document.getElementById('graph');
  var canvas = box && box.querySelector('canvas');
  if (!canvas || !window.fetch) return;
  var finder = document.querySelector('.graph-find');
  var input = document.getElementById('graph-find');
  var names = document.getElementById('graph-names');
  var panel = document.querySelector('.graph-panel');
  var root = document.body.getAttribute('data-root') || '../';
  var ctx = canvas.getContext('2d');
  var KINDS = ['related', 'alternative', 'mention'];
  var LABEL_PX = 13;

  var nodes = [];
  var edges = [];
  var mode = 'all';
  var focused = -1; // the ego view's pattern
  var picked = -1; // highlighted by a tap (touch) or by focusing
  var hovered = -1; // highlighted by the mouse
  var ego = null; // { members: [index…], at: Map index → {x, y}, side: Map index → -1 | 1 }
  var view = { k: 1, x: 0, y: 0 };
  var width = 0;
  var height = 0;
  var colours = {};
  var byDegree = [];
  var bySlug = new Map();

  function readColours() {
    var css = getComputedStyle(box);
    var get = function (name, fallback) {
      return css.getPropertyValue(name).trim() || fallback;
    };
    colours = { fg: get('--fg', '#1f2328'), bg: get('--bg', '#ffffff'), muted: get('--muted', '#59636e'), edge: get('--graph-edge', '#8c959f'), focus: get('--accent', '#2563eb'), groups: [], other: get('--g-other', '#8c959f') };
    for (var i = 0; i < 10; i++) colours.groups.push(get('--g' + i, '#2563eb'));
  }
  function nodeColour(n) {
    return n.g >= 0 && n.g < colours.groups.length ? colours.groups[n.g] : colours.other;
  }

  // ---- geometry --------------------------------------------------------------------------
  function pos(i) {
    return mode === 'ego' ? ego.at.get(i) : nodes[i];
  }
  function shown(i) {
    return mode === 'all' || ego.at.has(i);
  }
  function toScreen(p) {
    return { x: p.x * view.k + view.x, y: p.y * view.k + view.y };
  }
  function radius(i) {
    var r = (3 + Math.sqrt(nodes[i].deg) * 1.6) * Math.min(Math.max(view.k, 0.5), 1.6);
    return mode === 'ego' && i === focused ? Math.max(r, 9) : Math.max(r, 2.5);
  }
  function hit(sx, sy) {
    var best = -1;
    var bestD = Infinity;
    for (var i = 0; i < nodes.length; i++) {
      if (!shown(i)) continue;
      var p = toScreen(pos(i));
      var d = Math.hypot(p.x - sx, p.y - sy);
      var reach = Math.max(radius(i) + 4, 12);
      if (d <= reach && d < bestD) {
        best = i;
        bestD = d;
      }
    }
    return best;
  }
  function fitTo(list, maxK) {
    if (!list.length || !width) return;
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    list.forEach(function (i) {
      var p = pos(i);
      minX = Math.min(minX, p.x - 10);
      maxX = Math.max(maxX, p.x + 10);
      minY = Math.min(minY, p.y - 20);
      maxY = Math.max(maxY, p.y + 20);
    });
    var k = Math.min(width / (maxX - minX + 40), height / (maxY - minY + 40));
    view.k = Math.max(Math.min(k, maxK || 2), 0.02);
    view.x = width / 2 - ((minX + maxX) / 2) * view.k;
    view.y = height / 2 - ((minY + maxY) / 2) * view.k;
  }
  function zoomAt(factor, sx, sy) {
    var k = Math.max(0.02, Math.min(view.k * factor, 6));
    view.x = sx - ((sx - view.x) * k) / view.k;
    view.y = sy - ((sy - view.y) * k) / view.k;
    view.k = k;
    draw();
  }

  function clip(text, room) {
    if (ctx.measureText(text).width <= room) return text;
    var cut = text;
    while (cut.length > 1 && ctx.measureText(cut + '…').width > room) cut = cut.slice(0, -1);
    return cut + '…';
  }
  var measured = {};
  var drawnLabels = []; // the last picture's labels, for the tests
  function labelWidth(i) {
    if (measured[i] === undefined) {
      ctx.font = LABEL_PX + 'px system-ui, sans-serif';
      measured[i] = ctx.measureText(nodes[i].label).width;
    }
    return measured[i];
  }

  // ---- the ego view: the pattern in the middle, its neighbours in two columns, labels outwards
  function relationsOf(i) {
    var out = { related: [], alternative: [], mention: [], backlinks: [] };
    var seen = {};
    edges.forEach(function (e) {
      var other = e.s === i ? e.t : e.t === i ? e.s : -1;
      if (other < 0 || other === i) return;
      var kind = e.s === i || e.recip ? KINDS[e.kind] : 'backlinks';
      var key = kind + ':' + other;
      if (seen[key]) return;
      seen[key] = true;
      out[kind].push(other);
    });
    var byTitle = function (a, b) {
      return nodes[a].label < nodes[b].label ? -1 : nodes[a].label > nodes[b].label ? 1 : 0;
    };
    Object.keys(out).forEach(function (k) {
      out[k].sort(byTitle);
    });
    return out;
  }
  function layoutEgo(i) {
    var rel = relationsOf(i);
    var order = [];
    var seen = {};
    ['related', 'alternative', 'mention', 'backlinks'].forEach(function (k) {
      rel[k].forEach(function (n) {
        if (!seen[n]) {
          seen[n] = true;
          order.push(n);
        }
      });
    });
    // Laid out in screen pixels (labels keep their size whatever the zoom): two columns when the
    // labels fit beside them, one column on a narrow screen.
    var at = new Map();
    var side = new Map();
    at.set(i, { x: 0, y: 0 });
    side.set(i, 0);
    var widest = Math.min(order.reduce(function (w, n) { return Math.max(w, labelWidth(n)); }, 0), 260);
    var two = width >= 2 * (widest + 120);
    var gap = 30;
    var column = function (list, x, s) {
      list.forEach(function (n, j) {
        at.set(n, { x: x, y: (j - (list.length - 1) / 2) * gap });
        side.set(n, s);
      });
    };
    var spread;
    if (two) {
      spread = Math.max(80, Math.min(240, width / 2 - widest - 40));
      var right = order.slice(0, Math.ceil(order.length / 2));
      column(right, spread, 1);
      column(order.slice(right.length), -spread, -1);
    } else {
      spread = Math.max(50, Math.min(200, width - widest - 60));
      column(order, spread, 1);
    }
    ego = { members: [i].concat(order), at: at, side: side, relations: rel, two: two, right: spread + 16 + widest };
  }
  // The ego view at its own scale: the pattern centred (a one-column view centres the whole picture).
  function egoView() {
    view.k = 1;
    view.y = height / 2;
    view.x = ego.two ? width / 2 : Math.max(12 + labelWidth(focused) / 2, (width - ego.right) / 2);
  }

  // ---- drawing -----------------------------------------------------------------------------
  var pending = false;
  function draw() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(paint);
  }
  function lit() {
    var centre = hovered >= 0 ? hovered : picked;
    if (centre < 0) return null;
    var set = new Set([centre]);
    nodes[centre].adj.forEach(function (n) {
      if (shown(n)) set.add(n);
    });
    return { centre: centre, set: set };
  }
  function paint() {
    pending = false;
    var dpr = window.devicePixelRatio || 1;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    var light = lit();
    var list = mode === 'ego' ? ego.members : byDegree;

    // Edges: the faint ones first, each kind in one path.
    var drawEdges = function (strong) {
      for (var kind = 0; kind < 3; kind++) {
        ctx.beginPath();
        var any = false;
        edges.forEach(function (e) {
          if (e.kind !== kind || !shown(e.s) || !shown(e.t)) return;
          var isLit = light && (e.s === light.centre || e.t === light.centre);
          if (Boolean(isLit) !== strong) return;
          var a = toScreen(pos(e.s));
          var b = toScreen(pos(e.t));
          ctx.moveTo(a.x, a.y);
          ctx.lineTo(b.x, b.y);
          any = true;
        });
        if (!any) continue;
        ctx.setLineDash(kind === 1 ? [6, 4] : kind === 2 ? [1.5, 3] : []);
        ctx.strokeStyle = strong ? colours.fg : colours.edge;
        ctx.lineWidth = strong ? (kind === 2 ? 1.2 : 1.8) : kind === 2 ? 0.6 : 1;
        ctx.globalAlpha = strong ? 0.85 : light ? 0.08 : mode === 'ego' ? 0.5 : kind === 2 ? 0.25 : 0.45;
        ctx.stroke();
      }
      ctx.setLineDash([]);
      ctx.globalAlpha = 1;
    };
    drawEdges(false);
    if (light) {
      drawEdges(true);
      // Arrows where only one side lists the other, on the highlighted edges.
      ctx.fillStyle = colours.fg;
      edges.forEach(function (e) {
        if (e.recip || !shown(e.s) || !shown(e.t) || (e.s !== light.centre && e.t !== light.centre)) return;
        var a = toScreen(pos(e.s));
        var b = toScreen(pos(e.t));
        var len = Math.hypot(b.x - a.x, b.y - a.y);
        if (len < 24) return;
        var ux = (b.x - a.x) / len;
        var uy = (b.y - a.y) / len;
        var tip = { x: b.x - ux * (radius(e.t) + 2), y: b.y - uy * (radius(e.t) + 2) };
        ctx.beginPath();
        ctx.moveTo(tip.x, tip.y);
        ctx.lineTo(tip.x - ux * 9 - uy * 4, tip.y - uy * 9 + ux * 4);
        ctx.lineTo(tip.x - ux * 9 + uy * 4, tip.y - uy * 9 - ux * 4);
        ctx.closePath();
        ctx.fill();
      });
    }

    // Nodes.
    for (var j = list.length - 1; j >= 0; j--) {
      var i = list[j];
      var p = toScreen(pos(i));
      if (p.x < -20 || p.y < -20 || p.x > width + 20 || p.y > height + 20) continue;
      var on = !light || light.set.has(i);
      ctx.globalAlpha = on ? 1 : 0.18;
      ctx.beginPath();
      ctx.arc(p.x, p.y, radius(i), 0, 2 * Math.PI);
      ctx.fillStyle = nodeColour(nodes[i]);
      ctx.fill();
      if (light && i === light.centre) {
        ctx.lineWidth = 3;
        ctx.strokeStyle = colours.fg;
        ctx.stroke();
      }
    }
    ctx.globalAlpha = 1;

    // Labels: always at a readable size, never on top of each other; highlighted ones first,
    // then the best-connected. In the ego view every neighbour is labelled, outwards.
    ctx.font = LABEL_PX + 'px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    var placed = [];
    drawnLabels = [];
    var free = function (r) {
      for (var q = 0; q < placed.length; q++) {
        var o = placed[q];
        if (r.x < o.x + o.w && r.x + r.w > o.x && r.y < o.y + o.h && r.y + r.h > o.y) return false;
      }
      return true;
    };
    var budget = mode === 'ego' ? Infinity : Math.max(12, Math.floor((width * height) / 9000));
    var order = light ? Array.from(light.set).sort(function (a, b) { return a === light.centre ? -1 : b === light.centre ? 1 : nodes[b].deg - nodes[a].deg; }) : [];
    var candidates = order.concat(list.filter(function (i) { return !light || !light.set.has(i); }));
    for (var c = 0; c < candidates.length && placed.length < budget; c++) {
      var n = candidates[c];
      if (light && !light.set.has(n) && mode === 'ego') continue;
      var s = toScreen(pos(n));
      if (s.x < 0 || s.y < 0 || s.x > width || s.y > height) continue;
      var w = labelWidth(n);
      var side = mode === 'ego' ? ego.side.get(n) : 1;
      var r = radius(n);
      var x = side === 0 ? s.x - w / 2 : side > 0 ? s.x + r + 4 : s.x - r - 4 - w;
      var y = side === 0 ? s.y - r - 12 : s.y;
      var box2 = { x: x - 2, y: y - 9, w: w + 4, h: 18 };
      var must = (light && light.set.has(n)) || mode === 'ego';
      if (!must && (x < 2 || x + w > width - 2 || !free(box2))) continue;
      placed.push(box2);
      var dim = light && !light.set.has(n);
      // A label that would run off the canvas is shortened, never drawn smaller.
      var text = nodes[n].label;
      if (x < 2 || x + w > width - 2) {
        var room = side < 0 ? s.x - r - 6 : width - x - 4;
        text = clip(text, room);
        if (side < 0) x = s.x - r - 4 - ctx.measureText(text).width;
      }
      drawnLabels.push({ id: nodes[n].id, text: text, x: x, y: y - 9, width: ctx.measureText(text).width, height: 18 });
      ctx.globalAlpha = dim ? 0.35 : 1;
      ctx.lineWidth = 4;
      ctx.strokeStyle = colours.bg;
      ctx.strokeText(text, x, y);
      ctx.fillStyle = colours.fg;
      ctx.fillText(text, x, y);
    }
    ctx.globalAlpha = 1;
  }

  function resize() {
    var rect = box.getBoundingClientRect();
    var dpr = window.devicePixelRatio || 1;
    var changed = Math.round(rect.width) !== width || Math.round(rect.height) !== height || canvas.width !== Math.round(Math.round(rect.width) * dpr);
    // Setting a canvas's size clears it: only when it changed.
    if (!changed) return false;
    width = Math.round(rect.width);
    height = Math.round(rect.height);
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    canvas.style.width = width + 'px';
    canvas.style.height = height + 'px';
    return changed;
  }

  // ---- what is shown -----------------------------------------------------------------------
  function slugUrl(i) {
    return root + 'patterns/' + encodeURIComponent(nodes[i].id) + '/';
  }
  function setAddress(i) {
    if (!window.history || !history.replaceState) return;
    var url = new URL(window.location.href);
    if (i >= 0) url.searchParams.set('focus', nodes[i].id);
    else url.searchParams.delete('focus');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      e.setAttribute(k, attrs[k]);
    });
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function showPanel(i) {
    if (!panel) return;
    panel.textContent = '';
    if (i < 0) {
      panel.hidden = true;
      return;
    }
    panel.hidden = false;
    var head = el('p', { class: 'graph-panel-title' });
    head.appendChild(el('strong', {}, nodes[i].label));
    head.appendChild(document.createTextNode(' '));
    head.appendChild(el('a', { href: slugUrl(i) }, 'Open its page'));
    panel.appendChild(head);
    var rel = relationsOf(i);
    var titles = { related: 'Related', alternative: 'Alternatives', mention: 'Mentions', backlinks: 'Referenced by' };
    var any = false;
    Object.keys(titles).forEach(function (k) {
      if (!rel[k].length) return;
      any = true;
      panel.appendChild(el('h2', {}, titles[k]));
      var ul = el('ul');
      rel[k].forEach(function (n) {
        var li = el('li');
        var b = el('button', { type: 'button', 'data-focus': nodes[n].id, title: 'Show ' + nodes[n].label + ' with its neighbours' }, nodes[n].label);
        li.appendChild(b);
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    });
    if (!any) panel.appendChild(el('p', {}, 'No relations.'));
  }
  function focus(i) {
    mode = 'ego';
    focused = i;
    picked = i;
    hovered = -1;
    layoutEgo(i);
    egoView();
    setAddress(i);
    showPanel(i);
    box.setAttribute('data-focus', nodes[i].id);
    draw();
  }
  function whole() {
    mode = 'all';
    focused = -1;
    picked = -1;
    hovered = -1;
    ego = null;
    fitTo(byDegree, 2);
    setAddress(-1);
    showPanel(-1);
    box.removeAttribute('data-focus');
    draw();
  }
  function highlight(i) {
    picked = i;
    showPanel(i);
    draw();
  }
  function find(text) {
    var q = text.trim().toLowerCase();
    if (!q) return -1;
    var exact = -1, prefix = -1, part = -1;
    for (var i = 0; i < nodes.length; i++) {
      var t = nodes[i].lower;
      if (t === q || nodes[i].id === q) {
        exact = i;
        break;
      }
      if (prefix < 0 && t.indexOf(q) === 0) prefix = i;
      if (part < 0 && t.indexOf(q) > 0) part = i;
    }
    return exact >= 0 ? exact : prefix >= 0 ? prefix : part;
  }

  // ---- input -------------------------------------------------------------------------------
  var pointers = new Map();
  var gesture = null;
  canvas.addEventListener('pointerdown', function (e) {
    canvas.setPointerCapture(e.pointerId);
    pointers.set(e.pointerId, { x: e.offsetX, y: e.offsetY });
    if (pointers.size === 1) gesture = { x: e.offsetX, y: e.offsetY, vx: view.x, vy: view.y, moved: false };
    else if (pointers.size === 2) {
      var ps = Array.from(pointers.values());
      gesture = { pinch: Math.hypot(ps[0].x - ps[1].x, ps[0].y - ps[1].y), k: view.k, moved: true };
    }
  });
  canvas.addEventListener('pointermove', function (e) {
    if (pointers.has(e.pointerId)) {
      pointers.set(e.pointerId, { x: e.offsetX, y: e.offsetY });
      if (!gesture) return;
      if (pointers.size >= 2 && gesture.pinch) {
        var ps = Array.from(pointers.values());
        var d = Math.hypot(ps[0].x - ps[1].x, ps[0].y - ps[1].y);
        zoomAt((gesture.k * d) / gesture.pinch / view.k, (ps[0].x + ps[1].x) / 2, (ps[0].y + ps[1].y) / 2);
      } else if (pointers.size === 1 && !gesture.pinch) {
        var dx = e.offsetX - gesture.x;
        var dy = e.offsetY - gesture.y;
        if (gesture.moved || Math.hypot(dx, dy) > 5) {
          gesture.moved = true;
          view.x = gesture.vx + dx;
          view.y = gesture.vy + dy;
          draw();
        }
      }
      return;
    }
    if (e.pointerType !== 'mouse') return;
    var i = hit(e.offsetX, e.offsetY);
    if (i !== hovered) {
      hovered = i;
      canvas.style.cursor = i >= 0 ? 'pointer' : '';
      draw();
    }
  });
  var release = function (e) {
    if (!pointers.has(e.pointerId)) return;
    pointers.delete(e.pointerId);
    var g = gesture;
    if (pointers.size === 0) gesture = null;
    if (e.type !== 'pointerup' || !g || g.moved || g.pinch) return;
    var i = hit(e.offsetX, e.offsetY);
    if (e.pointerType === 'mouse') {
      if (i >= 0) window.location.href = slugUrl(i);
      else if (mode === 'all') highlight(-1);
      return;
    }
    // Touch and pen: the first tap shows the neighbours, the second on the same pattern opens it.
    if (i >= 0 && i === picked) window.location.href = slugUrl(i);
    else if (i >= 0) highlight(i);
    else if (mode === 'all') highlight(-1);
  };
  canvas.addEventListener('pointerup', release);
  canvas.addEventListener('pointercancel', release);
  canvas.addEventListener('pointerleave', function (e) {
    if (e.pointerType === 'mouse' && hovered >= 0) {
      hovered = -1;
      draw();
    }
  });
  canvas.addEventListener(
    'wheel',
    function (e) {
      e.preventDefault();
      zoomAt(Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0015)), e.offsetX, e.offsetY);
    },
    { passive: false },
  );
  canvas.addEventListener('keydown', function (e) {
    var step = 60;
    var moves = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (moves[e.key]) {
      view.x += moves[e.key][0];
      view.y += moves[e.key][1];
      draw();
    } else if (e.key === '+' || e.key === '=') zoomAt(1.4, width / 2, height / 2);
    else if (e.key === '-') zoomAt(1 / 1.4, width / 2, height / 2);
    else if (e.key === 'Escape' && mode === 'ego') whole();
    else return;
    e.preventDefault();
  });
  Array.prototype.forEach.call(document.querySelectorAll('[data-zoom]'), function (b) {
    b.addEventListener('click', function () {
      var what = b.getAttribute('data-zoom');
      if (what === 'in') zoomAt(1.4, width / 2, height / 2);
      else if (what === 'out') zoomAt(1 / 1.4, width / 2, height / 2);
      else whole();
    });
  });
  if (panel) {
    panel.addEventListener('click', function (e) {
      var b = e.target.closest && e.target.closest('[data-focus]');
      if (!b) return;
      var i = bySlug.get(b.getAttribute('data-focus'));
      if (i !== undefined) focus(i);
    });
  }
  // No <form>: the site allows no form anywhere (its CSP has form-action 'none').
  var findTyped = function () {
    if (!nodes.length) return;
    var i = find(input.value);
    if (i >= 0) {
      focus(i);
      input.value = nodes[i].label;
    } else if (panel) {
      panel.hidden = false;
      panel.textContent = 'No pattern is called “' + input.value.trim() + '”.';
    }
  };
  if (input) {
    input.addEventListener('keydown', function (e) {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      findTyped();
    });
  }
  var findButton = document.querySelector('[data-find]');
  if (findButton) findButton.addEventListener('click', findTyped);
  // Colours follow the light / dark switch.
  new MutationObserver(function () {
    readColours();
    draw();
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  if (window.matchMedia) {
    var scheme = window.matchMedia('(prefers-color-scheme: dark)');
    if (scheme.addEventListener)
      scheme.addEventListener('change', function () {
        readColours();
        draw();
      });
  }

  // ---- start -------------------------------------------------------------------------------
  fetch(box.getAttribute('data-src'))
    .then(function (r) {
      return r.json();
    })
    .then(function (graph) {
      nodes = graph.nodes.map(function (n) {
        return { id: n[0], label: n[1], lower: String(n[1]).toLowerCase(), x: n[2], y: n[3], g: n[4], deg: 0, adj: [] };
      });
      edges = graph.edges.map(function (e) {
        nodes[e[0]].deg++;
        nodes[e[1]].deg++;
        nodes[e[0]].adj.push(e[1]);
        nodes[e[1]].adj.push(e[0]);
        return { s: e[0], t: e[1], kind: e[2], recip: e[3] === 1 };
      });
      nodes.forEach(function (n, i) {
        bySlug.set(n.id, i);
      });
      byDegree = nodes.map(function (_, i) { return i; }).sort(function (a, b) { return nodes[b].deg - nodes[a].deg; });
      // The names to pick from, filled in when the field is first used (a thousand options are
      // a thousand elements the page need not lay out before anyone searches).
      var fillNames = function () {
        if (!names || names.firstChild) return;
        var options = document.createDocumentFragment();
        nodes.forEach(function (n) {
          options.appendChild(el('option', { value: n.label }));
        });
        names.appendChild(options);
      };
      if (input) {
        input.addEventListener('focus', fillNames);
        if (document.activeElement === input) fillNames();
      }
      readColours();
      resize();
      var wanted = new URLSearchParams(window.location.search).get('focus');
      var start = wanted ? (bySlug.has(wanted) ? bySlug.get(wanted) : find(wanted)) : -1;
      if (start >= 0) focus(start);
      else whole();
      if (window.ResizeObserver) {
        new ResizeObserver(function () {
          if (!resize()) return;
          if (mode === 'ego') {
            layoutEgo(focused);
            egoView();
          } else fitTo(byDegree, 2);
          draw();
        }).observe(box);
      }
      box.setAttribute('data-ready', String(nodes.length));
      if (finder) finder.setAttribute('data-ready', '1');
    });

  // For the curious (and the browser tests): the graph's state, from the console.
  window.patternbookGraph = {
    mode: function () { return mode; },
    focused: function () { return focused >= 0 ? nodes[focused].id : null; },
    highlighted: function () {
      var light = lit();
      return light ? Array.from(light.set).map(function (i) { return nodes[i].id; }) : [];
    },
    screenPosition: function (id) {
      var i = bySlug.get(id);
      return i !== undefined && shown(i) ? toScreen(pos(i)) : null;
    },
    zoom: function () { return view.k; },
    size: function () { return { width: width, height: height }; },
    labelPx: LABEL_PX,
    labels: function () { return drawnLabels.slice(); },
    nodeCount: function () { return nodes.length; },
    edgeCount: function () { return edges.length; },
    focus: function (id) {
      var i = bySlug.get(id);
      if (i !== undefined) focus(i);
    },
  };
})();
