import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withRealRunLock } from '../../../test/support/runCommandLocked.ts';
import { runDirOf } from '../../../test/support/leftovers.ts';
import { repoRoot, runThap, type ThapResult } from '../../../test/support/runThap.ts';
import { failedChecks, MAX_INVALID_RERUNS, runUntilValid } from '../../../test/support/runUntilValid.ts';
import { loadScenario } from '../../scenario/loadScenario.ts';
import type { Report } from '../../scoring/reportSchema.ts';
import { CleanupStack, findFreePort, proxyServices, startClient, startMocksProcess, startToxiproxy } from '../../stack/index.ts';
import { ensureTools } from '../../stack/tools/index.ts';
import { renderK8s } from '../renderK8s.ts';
import { kubeletEnv, operatorRunnerArgs, resumeBody } from '../testing/operatorRunner.ts';
import type { ConfigMap, Job, TestRun } from '../types.ts';

// The distributed run proven on one machine (issue 19): what `thap k8s render` puts in the cluster, run as the
// pods would run it. The stack pod's parts (real Toxiproxy, the NIC mocks writing to the results volume, the
// naive reference client), each runner's init container (`thap k8s prepare` with the rendered arguments), the
// conductor (`thap conduct` with the Job's arguments) and two real k6 processes with the command line k6-operator
// builds (execution segments, --paused, the TestRun's environment as the kubelet expands it), resumed together as
// its starter does. Cluster names become local URLs and /results a directory; nothing else changes.
const scenarioFile = join(repoRoot, 'test/scenarios/k8s-conductor.yaml');
const RUNNERS = 2;

interface Runner {
  name: string;
  process: ChildProcess;
  exited: Promise<number | null>;
  address: string;
}

