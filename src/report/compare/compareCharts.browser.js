/* global uPlot, document, thapTimeOfDay, thapTimeAxis */
// Draws each scenario's Q(t) curves, one line per client, on the incident's clock, from #thap-curves.
// Runs in the browser, offline. Sets data-charts="N" on <body> when N charts rendered.
(function () {
  'use strict';
  var scenarios = JSON.parse(document.getElementById('thap-curves').textContent);
  var palette = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#4b5563'];
  var width = Math.min(920, Math.max(320, document.querySelector('main').clientWidth - 8));

  var timeOfDay = thapTimeOfDay;

  // Runs bucket at slightly different instants: put every client's points on one sorted x, null where absent.
  function align(curves) {
    var xs = {};
    curves.forEach(function (curve) { curve.points.forEach(function (p) { xs[p[0]] = true; }); });
    var x = Object.keys(xs).map(Number).sort(function (a, b) { return a - b; });
    var at = {};
    x.forEach(function (value, index) { at[value] = index; });
    var ys = curves.map(function (curve) {
      var y = x.map(function () { return null; });
      curve.points.forEach(function (p) { y[at[p[0]]] = p[1]; });
      return y;
    });
    return [x].concat(ys);
  }

  var rendered = 0;
  try {
    scenarios.forEach(function (curves, index) {
      var el = document.getElementById('chart-q-' + index);
      if (!el || curves.length === 0) return;
      var bands = curves[0].faults;
      new uPlot({
        width: width,
        height: 240,
        scales: { x: { time: false }, y: { range: [0, 105] } },
        axes: [thapTimeAxis(), { label: '% of baseline goodput', size: 60 }],
        series: [{ label: 'time', value: function (u, v) { return v == null ? '' : timeOfDay(v); } }].concat(curves.map(function (curve, i) {
          return { label: curve.label, stroke: palette[i % palette.length], width: 2, spanGaps: true };
        })),
        hooks: { drawClear: [function (u) {
          var ctx = u.ctx;
          ctx.save();
          ctx.fillStyle = 'rgba(220, 38, 38, 0.12)';
          bands.forEach(function (band) {
            var x0 = u.valToPos(band[0], 'x', true);
            var x1 = u.valToPos(band[1], 'x', true);
            ctx.fillRect(x0, u.bbox.top, Math.max(1, x1 - x0), u.bbox.height);
          });
          ctx.restore();
        }] },
      }, align(curves), el);
      rendered += 1;
    });
  } finally {
    document.body.setAttribute('data-charts', String(rendered));
  }
})();
