import { join } from 'node:path';
import type { Report } from '../scoring/index.ts';
import { writeFileAtomic } from './writeFileAtomic.ts';

/** Writes `<runDir>/report.json` atomically (temporary file + rename) and returns its path. */
export async function writeReport({ runDir, report }: { runDir: string; report: Report }): Promise<string> {
  const file = join(runDir, 'report.json');
  await writeFileAtomic({ file, data: `${JSON.stringify(report, null, 2)}\n` });
  return file;
}
