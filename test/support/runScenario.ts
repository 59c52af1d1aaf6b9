import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runThap, type RunThapOptions, type ThapResult } from './runThap.ts';
import { withoutPdf } from './withoutPdf.ts';

export interface ScenarioRun<Report> extends ThapResult {
  /** The run directory thap printed (`run <id>: <dir>`); undefined when it never made one. */
  runDir: string | undefined;
  /** Its report.json; undefined when there is none (the run failed before scoring). */
  report: Report | undefined;
}

/**
 * `thap run <scenario> --ci --out <out, or a new temporary directory> ...args`, then the run directory it wrote and
 * the report it scored. `Report` names the parts of report.json the caller reads. Every report format is
 * rendered but the PDF, unless `pdf` (withoutPdf.ts).
 */
export async function runScenario<Report>(scenarioFile: string, { args = [], out: outDir, pdf = false, ...options }: RunThapOptions & { args?: string[]; out?: string; pdf?: boolean } = {}): Promise<ScenarioRun<Report>> {
  const out = outDir ?? (await mkdtemp(join(tmpdir(), 'thap-e2e-')));
  const result = await runThap(['run', scenarioFile, '--ci', '--out', out, ...(pdf ? [] : withoutPdf), ...args], options);
  const runDir = /^run \S+: (.+)$/m.exec(result.stderr)?.[1]?.trim();
  const report = runDir ? await readFile(join(runDir, 'report.json'), 'utf8').then((text) => JSON.parse(text) as Report, () => undefined) : undefined;
  return { ...result, runDir, report };
}
