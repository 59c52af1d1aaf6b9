import { z } from 'zod';
import { oneOf } from './optionValues.ts';

/**
 * `--format <format...>` of `thap run` and `thap report`: the report files rendered besides report.json.
 * Leaving out pdf saves Chromium's start-up and print, several seconds a run on a small machine.
 */
export const reportFormatOption = {
  flags: '--format <format...>',
  description: 'formats to render besides report.json: html, md, junit, pdf (default all; pdf needs Chromium)',
  schema: z.array(oneOf(['html', 'md', 'junit', 'pdf'])).optional(),
};
