import { planRun } from '../../load/index.ts';
import { runScenario } from '../../run/index.ts';
import type { Scenario } from '../../scenario/index.ts';
import { remoteStack, type RemoteStack } from './remoteStack.ts';
import { runnersLoad } from './runnersLoad.ts';

/**
 * After the load's wall length, how long the runners may take to stop and write their outputs: k6's graceful
 * stop (at most 30 s, src/load/buildLoad.ts) and a minute for the last CSV flush and summary on a busy node.
 */
const RUNNERS_FINISH_MARGIN_MS = 90_000;

export interface ConductOptions {
  scenario: Scenario;
  /** The TestRun's parallelism: how many runners' outputs make the load whole. */
  runners: number;
  resultsDir: string;
  stack: RemoteStack;
  listen: { host: string; port: number };
  startTimeoutMs: number;
  outDir: string;
  log: (line: string) => void;
  plainProgress: boolean;
}

/**
 * `thap conduct`: the run of a scenario whose stack and k6 runners live elsewhere (a cluster's stack pod and
 * k6-operator's TestRun), put together by the same code as `thap run` (runScenario): the fault timeline on time
 * from t0 against the stack's Toxiproxy and mocks, the harness endpoint for the runners, the client's health and
 * drain, then the runners' outputs merged into one run directory and scored into the same report.
 */
export function conduct(options: ConductOptions) {
  const { plan } = planRun(options.scenario);
  const clientHost = new URL(options.stack.clientUrl).hostname;
  return runScenario({
    scenario: options.scenario,
    outDir: options.outDir,
    target: options.stack.clientUrl,
    allowHosts: [clientHost],
    log: options.log,
    plainProgress: options.plainProgress,
    external: {
      stack: remoteStack(options.stack),
      load: runnersLoad({
        runners: options.runners,
        resultsDir: options.resultsDir,
        listen: options.listen,
        startTimeoutMs: options.startTimeoutMs,
        finishWithinMs: plan.clock.wallDurationMs + RUNNERS_FINISH_MARGIN_MS,
        log: options.log,
      }),
    },
  });
}
