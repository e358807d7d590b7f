// The relation graph page: draws graph.json (positions computed at build time) with Cytoscape.
(function () {
  'use strict';
  var box = document.getElementById('graph');
  if (!box || !window.cytoscape) return;
  var css = getComputedStyle(document.documentElement);
  var color = function (name, fallback) {
    var v = css.getPropertyValue(name).trim();
    return v || fallback;
  };
  fetch(box.getAttribute('data-src'))
    .then(function (r) {
      return r.json();
    })
    .then(function (graph) {
      var elements = graph.nodes.map(function (n) {
        return { group: 'nodes', data: { id: n.id, label: n.label, degree: n.degree }, position: { x: n.x, y: n.y } };
      });
      graph.edges.forEach(function (e, i) {
        elements.push({ group: 'edges', data: { id: 'e' + i, source: e.source, target: e.target, kind: e.kind, reciprocal: e.reciprocal } });
      });
      var fg = color('--fg', '#1f2328');
      var accent = color('--accent', '#2563eb');
      var muted = color('--muted', '#59636e');
      var cy = window.cytoscape({
        container: box,
        elements: elements,
        layout: { name: 'preset' },
        minZoom: 0.05,
        maxZoom: 4,
        wheelSensitivity: 0.3,
        style: [
          { selector: 'node', style: { 'background-color': accent, label: 'data(label)', color: fg, 'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 4, width: 'mapData(degree, 0, 12, 10, 28)', height: 'mapData(degree, 0, 12, 10, 28)', 'min-zoomed-font-size': 6 } },
          { selector: 'edge', style: { width: 1.5, 'line-color': muted, 'curve-style': 'bezier', opacity: 0.7 } },
          { selector: 'edge[kind = "alternative"]', style: { 'line-style': 'dashed' } },
          { selector: 'edge[?reciprocal]', style: { 'target-arrow-shape': 'none' } },
          { selector: 'edge[!reciprocal]', style: { 'target-arrow-shape': 'triangle', 'target-arrow-color': muted } },
          { selector: '.faded', style: { opacity: 0.12 } },
          { selector: '.focus', style: { 'background-color': color('--warning', '#9a6700'), 'line-color': accent, 'target-arrow-color': accent, opacity: 1 } },
        ],
      });
      var highlight = function (node) {
        cy.elements().addClass('faded').removeClass('focus');
        node.closedNeighborhood().removeClass('faded').addClass('focus');
      };
      cy.on('mouseover tap', 'node', function (e) {
        highlight(e.target);
      });
      cy.on('mouseout', 'node', function () {
        cy.elements().removeClass('faded focus');
      });
      cy.on('tap', 'node', function (e) {
        window.location.href = '../patterns/' + encodeURIComponent(e.target.id()) + '/';
      });
      cy.fit(undefined, 30);
      box.setAttribute('data-ready', String(cy.nodes().length));
      // For the curious (and the browser tests): the graph, from the console.
      window.patternbookGraph = cy;
    });
})();
