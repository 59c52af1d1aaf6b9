import { join } from 'node:path';
import type { HarnessFailure, HarnessProcess } from '../scoring/index.ts';
import { startHarnessMonitor, type MonitoredTarget } from './harnessMonitor.ts';
import type { RunRecord } from './runRecord.ts';

/**
 * Watches the harness while a run is live: the monitor's probes (harness.ndjson) and the exit of every
 * harness process or thread. A process that exits, or a target that stops answering, before `stop()` (the
 * start of teardown) is a harness failure: recorded in run.json `harness.failures` and logged in one line.
 * The run goes on to the end of its plan: what was measured is kept, and the verdict is the validity
 * checks' to give (a dead k6 ends the run where it is awaited, src/run/runScenario.ts).
 */
export function watchHarness({ record, runDir, log, probes }: { record: RunRecord; runDir: string; log: (line: string) => void; probes: MonitoredTarget[] }) {
  let live = true;
  const failed = new Set<HarnessProcess>();
  const fail = (failure: Omit<HarnessFailure, 'at'>) => {
    // Once per process: a process that exited also fails its probes, the same failure.
    if (!live || failed.has(failure.process)) return;
    failed.add(failure.process);
    const what = failure.kind === 'exited' ? `exited mid-run (${failure.detail})` : `stopped answering (${failure.detail})`;
    const line = `harness: the ${failure.process} ${failure.process === 'fault-driver' ? 'thread' : 'process'} ${what}: the harness, not the client, failed; ${failure.process === 'k6' ? 'the load ends here' : 'the run goes on to the end of its plan'}`;
    record.event(line);
    log(line);
    void record.harnessFailed({ ...failure, at: Date.now() });
  };
  const monitor = startHarnessMonitor({ targets: probes, file: join(runDir, 'harness.ndjson'), onUnresponsive: (process, detail) => fail({ process, kind: 'unresponsive', detail }) });
  return {
    /** Watches one process or thread: `ended` resolves with why when it ends unexpectedly, undefined when as planned. */
    exitOf(process: HarnessProcess, ended: Promise<string | undefined>): void {
      void ended.then((detail) => {
        if (detail !== undefined) fail({ process, kind: 'exited', detail });
      });
    },
    /** Teardown starts: processes stopping from now on are not failures. */
    stop(): Promise<void> {
      live = false;
      return monitor.stop();
    },
  };
}

export type HarnessWatch = ReturnType<typeof watchHarness>;
