import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HarnessError } from '../../core/index.ts';
import { RunRecord } from '../../run/runRecord.ts';
import { CleanupStack, findFreePort } from '../../stack/index.ts';
import { runnersLoad } from './runnersLoad.ts';

const cleanups: CleanupStack[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup.runAll();
});

async function setup({ runners, startTimeoutMs, finishWithinMs }: { runners: number; startTimeoutMs: number; finishWithinMs: number }) {
  const [resultsDir, runDir] = await Promise.all([mkdtemp(join(tmpdir(), 'thap-results-')), mkdtemp(join(tmpdir(), 'thap-run-'))]);
  const port = await findFreePort();
  const cleanup = new CleanupStack();
  cleanups.push(cleanup);
  const record = new RunRecord(runDir, 'r');
  const load = runnersLoad({ runners, resultsDir, listen: { host: '127.0.0.1', port }, startTimeoutMs, finishWithinMs, log: () => undefined });
  const started = load({ runDir, cleanup, record, race: (promise) => promise });
  return { resultsDir, runDir, record, started, url: `http://127.0.0.1:${port}` };
}

/** Waits until the endpoint answers, then calls /t0 as a runner's setup() does. */
async function beacon(url: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await fetch(`${url}/t0`).then((answer) => answer.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the harness endpoint never answered');
}

describe('the load as k6-operator runners send it', () => {
  it('takes t0 from the first runner, and ends when every runner has left its summary beside its CSV', async () => {
    const { resultsDir, runDir, record, started, url } = await setup({ runners: 2, startTimeoutMs: 5_000, finishWithinMs: 5_000 });
    await beacon(url);
    const load = await started;
    expect(record.info.t0).toBe(load.t0);
    await writeFile(join(resultsDir, 'k6-a.csv'), 'metric_name\n');
    await writeFile(join(resultsDir, 'k6-a.summary.json'), '{}');
    await writeFile(join(resultsDir, 'k6-b.csv'), 'metric_name\n');
    await writeFile(join(resultsDir, 'k6-b.summary.json'), '{}');
    expect(await load.exited).toMatchObject({ code: 0 });
    expect((await readdir(runDir)).filter((name) => name.startsWith('k6-')).sort()).toEqual(['k6-0.csv', 'k6-0.summary.json', 'k6-1.csv', 'k6-1.summary.json']);
  });

  it('no runner starting is the harness\'s failure, with the fix', async () => {
    const { started } = await setup({ runners: 2, startTimeoutMs: 100, finishWithinMs: 5_000 });
    await expect(started).rejects.toThrow(HarnessError);
    await expect(started).rejects.toThrow(/no runner called the harness endpoint's \/t0 .*fix: check the runners/);
  });

  it('a runner that does not finish in time is the harness\'s failure, naming how many did', async () => {
    const { resultsDir, started, url } = await setup({ runners: 2, startTimeoutMs: 5_000, finishWithinMs: 300 });
    await beacon(url);
    const load = await started;
    await writeFile(join(resultsDir, 'k6-a.csv'), 'metric_name\n');
    await writeFile(join(resultsDir, 'k6-a.summary.json'), '{}');
    await expect(load.exited).rejects.toThrow(/1 of 2 runners left their outputs .* by t0 \+ 0 s: the load was not sent whole/);
  });
});
