import { isExecutableFile, findOnPath } from '../findOnPath.ts';
import { runCommand } from '../runCommand.ts';
import type { DoctorCheck } from './types.ts';

const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** Chromium renders the PDF report; looked up at /usr/bin/chromium, then on PATH (or THAP_CHROMIUM_PATH). */
export async function checkChromium({ env = process.env, fixedPaths = ['/usr/bin/chromium'] }: { env?: NodeJS.ProcessEnv; fixedPaths?: string[] } = {}): Promise<DoctorCheck> {
  const candidates = [env.THAP_CHROMIUM_PATH, ...fixedPaths, ...names.map((name) => findOnPath({ name, env }))].filter((file): file is string => Boolean(file));
  const found = candidates.find((file) => isExecutableFile(file));
  if (!found) {
    return {
      name: 'chromium',
      required: false,
      status: 'missing',
      disables: 'PDF reports; HTML, JSON, JUnit and Markdown reports still work',
      fix: 'install Chromium (Debian/Ubuntu: `apt-get install chromium`), or set THAP_CHROMIUM_PATH',
    };
  }
  const result = await runCommand({ command: found, args: ['--version'], env, timeoutMs: 10_000 });
  const version = /(\d+\.\d+\.\d+\.\d+|\d+\.\d+\.\d+)/.exec(result.stdout)?.[1];
  return { name: 'chromium', required: false, status: 'ok', path: found, version: version ?? 'unknown' };
}
