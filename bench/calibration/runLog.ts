import { spawn } from 'node:child_process';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '../../test/support/runThap.ts';
import type { CalibrationRun } from './calibrationRun.ts';

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
    const text = await readFile(path.join(resolved, 'runs.ndjson'), 'utf8').catch(() => '');
    const runs = text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as CalibrationRun);
    return new RunLog(resolved, runs);
  }

  has(match: (run: CalibrationRun) => boolean): boolean {
    return this.runs.some(match);
  }

  async add(run: CalibrationRun): Promise<void> {
    this.runs.push(run);
    await appendFile(path.join(this.dir, 'runs.ndjson'), `${JSON.stringify(run)}\n`);
  }

  /**
   * Scores every kept run directory again with this tree's scoring (`thap report <run-dir>`), so runs made
   * before a scoring change count with it; a run whose directory is gone keeps its old figures.
   */
  async rescore(): Promise<void> {
    for (const [index, run] of this.runs.entries()) {
      if (!run.runDir) continue;
      const exitCode = await new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, ['bin/thap.js', 'report', run.runDir as string], { cwd: repoRoot, stdio: 'ignore' });
        child.once('exit', (code) => resolve(code));
      });
      const report = (await readFile(path.join(run.runDir, 'report.json'), 'utf8').then(JSON.parse).catch(() => undefined)) as { status?: string; score?: { total?: number } } | undefined;
      if (!report) continue;
      this.runs[index] = { ...run, status: report.status ?? run.status, score: typeof report.score?.total === 'number' ? report.score.total : null, exitCode, at: new Date().toISOString() };
    }
    await writeFile(path.join(this.dir, 'runs.ndjson'), this.runs.map((run) => `${JSON.stringify(run)}\n`).join(''));
  }
}
