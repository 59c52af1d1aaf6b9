import { rm } from 'node:fs/promises';
import { scoreRun } from '../../../src/scoring/index.ts';
import { buildRunDir, type BuildRunDirOptions } from './buildRunDir.ts';

/**
 * Builds a fixture run directory (buildRunDir), scores it, and remembers the directory so `cleanFixtures`
 * (in an afterEach or afterAll) removes it.
 */
const made: string[] = [];

export async function scoreFixture(options: BuildRunDirOptions) {
  const built = await buildRunDir(options);
  made.push(built.runDir);
  return { ...built, report: await scoreRun({ runDir: built.runDir }) };
}

export async function cleanFixtures(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}
