import { join } from 'node:path';
import { HarnessError, InterruptedError, UserError } from '../core/index.ts';
import { startFaultTimeline } from '../faults/index.ts';
import { buildLoad } from '../load/index.ts';
import { scoreForReport, writeRunReports, type ReportFormat } from '../report/index.ts';
import { buildPlan, type Plan, type Scenario } from '../scenario/index.ts';
import type { Report } from '../scoring/index.ts';
import { chooseStack, CleanupStack, exitDetail, realStackProbes, type StackRequest, type ToolInfo } from '../stack/index.ts';
import { ensureTool, ensureTools } from '../stack/tools/index.ts';
import { checkTarget } from './checkTarget.ts';
import { checkRegionalRun } from './checkRegionalRun.ts';
import { drainClients } from './drainClient.ts';
import { interruptible } from './interruptible.ts';
import { liveRunsDir } from './liveRuns/liveRunRecord.ts';
import { loadClientMapping } from './loadClientMapping.ts';
import { startRunGuard } from './liveRuns/runGuard.ts';
import { checkClients } from './checkClients.ts';
import { excuseAfterHarnessFailure } from './excuseAfterHarnessFailure.ts';
import { watchClientExits } from './watchClientExits.ts';
import { watchHarness, type HarnessWatch } from './watchHarness.ts';
import { startProgress } from './progress.ts';
import { runProcessesInTree, startHostSampler } from './hostLoad/startHostSampler.ts';
import { createRunDirectory, writeJsonAtomic } from './runDirectory.ts';
import { RunRecord } from './runRecord.ts';
import { type RunningLoad, startLoad } from './startLoad.ts';
import { faultTargetOf, regionTargetsOf, type RunStackHandle, startContainerRunStack, startLocalRunStack } from './startRunStack.ts';
import { startMocksClock } from './startMocksClock.ts';

export interface RunOptions {
  scenario: Scenario;
  outDir: string;
  /** A client already running (overrides client.command). */
  target?: string;
  allowHosts?: string[];
  /** One line at a time: progress and the steps of starting and stopping. */
  log: (line: string) => void;
  /** Progress as plain lines at intervals (CI) instead of the live view. */
  plainProgress: boolean;
  toolPaths?: { k6Path?: string; toxiproxyPath?: string };
  /** k6 processes started at once, each on one execution segment (default 1: one process, `k6.csv`). */
  segments?: number;
  /** Where Toxiproxy, the mocks and the client run (default local processes; src/stack/chooseStack.ts). */
  stack?: StackRequest;
  /** Fail the run (a regression gate) when its score fell more than `maxRegression` below this report's. */
  baseline?: { file: string; maxRegression: number };
  /** The report files to render besides report.json (default every format). */
  formats?: ReportFormat[];
  /** Where `client.mapping` was given, for its errors (default `<scenario name>: client.mapping`). */
  mappingField?: string;
  /** machine.otherWork's bound for this run, ms of CPU wait per wall second (`--machine-wait-bound`; default thap's own). */
  machineWaitBoundMs?: number;
  /** A stack and runners thap does not start (`thap conduct`: a cluster's stack pod and k6-operator's runners). */
  external?: ExternalRun;
}

/**
 * What a run needs from outside when thap starts neither the stack nor k6 (src/k8s/conductor): the stack's
 * handle, and the load as the runners send it, with t0 from the harness endpoint and an end when their
 * outputs are in the run directory. Everything else (faults on time, health, drain, scoring) is the run's own.
 */
export interface ExternalRun {
  stack(options: { runDir: string; cleanup: CleanupStack; log: (line: string) => void }): Promise<RunStackHandle>;
  load(options: { runDir: string; cleanup: CleanupStack; record: RunRecord; race: <T>(promise: Promise<T>) => Promise<T> }): Promise<RunningLoad>;
}

export interface RunResult {
  runDir: string;
  plan: Plan;
  report: Report;
  /** Set when SIGINT/SIGTERM ended the run early: the report is partial and marked interrupted. */
  interruptedBy?: NodeJS.Signals;
  /** What the reports could not do, e.g. why report.pdf was skipped. */
  notes?: string[];
}

/**
 * The one place that puts a run together: tools, the stack (Toxiproxy, the NIC mocks behind their proxies,
 * the client), k6 and the fault timeline; then stops all of it in reverse, always, and scores the run
 * directory. Interrupts (SIGINT/SIGTERM) remove faults, stop processes and keep the partial results,
 * marked interrupted, at any moment (before the run directory exists there is nothing to keep). A harness
 * failure is thrown after cleanup, with a partial report when one can be made. From its first process to its
 * end the run is guarded (runGuard.ts): if thap itself is killed, a watchdog ends what it started and the
 * live-run record lets the next thap mark the run.
 */
