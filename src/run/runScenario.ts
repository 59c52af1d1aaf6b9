import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HarnessError, InterruptedError, UserError } from '../errors.ts';
import { createMocksAdmin } from '../faults/app/mocksAdmin.ts';
import { FaultDriver } from '../faults/faultDriver.ts';
import { k6ScriptEnv, prepareK6, writeK6Files } from '../load/prepareK6.ts';
import { startHarnessEndpoint } from '../load/startHarnessEndpoint.ts';
import { buildLoad } from '../load/buildLoad.ts';
import { startK6Segments } from '../load/startK6Segments.ts';
import { buildPlan, type Plan } from '../scenario/plan.ts';
import type { Scenario } from '../scenario/schema.ts';
import { renderRun } from '../report/renderRun.ts';
import type { Report } from '../scoring/reportSchema.ts';
import { CleanupStack } from '../stack/cleanupStack.ts';
import { startClient } from '../stack/startClient.ts';
import { startMocksProcess } from '../stack/startMocksProcess.ts';
import { proxyServices, startToxiproxy } from '../stack/startToxiproxy.ts';
import { proxyPorts } from '../stack/container/layout.ts';
import { ensureTool, ensureTools } from '../stack/tools/index.ts';
import { chooseStack, realStackProbes, type StackRequest } from '../stack/chooseStack.ts';
import { startDockerStack } from '../stack/startDockerStack.ts';
import type { ToxiproxyControl } from '../faults/network/toxiproxyControl.ts';
import type { ManagedProcess } from '../stack/managedProcess.ts';
import { withTimeout } from '../util/withTimeout.ts';
import { createRunDirectory, writeJsonAtomic } from './runDirectory.ts';
import { onInterrupt } from './interruptSignal.ts';
import { startProgress } from './progress.ts';
import { checkTarget } from './checkTarget.ts';
import { drainClient, type DrainResult } from './drainClient.ts';

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
}

export interface RunResult {
  runDir: string;
  plan: Plan;
  report: Report;
  /** Set when SIGINT/SIGTERM ended the run early: the report is partial and marked interrupted. */
  interruptedBy?: NodeJS.Signals;
}

type RunStatus = 'completed' | 'interrupted' | 'error';

/**
 * The one place that puts a run together: tools, Toxiproxy, the NIC mocks behind their proxies, the
 * client, k6, the fault timeline; then stops all of it in reverse, always, and scores the run directory.
 * Interrupts (SIGINT/SIGTERM) remove faults, stop processes and keep the partial results, marked interrupted.
 */
