import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The inlined assets of the HTML report: uPlot (JS and CSS) from node_modules, and thap's own chart script and styles. */
export function htmlAssets(): { uplotJs: string; uplotCss: string; chartsJs: string; css: string } {
  const uplotJs = readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8');
  const uplotCss = readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8');
  return {
    // A literal "</script" inside inlined code would end the element early.
    uplotJs: uplotJs.replace(/<\/script/gi, '<\\/script'),
    uplotCss,
    // The shared time-of-day formatter first: the chart script calls it.
    chartsJs: timeOfDayJs() + readFileSync(new URL('./charts.browser.js', import.meta.url), 'utf8'),
    css: readFileSync(new URL('./report.css', import.meta.url), 'utf8'),
  };
}

/** The browser function `thapTimeOfDay` every chart script's axis calls, to inline before it. */
export function timeOfDayJs(): string {
  return readFileSync(new URL('./timeOfDay.browser.js', import.meta.url), 'utf8');
}