export async function runScenario(options: RunOptions): Promise<RunResult> {
  const interrupt = interruptible({ log: options.log });
  try {
    return await runGuarded(options, interrupt);
  } finally {
    interrupt.close();
  }
}

async function runGuarded(options: RunOptions, { race, interruptedBy, signal: interruptSignal }: ReturnType<typeof interruptible>): Promise<RunResult> {
  const { log } = options;
  const load = buildLoad(options.scenario);
  // A vendor mapping is checked against the load before anything starts (a bad one exits 2 with nothing to clean up).
  const { scenario, mapping } = await loadClientMapping({ scenario: options.scenario, load, field: options.mappingField ?? `scenario ${options.scenario.name}: client.mapping` });
  const plan = buildPlan(scenario, load);
  const givenUrl = options.target ?? scenario.client.url;
  const clientUrl = givenUrl ? checkTarget({ url: givenUrl, allowHosts: options.allowHosts ?? [] }) : undefined;
  if (!clientUrl && !scenario.client.command) throw new UserError('the scenario gives no client.command and no --target URL: nothing to test');

  const beforeTheRun = <T>(promise: Promise<T>) =>
    race(promise).catch((error: unknown) => {
      throw error instanceof InterruptedError ? new InterruptedError(interruptedBy() as string, `interrupted by ${interruptedBy()} before the run started: nothing was started, no run directory written`) : error;
    });
  const { external } = options;
  const stackChoice = external ? { kind: 'external' as const } : await beforeTheRun(chooseStack({ requested: options.stack ?? 'local', probes: realStackProbes(options.toolPaths) }));
  if (stackChoice.kind !== 'external') {
    checkRegionalRun({ scenario, target: options.target, stack: stackChoice.kind });
    if (stackChoice.kind !== 'local' || options.stack) log(`stack: ${stackChoice.reason}`);
  }
  const toolOptions = { ...options.toolPaths, onProgress: (line: string) => log(`tools: ${line}`) };
  // The container stack brings its own Toxiproxy: only k6 runs here; an external run needs neither.
  const tools =
    stackChoice.kind === 'external'
      ? undefined
      : await beforeTheRun(stackChoice.kind === 'docker' ? ensureTool({ name: 'k6', ...toolOptions }).then((k6) => ({ k6, toxiproxy: undefined as ToolInfo | undefined })) : ensureTools(toolOptions));
  const { runId, runDir } = await createRunDirectory({ outDir: options.outDir, scenarioName: scenario.name });
  await writeJsonAtomic(join(runDir, 'scenario.resolved.json'), scenario);
  await writeJsonAtomic(join(runDir, 'plan.json'), { ...plan, services: scenario.services, runId, ...(options.machineWaitBoundMs !== undefined ? { scoring: { machineWaitBoundMs: options.machineWaitBoundMs } } : {}) });
  const record = new RunRecord(runDir, runId);
  await record.save();
  log(`run ${runId}: ${runDir}`);

  const cleanup = new CleanupStack();
  const guard = startRunGuard({ runId, runDir, runsDir: liveRunsDir() });
  let failure: unknown;
  let finished = false;
  let harness: HarnessWatch | undefined;
  // The machine's CPU and the run's share of it (host.ndjson), for the machine.otherWork validity check. The stack of
  // an external run (thap conduct) runs in containers elsewhere, outside thap's process tree, as the container stack's does.
  const hostLoad = startHostSampler({ file: join(runDir, 'host.ndjson'), runIncludes: runProcessesInTree({ containers: stackChoice.kind !== 'local', clientStarted: !clientUrl }) });
  try {
    const stackOptions = { scenario, runDir, clientUrl, cleanup, record, log, race, guard };
    const stack = external
      ? await race(external.stack({ runDir, cleanup, log }))
      : stackChoice.kind === 'docker'
        ? await startContainerRunStack(stackOptions)
        : await startLocalRunStack({ ...stackOptions, toxiproxyBinary: (tools?.toxiproxy ?? (await ensureTool({ name: 'toxiproxy', ...toolOptions }))).path });
    harness = watchHarness({ record, runDir, log, probes: stack.harness.probes });
    for (const { process, ended } of stack.harness.ends) harness.exitOf(process, ended);
    watchClientExits({ clients: stack.clients, runDir, record, log, isLive: () => !finished });
    log(`client: ${stack.clientUrl}`);

    // No load for a client that is not healthy: the run completes, and its report fails the client's health gate.
    const health = await race(checkClients({ clients: stack.clients, healthPath: scenario.client.health }));
    await record.clientHealth(health);
    if (!health.ok) {
      log(`the client is not healthy at ${health.url}: ${health.error}; no load is sent and the client fails its health gate${stack.clients.some((client) => client.process) ? ` (see ${join(runDir, 'client.log')})` : ''}`);
    } else {
      // Started before k6 (its worker thread takes a moment to load) so that a fault at offset 0 is on time.
      // Its stop is deferred the moment it exists, also when an interrupt has abandoned the wait for it.
      const { timeline: faults } = await race(
        startFaultTimeline({ faults: plan.faults, eventLog: join(runDir, 'faults.ndjson'), toxiproxy: stack.toxiproxy, mockUrls: stack.mockUrls, target: (fault) => faultTargetOf({ fault, stack }) }).then((started) => {
          cleanup.defer('stop the fault thread', started.stop);
          return started;
        }),
      );
      if (faults.ended) harness.exitOf('fault-driver', faults.ended);
      const k6 = external
        ? await external.load({ runDir, cleanup, record, race })
        : await startLoad({ scenario, load, ...(mapping ? { mapping } : {}), k6Binary: (tools as { k6: ToolInfo }).k6.path, segments: options.segments ?? 1, clientUrl: stack.clientUrl, regionTargets: regionTargetsOf(stack.clients), ...(stack.mockUrls.sms ? { phoneUrl: stack.mockUrls.sms } : {}), runDir, cleanup, record, race, guard });
      for (const process of k6.processes) harness.exitOf('k6', process.exited.then((exit) => (exit.code === 0 || exit.code === 99 ? undefined : exitDetail(exit))));
      harness.exitOf('harness-endpoint', k6.endpointEnded);
      cleanup.defer('remove faults', () => faults.removeAll(interruptedBy() ? `interrupted by ${interruptedBy()}` : 'run stopped'));
      faults.schedule(k6.t0);
      if (plan.clock.segments) await race(startMocksClock({ mockUrls: stack.mockUrls, t0: k6.t0 }));
      const progress = startProgress({ plan, load, t0: k6.t0, runDir, faults, log, plain: options.plainProgress, csvFiles: k6.csvFiles });
      cleanup.defer('stop progress', () => progress.stop());

      const exit = await race(k6.exited);
      progress.stop();
      if (exit.code !== 0 && exit.code !== 99) {
        throw new HarnessError(`k6 exited with code ${exit.code ?? exit.signal} (see ${exit.log})`, { code: 'THAP_K6_FAILED' });
      }
      await faults.removeAll('load finished').catch((error: Error) => excuseAfterHarnessFailure({ record, log, what: 'removing the faults', error }));
      // With a dead or silent harness process the outbox cannot drain to NIC: the run is invalid and the wait pointless.
      if (record.harnessFailures().length > 0) log('drain skipped: a harness process failed during the run');
      else {
        // The drain deadline is on k6's clock (t0), like the faults: repeats end their drain at the same simulated time.
        const drainUntil = k6.t0 + plan.drain.deadlineWallMs;
        log(`load finished: waiting up to ${Math.max(0, Math.round((drainUntil - Date.now()) / 1_000))} s for the client to drain its outbox`);
        record.info.drain = await race(drainClients({ clients: stack.clients, until: drainUntil, runDir, log, signal: interruptSignal }));
      }
    }
  } catch (error) {
    failure = error;
  } finally {
    finished = true;
    await harness?.stop();
    await hostLoad.stop();
    const failures = await cleanup.runAll();
    // The watchdog's lifeline ends: whatever cleanup could not stop, it ends.
    guard.close();
    for (const item of failures) log(`cleanup: ${item.label} failed: ${item.error.message}`);
    // Stopping what a dead harness process held fails as a consequence of that failure, already recorded.
    if (!failure && failures.length > 0 && record.harnessFailures().length === 0) {
      failure = new HarnessError(`cleanup failed: ${failures.map((item) => `${item.label}: ${item.error.message}`).join('; ')}`);
    }
  }

  const interrupted = failure instanceof InterruptedError;
  await record.finish(interrupted ? 'interrupted' : failure ? 'error' : 'completed', failure && !interrupted ? (failure as Error).message : undefined);
  // What was measured is kept whatever the ending: a failed run still gets a (partial) report when it can.
  const rendered = await scoreForReport({ runDir, ...(options.baseline ? { baseline: options.baseline } : {}) })
    .then((report) => writeRunReports({ runDir, report, ...(options.formats ? { formats: options.formats } : {}) }).then((written) => ({ report, ...written })))
    .catch((error: unknown) => {
      if (!failure) throw error;
      log(`could not score the partial run: ${(error as Error).message}`);
      return undefined;
    });
  if (failure && !interrupted) throw failure;
  const signal = interruptedBy();
  return { runDir, plan, report: rendered?.report as Report, ...(signal ? { interruptedBy: signal } : {}), ...(rendered?.notes.length ? { notes: rendered.notes } : {}) };
}
