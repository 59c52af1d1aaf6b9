import { readFileSync } from 'node:fs';
import { timeOfDayJs } from '../html/assets.ts';

/** The browser script that draws a comparison's overlaid Q(t) curves, inlined into compare.html. */
export function compareChartsJs(): string {
  return timeOfDayJs() + readFileSync(new URL('./compareCharts.browser.js', import.meta.url), 'utf8');
}