export async function runScenario(options: RunOptions): Promise<RunResult> {
  const { scenario, log } = options;
  const load = buildLoad(scenario);
  const plan = buildPlan(scenario, load);
  const clientUrl = options.target ?? scenario.client.url;
  if (clientUrl) checkTarget({ url: clientUrl, allowHosts: options.allowHosts ?? [] });
  if (!clientUrl && !scenario.client.command) throw new UserError('the scenario gives no client.command and no --target URL: nothing to test');

  const stackChoice = await chooseStack({ requested: options.stack ?? 'local', probes: realStackProbes(options.toolPaths) });
  if (stackChoice.kind !== 'local' || options.stack) log(`stack: ${stackChoice.reason}`);
  const toolOptions = { ...options.toolPaths, onProgress: (line: string) => log(`tools: ${line}`) };
  // The container stack brings its own Toxiproxy: only k6 runs here.
  const tools = stackChoice.kind === 'docker' ? { k6: await ensureTool({ name: 'k6', ...toolOptions }), toxiproxy: undefined } : await ensureTools(toolOptions);
  const { runId, runDir } = await createRunDirectory({ outDir: options.outDir, scenarioName: scenario.name });
  const startedAt = Date.now();
  await writeJsonAtomic(join(runDir, 'scenario.resolved.json'), scenario);
  await writeJsonAtomic(join(runDir, 'plan.json'), { ...plan, services: scenario.services, runId });
  const runInfo: {
    runId: string;
    status: RunStatus | 'running';
    startedAt: number;
    endedAt?: number;
    t0?: number;
    error?: string;
    /** What this run started, so that anyone can check nothing survives it. */
    processes: Array<{ name: string; pid: number }>;
    ports: number[];
    /** Things that happened to the run, e.g. the client exiting mid-run (one line each). */
    events: Array<{ at: number; what: string }>;
    drain?: DrainResult;
  } = { runId, status: 'running', startedAt, processes: [], ports: [], events: [] };
  const started = async (name: string, pid: number | undefined, urls: string[]) => {
    if (pid !== undefined) runInfo.processes.push({ name, pid });
    runInfo.ports.push(...urls.map((url) => Number(new URL(url).port)));
    await writeJsonAtomic(join(runDir, 'run.json'), runInfo);
  };
  await writeJsonAtomic(join(runDir, 'run.json'), runInfo);
  log(`run ${runId}: ${runDir}`);

  const cleanup = new CleanupStack();
  let interruptedBy: NodeJS.Signals | undefined;
  let abort: (reason: Error) => void = () => undefined;
  const aborted = new Promise<never>((_, reject) => (abort = reject));
  aborted.catch(() => undefined);
  const unhook = onInterrupt((signal) => {
    if (interruptedBy) return;
    interruptedBy = signal;
    log(`${signal}: removing faults, stopping processes, keeping partial results…`);
    abort(new InterruptedError(signal));
  });
  const race = <T>(promise: Promise<T>) => Promise.race([promise, aborted]);

  let faults: FaultDriver | undefined;
  let failure: unknown;
  let finished = false;
  try {
    let toxiproxyControl: ToxiproxyControl;
    let mockUrls: Record<string, string>;
    let client: { url: string };
    let clientProcess: ManagedProcess | undefined;
    if (stackChoice.kind === 'docker') {
      const docker = await race(startDockerStack({ scenario, runDir, clientUrl, cleanup }));
      await started('containers', undefined, [docker.toxiproxy.apiUrl, docker.clientUrl]);
      log(`stack: containers; Toxiproxy ${docker.toxiproxy.apiUrl}; NIC mocks ${Object.entries(docker.proxied).map(([name, url]) => `${name} ${url}`).join(', ')} (inside the stack)`);
      toxiproxyControl = docker.toxiproxy.control;
      mockUrls = docker.mockUrls;
      client = { url: docker.clientUrl };
    } else {
      const toxiproxy = await race(startToxiproxy({ binary: (tools.toxiproxy ?? (await ensureTool({ name: 'toxiproxy', ...toolOptions }))).path, runDir, cleanup }));
      await started('toxiproxy', toxiproxy.pid, [toxiproxy.apiUrl]);
      const services = Object.keys(scenario.services);
      const mocksConfig = join(runDir, 'mocks.config.json');
      await writeFile(mocksConfig, JSON.stringify({ services: scenario.services }));
      const mocks = await race(startMocksProcess({ runDir, seed: scenario.seed, services, configFile: mocksConfig, cleanup }));
      await started('mocks', mocks.pid, Object.values(mocks.urls));
      // A client thap does not start was configured beforehand: its NIC proxies sit at the fixed ports
      // (src/stack/container/layout.ts, docs/client-contract.md), the same as in the container stack.
      const proxied = await race(proxyServices({ toxiproxy, upstreams: mocks.urls, ports: clientUrl ? proxyPorts : undefined, cleanup }));
      await started('proxies', undefined, Object.values(proxied));
      log(`stack: Toxiproxy ${toxiproxy.apiUrl}; NIC mocks ${Object.entries(proxied).map(([name, url]) => `${name} ${url}`).join(', ')}`);

      const local = clientUrl
        ? { url: clientUrl }
        : await race(
            startClient({
              command: scenario.client.command as string[],
              port: scenario.client.port,
              health: scenario.client.health,
              env: scenario.client.env,
              nicUrls: proxied,
              timeScale: scenario.clock.speed,
              startupTimeoutMs: scenario.client.startupTimeout,
              runDir,
              cleanup,
            }),
          );
      if (!clientUrl) await started('client', 'process' in local ? local.process?.pid : undefined, [local.url]);
      toxiproxyControl = toxiproxy.control;
      mockUrls = mocks.urls;
      client = { url: local.url };
      clientProcess = 'process' in local ? local.process : undefined;
    }
    void clientProcess?.exited.then((exit) => {
      if (finished) return;
      // A client that dies under test is scored (and fails its gates), not a harness failure.
      const what = `the client exited mid-run (code ${exit.code ?? exit.signal}); its answers stop here (see ${join(runDir, 'client.log')})`;
      runInfo.events.push({ at: Date.now(), what });
      log(what);
    });
    log(`client: ${client.url}`);

    const scriptFile = await writeK6Files({ dir: runDir, prepared: prepareK6({ scenario, load }) });
    const harness = await startHarnessEndpoint({ cleanup });
    const k6 = await startK6Segments({
      count: options.segments ?? 1,
      binary: tools.k6.path,
      runDir,
      scriptFile,
      env: k6ScriptEnv({ target: client.url, harnessUrl: harness.url, requestTimeoutMs: scenario.client.requestTimeout }),
      cleanup,
    });
    for (const k6Process of k6.processes) await started(k6Process.name, k6Process.pid, [harness.url]);
    // With several segments the first k6 process to call the harness endpoint's /t0 sets t0.
    const t0 = await race(
      withTimeout(Promise.race([harness.t0, k6.exited.then((exit) => exit)]), 60_000, 'k6 start').catch((error: Error) => error),
    );
    if (typeof t0 !== 'number') {
      throw new HarnessError(`k6 did not start its scenarios: ${t0 instanceof Error ? t0.message : `exited with code ${t0.code}`} (see ${t0 instanceof Error ? k6.logFiles.join(', ') : t0.log})`);
    }
    runInfo.t0 = t0;
    await writeJsonAtomic(join(runDir, 'run.json'), runInfo);

    const mocksAdmin = createMocksAdmin({ urls: mockUrls });
    faults = new FaultDriver({
      faults: plan.faults,
      eventLog: join(runDir, 'faults.ndjson'),
      context: (fault) => ({ toxiproxy: toxiproxyControl, mocks: mocksAdmin, service: fault.service, proxyName: fault.service, faultId: fault.id }),
    });
    const activeFaults = faults;
    cleanup.defer('remove faults', () => activeFaults.removeAll(interruptedBy ? `interrupted by ${interruptedBy}` : 'run stopped'));
    faults.schedule(t0);
    const progress = startProgress({ plan, load, t0, runDir, faults, log, plain: options.plainProgress, csvFiles: k6.csvFiles });
    cleanup.defer('stop progress', () => progress.stop());

    const exit = await race(k6.exited);
    progress.stop();
    if (exit.code !== 0 && exit.code !== 99) {
      throw new HarnessError(`k6 exited with code ${exit.code ?? exit.signal} (see ${exit.log})`, { code: 'THAP_K6_FAILED' });
    }
    await faults.removeAll('load finished');
    runInfo.drain = await race(drainClient({ url: client.url, timeoutMs: scenario.client.drainTimeout, runDir, log }));
  } catch (error) {
    failure = error;
  } finally {
    finished = true;
    const failures = await cleanup.runAll();
    unhook();
    for (const item of failures) log(`cleanup: ${item.label} failed: ${item.error.message}`);
    if (!failure && failures.length > 0) {
      failure = new HarnessError(`cleanup failed: ${failures.map((item) => `${item.label}: ${item.error.message}`).join('; ')}`);
    }
  }

  runInfo.endedAt = Date.now();
  runInfo.status = failure instanceof InterruptedError ? 'interrupted' : failure ? 'error' : 'completed';
  if (failure && !(failure instanceof InterruptedError)) runInfo.error = (failure as Error).message;
  await writeJsonAtomic(join(runDir, 'run.json'), runInfo);
  // What was measured is kept whatever the ending: a failed run still gets a (partial) report when it can.
  const rendered = await renderRun({ runDir }).catch((error: unknown) => {
    if (!failure) throw error;
    log(`could not score the partial run: ${(error as Error).message}`);
    return undefined;
  });
  if (runInfo.status === 'error') throw failure;
  const report = rendered?.report;
  return { runDir, plan, report: report as Report, ...(interruptedBy ? { interruptedBy } : {}) };
}
