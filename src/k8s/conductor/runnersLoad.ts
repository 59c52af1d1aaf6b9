import { HarnessError } from '../../core/index.ts';
import { startHarnessEndpoint } from '../../load/index.ts';
import type { ExternalRun } from '../../run/index.ts';
import { withTimeout } from '../../util/index.ts';
import { takeRunnerOutputs, waitForRunners } from './runnerOutputs.ts';

/** File times on a shared volume come from another machine's clock: a summary this much older than t0 still counts. */
const VOLUME_CLOCK_SKEW_MS = 60_000;

export interface RunnersLoadOptions {
  /** How many runners send the load (the TestRun's parallelism). */
  runners: number;
  /** Where the runners write `k6-<pod>.csv` and `k6-<pod>.summary.json` (the results volume). */
  resultsDir: string;
  /** Where the harness endpoint listens for the runners. */
  listen: { host: string; port: number };
  /** How long to wait for the first runner's `setup()` to call /t0 (pods pulled, scheduled, data generated). */
  startTimeoutMs: number;
  /** From t0, how long the runners may take to finish: the load's wall length plus k6's graceful stop and a margin. */
  finishWithinMs: number;
  log: (line: string) => void;
}

/**
 * The load as k6-operator's runners send it, for a run thap does not start k6 in: the harness endpoint (the
 * t0 beacon every runner's `setup()` calls, the slip store they share) listens where the runners reach it; t0
 * is the first call; the load ends when every runner has left its summary beside its CSV, and then their
 * outputs are copied into the run directory. A runner that does not finish in time is the harness's failure
 * (the run is not scored as the client's).
 */
export function runnersLoad(options: RunnersLoadOptions): ExternalRun['load'] {
  return async ({ runDir, cleanup, record, race }) => {
    const endpoint = await startHarnessEndpoint({ cleanup, host: options.listen.host, port: options.listen.port });
    await record.started('harness-endpoint', undefined, [endpoint.url]);
    options.log(`conductor: harness endpoint on ${options.listen.host}:${options.listen.port}; waiting up to ${Math.round(options.startTimeoutMs / 1_000)} s for the first of ${options.runners} runner${options.runners === 1 ? '' : 's'} to start`);
    const t0 = await race(withTimeout(endpoint.t0, options.startTimeoutMs, 'the first runner').catch((error: Error) => error));
    if (typeof t0 !== 'number') {
      throw new HarnessError(`no runner called the harness endpoint's /t0 (${t0.message}): the TestRun did not start its load; fix: check the runners (kubectl get testrun, kubectl logs of a runner and its thap-prepare init container)`, { code: 'THAP_RUNNERS_NOT_STARTED' });
    }
    record.info.t0 = t0;
    await record.save();
    const deadline = t0 + options.finishWithinMs;
    const exited = waitForRunners({ resultsDir: options.resultsDir, runners: options.runners, since: t0 - VOLUME_CLOCK_SKEW_MS, deadline }).then(async (outputs) => {
      if (outputs.length < options.runners) {
        throw new HarnessError(`${outputs.length} of ${options.runners} runners left their outputs in ${options.resultsDir} by t0 + ${Math.round(options.finishWithinMs / 1_000)} s: the load was not sent whole; fix: check the runners' logs (a runner that fails or is evicted writes no summary)`, { code: 'THAP_RUNNERS_UNFINISHED' });
      }
      const taken = await takeRunnerOutputs({ outputs, runDir });
      for (const { runner, csv } of taken) record.event(`runner ${runner}: ${csv}`);
      options.log(`conductor: ${taken.length} runner output${taken.length === 1 ? '' : 's'} taken`);
      return { code: 0, signal: null, log: options.resultsDir };
    });
    return { processes: [], csvFiles: [], logFiles: [], exited, t0, endpointEnded: endpoint.ended };
  };
}