const rowsOf = async (file: string) => parse(await readFile(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;

/** One conducted run: the conductor's outcome, its run directory and report, and the mocks' clock asked after it. */
interface Conducted {
  conductor: ThapResult;
  runDir: string;
  report: Report;
  mocksClock: { segmented: boolean; started: boolean; simMs?: number; speed?: number } | undefined;
}

/**
 * Puts the cluster's parts together on this machine and conducts one run of the scenario (`runners` collects each
 * k6 runner started, for afterAll). The stack is stopped before it returns.
 */
async function conductOnce(runners: Runner[]): Promise<Conducted> {
  const cleanup = new CleanupStack();
  try {
    const { scenario } = await loadScenario(scenarioFile);
    const rendered = renderK8s({ scenario, parallelism: RUNNERS });
    const testRun = rendered.load.find((object) => object.kind === 'TestRun') as TestRun;
    const job = rendered.conductor.find((object) => object.kind === 'Job') as Job;
    const runConfig = rendered.stack.find((object) => object.metadata?.name?.endsWith('-run-config')) as ConfigMap;
    const stackConfig = rendered.stack.find((object): object is ConfigMap => object.kind === 'ConfigMap' && (object as ConfigMap).data?.['mocks.config.json'] !== undefined);
    const work = await mkdtemp(join(tmpdir(), 'thap-conduct-'));
    const [config, results, stackDir] = ['config', 'results', 'stack'].map((name) => join(work, name)) as [string, string, string];
    for (const dir of [config, join(results, 'mocks'), stackDir]) await mkdir(dir, { recursive: true });
    for (const [key, text] of Object.entries(runConfig.data ?? {})) await writeFile(join(config, key), text);
    // Cluster paths and names as this machine has them.
    const local = (arg: string) => arg.replace(/^\/config\//, `${config}/`).replace(/^\/results(?=\/|$)/, results);

    const tools = await ensureTools({});
    // The stack pod: Toxiproxy with one proxy per service, the mocks writing their ledger to the results volume, the client.
    const toxiproxy = await startToxiproxy({ binary: tools.toxiproxy.path, runDir: stackDir, cleanup });
    // The mocks read the stack ConfigMap's mocks.config.json, as its container does: the services and the incident clock.
    const mocksConfig = join(stackDir, 'mocks.config.json');
    await writeFile(mocksConfig, stackConfig?.data?.['mocks.config.json'] ?? '');
    const mocks = await startMocksProcess({ runDir: join(results, 'mocks'), seed: scenario.seed, services: Object.keys(scenario.services), configFile: mocksConfig, cleanup });
    const proxied = await proxyServices({ toxiproxy, upstreams: mocks.urls, cleanup });
    const client = await startClient({
      command: scenario.client.command as string[],
      health: scenario.client.health,
      env: scenario.client.env,
      nicUrls: proxied,
      timeScale: scenario.clock.speed,
      startupTimeoutMs: scenario.client.startupTimeout,
      runDir: stackDir,
      cleanup,
    });

    // The conductor, as its Job runs it, with the stack's URLs for the stack Service's name.
    const harnessPort = await findFreePort();
    const harnessUrl = `http://127.0.0.1:${harnessPort}`;
    const jobArgs = job.spec?.template.spec?.containers[0]?.args ?? [];
    const conductorArgs = jobArgs.flatMap((arg, index) => {
      if (arg === '--stack-host') return ['--toxiproxy-api', toxiproxy.apiUrl, ...Object.entries(mocks.urls).flatMap(([service, url]) => ['--mock', `${service}=${url}`]), '--client', client.url];
      if (jobArgs[index - 1] === '--stack-host') return [];
      if (jobArgs[index - 1] === '--harness-listen') return [`127.0.0.1:${harnessPort}`];
      return [local(arg)];
    });
    const conducted = runThap(conductorArgs);
    // Its readiness probe: the slip store answers.
    for (let attempt = 0; !(await fetch(`${harnessUrl}/slips/probe`).then((answer) => answer.ok, () => false)); attempt++) {
      if (attempt > 100) throw new Error('the conductor did not become ready');
      await sleep(200);
    }

    // Each runner: its init container, then k6 as k6-operator starts it, paused.
    const started: Runner[] = [];
    const [prepare] = testRun.spec.runner.initContainers ?? [];
    const script = 'localFile' in testRun.spec.script ? testRun.spec.script.localFile : '';
    for (let index = 1; index <= RUNNERS; index++) {
      const pod = `${testRun.metadata.name}-${index}-x${index}k2p`;
      const filesDir = join(work, pod);
      const init = await runThap((prepare?.args ?? []).map((arg) => local(arg).replace(/^\/thap(?=\/|$)/, filesDir)));
      expect(init.code, init.stderr).toBe(0);
      const env = kubeletEnv({ env: testRun.spec.runner.env ?? [], podName: pod });
      const localEnv = Object.fromEntries(Object.entries(env).map(([name, value]) => [name, name === 'THAP_TARGET' ? client.url : name === 'THAP_HARNESS_URL' ? harnessUrl : value.replace(/(^|=)\/results\//, `$1${results}/`)]));
      const address = `127.0.0.1:${await findFreePort()}`;
      const args = operatorRunnerArgs({ testRun, index, script: script.replace(/^\/thap/, filesDir), address });
      // k6 at a lower CPU priority, as thap run starts it, so that the conductor's fault timers keep time on 2 cores.
      const child = spawn('nice', ['-n', '10', tools.k6.path, ...args], { cwd: filesDir, env: { PATH: process.env.PATH, ...localEnv }, stdio: ['ignore', 'ignore', 'pipe'] });
      const runner = { name: pod, process: child, address, exited: new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))) };
      started.push(runner);
      runners.push(runner);
    }
    // The starter: once every runner's API answers, resume them all.
    for (const runner of started) {
      for (let attempt = 0; !(await fetch(`http://${runner.address}/v1/status`).then((answer) => answer.ok, () => false)); attempt++) {
        if (attempt > 150) throw new Error(`runner ${runner.name} did not become ready`);
        await sleep(200);
      }
    }
    await Promise.all(started.map((runner) => fetch(`http://${runner.address}/v1/status`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: resumeBody })));

    const conductor = await conducted;
    expect(await Promise.all(started.map((runner) => runner.exited))).toEqual(started.map(() => 0));
    const mocksClock = (await (await fetch(`${mocks.urls.ehospital}/__admin/clock`)).json()) as Conducted['mocksClock'];
    const runDir = runDirOf(conductor.stderr);
    const report = JSON.parse(await readFile(join(runDir, 'report.json'), 'utf8')) as Report;
    return { conductor, runDir, report, mocksClock };
  } finally {
    await cleanup.runAll();
  }
}

describe('thap conduct with k6-operator runners on execution segments, on a segmented clock', { timeout: 240_000 }, () => {
  const runners: Runner[] = [];
  let conductor: ThapResult;
  let runDir = '';
  let report: Report;
  let mocksClock: Conducted['mocksClock'];
  /** The failed checks of each run the machine made invalid before the one the tests read (runUntilValid). */
  let invalidBefore: string[] = [];

  beforeAll(async () => {
    // Two k6 runners, the stack and the conductor on two cores, beside the suite's other real runs and, on CI,
    // its image builds: a run the machine makes invalid measured nothing (once on CI: exit 3), so it is made again.
    const outcome = await withRealRunLock(() => runUntilValid(() => conductOnce(runners), MAX_INVALID_RERUNS));
    ({ conductor, runDir, report, mocksClock } = outcome.run);
    invalidBefore = outcome.invalidBefore;
  }, (MAX_INVALID_RERUNS + 1) * 240_000);

  afterAll(() => {
    for (const runner of runners) if (runner.process.exitCode === null) runner.process.kill('SIGKILL');
  });

  it('scores the runners together: the report counts the sum of the segments, each runner about half', async () => {
    const invalid = [...invalidBefore, failedChecks(report)].filter(Boolean).join(' | then | ');
    expect(conductor.code, `${conductor.stderr}${conductor.stdout}\ninvalid runs: ${invalid}`).toBe(0);
    const files = await readdir(runDir);
    expect(files).toEqual(expect.arrayContaining(['k6-0.csv', 'k6-1.csv', 'k6-0.summary.json', 'k6-1.summary.json', 'ledger.ndjson', 'faults.ndjson', 'report.json', 'report.html']));
    const segments = await Promise.all([0, 1].map(async (index) => {
      const rows = await rowsOf(join(runDir, `k6-${index}.csv`));
      const summary = JSON.parse(await readFile(join(runDir, `k6-${index}.summary.json`), 'utf8')) as { metrics: { http_reqs: { count: number } } };
      const clientRequests = rows.filter((row) => row.metric_name === 'http_req_duration' && !row.name?.startsWith('thap-') && !row.group?.startsWith('::')).length;
      return { clientRequests, outcomes: rows.filter((row) => row.metric_name === 'thap_outcome').length, csvRequests: rows.filter((row) => row.metric_name === 'http_reqs').length, summaryRequests: summary.metrics.http_reqs.count };
    }));
    // The summary is written after k6 closed its CSV: each CSV the conductor took is whole.
    for (const segment of segments) expect(segment.csvRequests).toBe(segment.summaryRequests);
    expect(report.samples.httpRequests).toBe(segments[0]!.clientRequests + segments[1]!.clientRequests);
    expect(report.samples.outcomes).toBe(segments[0]!.outcomes + segments[1]!.outcomes);
    for (const segment of segments) expect(segment.outcomes / report.samples.outcomes).toBeGreaterThan(0.35);
    // 1,959 registrations and 599 lab visits planned (k6-conductor.yaml).
    expect(report.samples.outcomes).toBeGreaterThan(2_400);
  });

  it('applies the fault timeline on time from the first runner\'s t0, through Toxiproxy and the mocks', async () => {
    const onTime = report.validity?.checks.find((check) => check.name === 'faults.onTime');
    expect(onTime?.passed, onTime?.message).toBe(true);
    expect(report.validity?.checks.find((check) => check.name === 'faults.touched')?.passed).toBe(true);
    expect(report.validity?.checks.find((check) => check.name === 'harness.alive')?.passed).toBe(true);
    const events = (await readFile(join(runDir, 'faults.ndjson'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { faultId?: string; event?: string });
    expect(new Set(events.map((event) => event.faultId))).toEqual(new Set(['ehospital-down', 'barcode-500']));
    expect(report.faults.filter((fault) => fault.appliedAt !== null && fault.removedAt !== null).map((fault) => fault.faultId).sort()).toEqual(['barcode-500', 'ehospital-down']);
  });

  it('follows the segmented clock: each runner starts the second segment\'s k6 scenario at its wall offset and runs it at its speed, and the mocks run on the clock the conductor started', async () => {
    // 09:00-09:30 at 150x is 12 s of wall; registrations from 09:30 on are the k6 scenario `registration-2`, at
    // 100x until 10:00, 30 s after t0 (at 150x throughout they would end at 24 s). CSV timestamps are epoch ms.
    const t0 = report.clock.t0;
    for (const index of [0, 1]) {
      const rows = (await rowsOf(join(runDir, `k6-${index}.csv`))).filter((row) => row.metric_name === 'http_reqs' && row.name === 'register');
      const offsets = (scenario: string) => rows.filter((row) => row.scenario === scenario).map((row) => Number(row.timestamp) - t0);
      const [first, second] = [offsets('registration'), offsets('registration-2')];
      // The first segment's requests start near t0, well before the second's at 12 s. On the 2-core machine with
      // three e2e files at once, a runner's first request once came 3.4 s after t0 (k6's VUs starting late).
      expect(Math.min(...first)).toBeLessThan(6_000);
      // The first segment ends at 12 s and the second starts there; a loaded machine delays requests by seconds
      // (a first-segment request ended at 16.9 s once), so the bounds tell the segments apart, not k6's punctuality.
      expect(Math.max(...first)).toBeLessThan(20_000);
      expect(Math.min(...second)).toBeGreaterThanOrEqual(11_000);
      expect(Math.min(...second)).toBeLessThan(20_000);
      expect(Math.max(...second)).toBeGreaterThan(27_000);
    }
    expect(report.clock.segments).toEqual([{ fromSim: 9.5 * 3_600_000, speed: 100 }]);
    // Asked after the run: started by the conductor at t0, now past the clock's end (10:00) in the 100x segment.
    expect(mocksClock).toMatchObject({ segmented: true, started: true, speed: 100 });
    expect(mocksClock?.simMs).toBeGreaterThan(10 * 3_600_000);
  });

  it("serves the slip store the runners share: a lab visit finds its patient whichever runner registered them", async () => {
    // Per runner, the patients it registered (metadata `entity=<patient>.<step>`), and each lab order's answer.
    const segments = await Promise.all([0, 1].map((index) => rowsOf(join(runDir, `k6-${index}.csv`))));
    const patientOf = (row: Record<string, string>) => (row.metadata ?? '').replace(/\.[^.]*$/, '');
    const registeredBy = new Map<string, number>();
    segments.forEach((rows, runner) => {
      for (const row of rows) if (row.metric_name === 'http_req_duration' && row.name === 'register' && row.expected_response === 'true') registeredBy.set(patientOf(row), runner);
    });
    const orders = { same: { all: 0, ok: 0 }, other: { all: 0, ok: 0 } };
    segments.forEach((rows, runner) => {
      for (const row of rows) {
        if (row.metric_name !== 'http_req_duration' || row.name !== 'labOrder' || !registeredBy.has(patientOf(row))) continue;
        const tally = registeredBy.get(patientOf(row)) === runner ? orders.same : orders.other;
        tally.all += 1;
        if (row.expected_response === 'true') tally.ok += 1;
      }
    });
    // About half the lab visits run on the other runner than their registration (segments interleave iterations).
    expect(orders.other.all, JSON.stringify(orders)).toBeGreaterThan(50);
    expect(orders.same.ok, JSON.stringify(orders)).toBeGreaterThan(0);
    // Its slip reaches it through the conductor: such orders succeed as often as those on the registering runner
    // (how often depends on the client on a busy machine, not on which runner served the visit).
    expect(orders.other.ok / orders.other.all, JSON.stringify(orders)).toBeGreaterThan(0.5 * (orders.same.ok / orders.same.all));
  });
});
