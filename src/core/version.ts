import { readFileSync } from 'node:fs';

/** thap's own version, from package.json: stamped into every report. */
export const thapVersion: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
