import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunRecord } from './runRecord.ts';
import { watchHarness } from './watchHarness.ts';

async function watched() {
  const runDir = await mkdtemp(join(tmpdir(), 'thap-watch-'));
  const record = new RunRecord(runDir, 'r1');
  const lines: string[] = [];
  return { record, lines, watch: watchHarness({ record, runDir, log: (line) => lines.push(line), probes: [] }) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('watchHarness', () => {
  it('records a process that ends on its own while the run is live, in run.json, the events and one log line', async () => {
    const { record, lines, watch } = await watched();
    watch.exitOf('mocks', Promise.resolve('signal SIGKILL'));
    watch.exitOf('fault-driver', Promise.resolve(undefined));
    await settle();
    await watch.stop();
    expect(record.harnessFailures()).toEqual([{ process: 'mocks', at: expect.any(Number), kind: 'exited', detail: 'signal SIGKILL' }]);
    expect(lines).toEqual(['harness: the mocks process exited mid-run (signal SIGKILL): the harness, not the client, failed; the run goes on to the end of its plan']);
    expect(record.info.events.map((event) => event.what)).toEqual(lines);
  });

  it('says a dead k6 ends the load, and ignores what ends once teardown has started', async () => {
    const { record, lines, watch } = await watched();
    watch.exitOf('k6', Promise.resolve('code 107'));
    await settle();
    let endToxiproxy: (detail: string) => void = () => undefined;
    watch.exitOf('toxiproxy', new Promise<string>((resolve) => (endToxiproxy = resolve)));
    await watch.stop();
    endToxiproxy('signal SIGTERM');
    await settle();
    expect(record.harnessFailures().map((failure) => failure.process)).toEqual(['k6']);
    expect(lines[0]).toMatch(/k6 process exited mid-run \(code 107\).*the load ends here$/);
  });
});
