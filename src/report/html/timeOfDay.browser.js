/* exported thapTimeOfDay */
// Simulated seconds of day as HH:MM (day 2 HH:MM past midnight): the x axis of every chart. Inlined before the
// chart scripts of report.html and compare.html, which call it.
function thapTimeOfDay(seconds) {
  var minutes = Math.floor(seconds / 60);
  var day = Math.floor(minutes / 1440);
  var inDay = minutes - day * 1440;
  var hhmm = String(Math.floor(inDay / 60)).padStart(2, '0') + ':' + String(inDay % 60).padStart(2, '0');
  return day > 0 ? 'day ' + (day + 1) + ' ' + hhmm : hhmm;
}

/* exported thapTimeAxis */
// The x axis of every chart: ticks only on whole minutes (1, 2, 5, 10, 15, 30 minutes, then hours), so that two
// ticks never read as the same HH:MM on a short incident, each labelled with its time of day.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
function thapTimeAxis() {
  return {
    label: 'time of day (incident clock)',
    incrs: [60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400],
    values: function (u, splits) { return splits.map(thapTimeOfDay); },
  };
}
