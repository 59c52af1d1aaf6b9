/* global uPlot, document, window, thapTimeOfDay, thapTimeAxis */
// Draws the report's charts with uPlot from the JSON in #thap-data. Runs in the browser, offline: no imports.
// The x axis is the incident's clock (time of day); fault windows are shaded and labelled with their fault id.
// Sets data-charts="N" on <body> when N charts rendered, and data-chart-error when one failed.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('thap-data').textContent);
  var width = Math.min(920, Math.max(320, document.querySelector('main').clientWidth - 8));
  var bands = data.faultBands;

  // Shade each fault window, then write its fault id at the band's top left.
  function faultBands() {
    function shade(u) {
      var ctx = u.ctx;
      ctx.save();
      ctx.fillStyle = 'rgba(220, 38, 38, 0.12)';
      bands.forEach(function (band) {
        var x0 = u.valToPos(band.from, 'x', true);
        var x1 = u.valToPos(band.to, 'x', true);
        ctx.fillRect(x0, u.bbox.top, Math.max(1, x1 - x0), u.bbox.height);
      });
      ctx.restore();
    }
    function label(u) {
      var ctx = u.ctx;
      ctx.save();
      ctx.fillStyle = '#991b1b';
      ctx.font = Math.round(11 * (window.devicePixelRatio || 1)) + 'px system-ui, sans-serif';
      ctx.textBaseline = 'top';
      bands.forEach(function (band) {
        var x0 = Math.max(u.bbox.left, u.valToPos(band.from, 'x', true));
        ctx.fillText(band.label + ' ' + timeOfDay(band.from) + '-' + timeOfDay(band.to), x0 + 3, u.bbox.top + 3);
      });
      ctx.restore();
    }
    return { hooks: { drawClear: [shade], draw: [label] } };
  }

  var timeOfDay = thapTimeOfDay;

  function chart(id, title, yLabel, series, columns, extra) {
    var el = document.getElementById(id);
    if (!el) return 0;
    var options = {
      title: title,
      width: width,
      height: 220,
      scales: Object.assign({ x: { time: false } }, (extra && extra.scales) || {}),
      axes: [thapTimeAxis(), { label: yLabel, size: 60 }],
      series: [{ label: 'time', value: function (u, v) { return v == null ? '' : timeOfDay(v); } }].concat(series),
      plugins: [faultBands()],
      legend: { live: true },
    };
    new uPlot(options, [data.t].concat(columns), el);
    return 1;
  }

  var palette = ['#7c3aed', '#0891b2', '#d97706', '#16a34a', '#dc2626', '#4b5563'];
  var rendered = 0;
  try {
    var tl = data.timeline;
    rendered += chart('chart-rate', tl.arrivalsMeasured ? 'Arrivals and answers' : 'Offered and answered (arrivals not in this report)', 'per simulated minute', [
      { label: tl.arrivalsMeasured ? 'journeys arriving' : 'offered requests', stroke: '#111827', width: 2 },
      { label: 'requests answered', stroke: '#2563eb', width: 1.5 },
      { label: 'NIC attempts', stroke: '#d97706', width: 1.5 },
    ], [tl.arrivals, tl.achieved, tl.upstream]);
    rendered += chart('chart-errors', 'Error rate', '% of requests', [{ label: 'errors %', stroke: '#dc2626', width: 1.5, fill: 'rgba(220,38,38,0.08)' }], [tl.errorPct]);
    rendered += chart('chart-latency', 'Latency percentiles', 'ms (log)', [
      { label: 'p50', stroke: '#16a34a', width: 1.5 },
      { label: 'p95', stroke: '#d97706', width: 1.5 },
      { label: 'p99', stroke: '#dc2626', width: 1.5 },
    ], [tl.p50, tl.p95, tl.p99], { scales: { y: { distr: 3 } } });
    if (data.backlog.length > 0) {
      rendered += chart('chart-backlog', 'Backlog: work waiting at the client (accepted, not yet at NIC) and in NIC\'s queues', 'waiting', data.backlog.map(function (series, index) {
        return { label: series.label, stroke: palette[index % palette.length], width: 2, fill: index === 0 ? 'rgba(124,58,237,0.08)' : undefined };
      }), data.backlog.map(function (series) { return series.waiting; }));
    }
    rendered += chart('chart-recovery', 'Quality Q(t), % of baseline goodput', '% of baseline', [{ label: 'Q(t)', stroke: '#7c3aed', width: 2 }, { label: 'recovery threshold', stroke: '#9ca3af', dash: [6, 4], width: 1 }], [data.q, data.qThreshold], { scales: { y: { range: [0, 105] } } });
  } catch (error) {
    document.body.setAttribute('data-chart-error', String(error && error.message ? error.message : error));
    throw error;
  } finally {
    document.body.setAttribute('data-charts', String(rendered));
  }
  window.thapChartsRendered = rendered;
})();
