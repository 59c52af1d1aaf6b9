import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ToolLookupOptions } from '../../tools/types.ts';
import { docker, dockerOrThrow, inspectImage } from './docker.ts';
import { ensureBaseImage } from './ensureBaseImage.ts';
import { imageList, type ImageSpec } from './imageList.ts';
import { prepareOfflineInputs } from './offlineInputs.ts';
import { standInRecipe } from './standIns.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** How an image came to be here: already there, pulled from its registry, a stand-in built here, or built from docker/Dockerfile. */
export type ImageSource = 'present' | 'pulled' | 'stand-in' | 'built';

export interface ImageResult {
  name: string;
  usedBy: string;
  source: ImageSource;
  /** For a stand-in: what it was built from (also its `thap.stand-in` label). */
  standIn?: string;
}

/**
 * `thap tools install --images`: makes every image the container paths use available. An image already
 * here is kept; a missing one is pulled; when the pull fails (no registry answers), a stand-in is built
 * here from the pinned versions under the same name, labelled `thap.stand-in`. The thap image is built from
 * docker/Dockerfile; where stand-ins were needed, its build reads this machine's Go and npm caches.
 */
export async function ensureImages({ tools = {}, onProgress = () => undefined, images = imageList }: { tools?: ToolLookupOptions; onProgress?: (line: string) => void; images?: readonly ImageSpec[] } = {}): Promise<ImageResult[]> {
  const results: ImageResult[] = [];
  // A stand-in means no registry answered: the thap image's build then reads this machine's caches.
  const withoutRegistry = (): boolean => results.some((result) => result.standIn !== undefined);
  for (const spec of images) {
    const say = (line: string): void => onProgress(`${spec.name}: ${line}`);
    const found = await inspectImage(spec.name);
    if (found.present) {
      results.push({ name: spec.name, usedBy: spec.usedBy, source: 'present', ...(found.standIn ? { standIn: found.standIn } : {}) });
      continue;
    }
    if (spec.origin.kind === 'build') {
      say('docker build -f docker/Dockerfile (k6 and Toxiproxy built in its Go stage: several minutes)');
      const removeOffline = withoutRegistry() ? await prepareOfflineInputs({ repoRoot, say }) : () => undefined;
      try {
        await dockerOrThrow(`building ${spec.name}`, ['build', '-f', path.join(repoRoot, 'docker/Dockerfile'), '-t', spec.name, repoRoot], { timeoutMs: 60 * 60_000, onLine: progressOf(say) });
      } finally {
        removeOffline();
      }
      results.push({ name: spec.name, usedBy: spec.usedBy, source: 'built' });
      continue;
    }
    say('pulling');
    const pulled = await docker(['pull', spec.name], { timeoutMs: 20 * 60_000 });
    if (pulled.code === 0) {
      results.push({ name: spec.name, usedBy: spec.usedBy, source: 'pulled' });
      continue;
    }
    say(`cannot pull (${lastLine(pulled.stderr)}): building a stand-in here`);
    await ensureBaseImage({ say });
    const recipe = await standInRecipe(spec.origin.standIn, { ...tools, onProgress });
    await buildStandIn({ name: spec.name, recipe });
    results.push({ name: spec.name, usedBy: spec.usedBy, source: 'stand-in', standIn: recipe.describe });
  }
  return results;
}

async function buildStandIn({ name, recipe }: { name: string; recipe: Awaited<ReturnType<typeof standInRecipe>> }): Promise<void> {
  const context = mkdtempSync(path.join(os.tmpdir(), 'thap-stand-in-'));
  try {
    for (const file of recipe.files) cpSync(file.from, path.join(context, file.to), { recursive: true, dereference: true });
    writeFileSync(path.join(context, 'Dockerfile'), recipe.dockerfile);
    await dockerOrThrow(`building the stand-in ${name}`, ['build', '-t', name, context], { timeoutMs: 20 * 60_000 });
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1)?.slice(0, 160) ?? 'no message';
}

/** Build steps (`Step 3/9 : RUN ...`) as progress lines; the rest of docker's output stays quiet. */
function progressOf(say: (line: string) => void): (line: string) => void {
  return (line) => {
    if (/^Step \d+\/\d+ : /.test(line) || /^#\d+ \[/.test(line)) say(line.slice(0, 160));
  };
}
