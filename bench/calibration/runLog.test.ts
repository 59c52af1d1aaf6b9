import { appendFile, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CalibrationRun } from './calibrationRun.ts';
import { RunLog } from './runLog.ts';

const run = (client: string, score: number): CalibrationRun => ({ client, scenario: 'demo', repeat: 1, status: 'passed', exitCode: 0, score, at: '2026-12-06T10:00:00.000Z' });
const lines = (runs: CalibrationRun[]) => runs.map((one) => `${JSON.stringify(one)}\n`).join('');

describe('RunLog', () => {
  it('reads the runs it holds and appends each new one as a line', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'thap-runlog-'));
    await writeFile(path.join(dir, 'runs.ndjson'), lines([run('naive', 62.2)]));
    const log = await RunLog.open(dir);
    expect(log.has((one) => one.client === 'naive')).toBe(true);
    await log.add(run('resilient', 99.7));
    expect((await readFile(path.join(dir, 'runs.ndjson'), 'utf8')).trim().split('\n')).toHaveLength(2);
  });

  it('keeps the runs another process appended while it rescored, after the rescored ones, and leaves no temporary file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'thap-runlog-'));
    await writeFile(path.join(dir, 'runs.ndjson'), lines([run('naive', 62.2)]));
    const log = await RunLog.open(dir);
    // A calibration loop beside the rescore ends a run after the rescore read the log.
    await appendFile(path.join(dir, 'runs.ndjson'), lines([run('journal', 99.7)]));
    await log.rescore();
    const kept = (await readFile(path.join(dir, 'runs.ndjson'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as CalibrationRun);
    expect(kept.map((one) => [one.client, one.score])).toEqual([['naive', 62.2], ['journal', 99.7]]);
    expect(await readdir(dir)).toEqual(['runs.ndjson']);
  });
});
