import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/**
 * Finds a Chromium to render PDFs and test the HTML report: env THAP_CHROMIUM_PATH first, then PATH.
 * Returns undefined when there is none (PDF and the browser test are then skipped, saying why).
 */
export async function findChromium({ env = process.env }: { env?: NodeJS.ProcessEnv } = {}): Promise<string | undefined> {
  const candidates = [env.THAP_CHROMIUM_PATH, ...(env.PATH ?? '').split(delimiter).filter(Boolean).flatMap((dir) => NAMES.map((name) => join(dir, name)))];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The fix to print when Chromium is missing. */
export const chromiumMissingHint = 'no Chromium found (set THAP_CHROMIUM_PATH, or install it: apt-get install -y chromium)';
