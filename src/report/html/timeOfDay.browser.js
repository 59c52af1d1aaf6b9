/* exported thapTimeOfDay */
// Simulated seconds of day as HH:MM (day 2 HH:MM past midnight): the x axis of every chart. Inlined before the
// chart scripts of report.html and compare.html, which call it.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
function thapTimeOfDay(seconds) {
  var minutes = Math.floor(seconds / 60);
  var day = Math.floor(minutes / 1440);
  var inDay = minutes - day * 1440;
  var hhmm = String(Math.floor(inDay / 60)).padStart(2, '0') + ':' + String(inDay % 60).padStart(2, '0');
  return day > 0 ? 'day ' + (day + 1) + ' ' + hhmm : hhmm;
}
