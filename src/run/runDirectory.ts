import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ensureOutputDir, outputPathError } from '../util/index.ts';

/** `reports/<scenario>-<UTC timestamp>`; a suffix keeps two runs in the same second apart. */
export async function createRunDirectory({ outDir, scenarioName, now = new Date() }: { outDir: string; scenarioName: string; now?: Date }): Promise<{ runId: string; runDir: string }> {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const runId = `${scenarioName}-${stamp}${attempt ? `-${attempt}` : ''}`;
    const runDir = resolve(outDir, runId);
    try {
      await mkdir(runDir, { recursive: false });
      return { runId, runDir };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') await ensureOutputDir({ dir: outDir, what: 'the output directory' });
      else if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw outputPathError(error, { path: outDir, what: 'the output directory' }) ?? error;
    }
  }
  throw new Error(`could not create a run directory under ${outDir}`);
}

/** Writes JSON atomically: a temporary file, then a rename, so a reader never sees half a file. */
export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`);
  await rename(temporary, file);
}

export function runFile(runDir: string, name: string): string {
  return join(runDir, name);
}
