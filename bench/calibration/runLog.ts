import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../../test/support/runThap.ts';
import type { CalibrationRun } from './calibrationRun.ts';
import { reportVerdict, type ReportVerdictInput } from './reportVerdict.ts';
import { clientNamed } from './clients.ts';
import { flawsCommitted } from './flawsCommitted.ts';

/**
 * The runs of a bench entry that makes real runs, one JSON line each in `<dir>/runs.ndjson`, appended as each
 * run ends, so an entry of hours can be made in parts and picks up where it stopped.
 */
export class RunLog {
  private constructor(
    readonly dir: string,
    readonly runs: CalibrationRun[],
  ) {}

  static async open(dir: string): Promise<RunLog> {
    const resolved = path.resolve(repoRoot, dir);
    await mkdir(resolved, { recursive: true });
    return new RunLog(resolved, await readRuns(resolved));
  }

  has(match: (run: CalibrationRun) => boolean): boolean {
    return this.runs.some(match);
  }

  async add(run: CalibrationRun): Promise<void> {
    this.runs.push(run);
    await appendFile(path.join(this.dir, 'runs.ndjson'), `${JSON.stringify(run)}\n`);
  }

  /**
   * Scores every kept run directory again with this tree's scoring and the gates its shipped scenario states
   * today (`thap report <run-dir> --gate ...`), so runs made before a scoring or gate change count with it, and
   * counts a bad client's flaws from its log again;
   * a run whose directory is gone (made on another machine: the log is kept in the repository, the directories
   * are not) keeps its old figures and the scoring version they came from.
   */
  async rescore(): Promise<void> {
    const read = this.runs.length;
    for (const [index, run] of this.runs.slice(0, read).entries()) {
      if (!run.runDir || !existsSync(path.join(run.runDir, 'run.json'))) continue;
      const gates = await shippedGates(run.scenario);
      const args = ['bin/thap.js', 'report', run.runDir, '--format', 'md', ...(gates.length > 0 ? ['--gate', ...gates] : [])];
      const exitCode = await new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: 'ignore' });
        child.once('exit', (code) => resolve(code));
      });
      const report = (await readFile(path.join(run.runDir, 'report.json'), 'utf8').then(JSON.parse).catch(() => undefined)) as ReportVerdictInput | undefined;
      if (!report) continue;
      const { failedGates: _gates, invalidBecause: _checks, ...kept } = run;
      const client = clientNamed(run.client);
      const flaws = client ? await flawsCommitted({ runDir: run.runDir, client }) : undefined;
      this.runs[index] = { ...kept, ...reportVerdict(report), ...(flaws !== undefined ? { flawsCommitted: flaws } : {}), exitCode, rescoredAt: new Date().toISOString() };
    }
    // Another process may have appended runs while these were scored (a calibration loop beside a rescore): they
    // are kept after the rescored ones, and the file is replaced whole, never left half written.
    this.runs.push(...(await readRuns(this.dir)).slice(read));
    const file = path.join(this.dir, 'runs.ndjson');
    await writeFile(`${file}.rescored`, this.runs.map((run) => `${JSON.stringify(run)}\n`).join(''));
    await rename(`${file}.rescored`, file);
  }
}

async function readRuns(dir: string): Promise<CalibrationRun[]> {
  const text = await readFile(path.join(dir, 'runs.ndjson'), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CalibrationRun);
}

/** The `gates:` of scenarios/<scenario>.yaml as the tree holds it now; none when there is no such file. */
async function shippedGates(scenario: string): Promise<string[]> {
  const text = await readFile(path.join(repoRoot, 'scenarios', `${scenario}.yaml`), 'utf8').catch(() => undefined);
  if (text === undefined) return [];
  const gates = (parse(text) as { gates?: unknown }).gates;
  return Array.isArray(gates) ? gates.filter((gate): gate is string => typeof gate === 'string') : [];
}
