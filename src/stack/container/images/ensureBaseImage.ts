import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HarnessError } from '../../../core/index.ts';
import { findOnPath } from '../../tools/findOnPath.ts';
import { runCommand } from '../../tools/runCommand.ts';
import { dockerOrThrow, inspectImage } from './docker.ts';
import { baseImage } from './imageList.ts';

/**
 * Makes `local/bookworm:base` when it is missing: a minimal Debian bookworm made with mmdebstrap (~70 s,
 * 170 MB, from Debian's mirror), imported into Docker. Stand-ins are built FROM it.
 */
export async function ensureBaseImage({ say }: { say: (line: string) => void }): Promise<void> {
  if ((await inspectImage(baseImage)).present) return;
  const mmdebstrap = findOnPath({ name: 'mmdebstrap' });
  if (!mmdebstrap) {
    throw new HarnessError(`no registry answered and ${baseImage} (the base for stand-in images) is missing; fix: install mmdebstrap (\`apt-get install mmdebstrap\`; scripts/docker-engine.sh does) and run \`thap tools install --images\` again`, {
      code: 'THAP_STAND_IN',
    });
  }
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'thap-base-'));
  try {
    const tar = path.join(workDir, 'base.tar');
    say(`${baseImage}: mmdebstrap bookworm (about a minute)`);
    const made = await runCommand({ command: mmdebstrap, args: ['--variant=apt', '--include=ca-certificates', 'bookworm', tar], timeoutMs: 20 * 60_000 });
    if (made.code !== 0) throw new HarnessError(`mmdebstrap could not make ${baseImage} (${made.error ?? `exit ${made.code}`}): ${made.stderr.trim().split('\n').slice(-3).join(' | ')}; fix: check that Debian's mirror answers`, { code: 'THAP_STAND_IN' });
    await dockerOrThrow(`importing ${baseImage}`, ['import', tar, baseImage], { timeoutMs: 10 * 60_000 });
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
