import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRunning, processCpuMs } from './processCpu.ts';

export interface ThapRun {
  runDir: string;
  /** thap's own process (not its children): CPU ms and wall ms from t0 until k6 exited, i.e. while it drove the load. */
  drive: { cpuMs: number; wallMs: number; coreShare: number };
  /** The whole `thap run`, start to exit (stack start, load, scoring and reports). */
  total: { cpuMs: number; wallMs: number };
  /** Set when thap failed after the load (scoring, reports): the load's figures still stand. */
  afterLoadFailure?: string;
}

const thapBin = fileURLToPath(new URL('../../bin/thap.js', import.meta.url));
const pollMs = 20;
const attempts = 6;

type RunThapOptions = {
  scenarioFile: string;
  target: string;
  outDir: string;
  k6Path: string;
  toxiproxyPath: string;
  /** Called at t0 with run.json (ports, processes); what it returns is called when k6 has exited. */
  whileDriving?: (info: RunJson) => () => void;
};

/** A thap run that could not build its stack because a fixed proxy port was taken (another `--target` run). */
class PortTakenError extends Error {}

/**
 * Runs `thap run <scenario> --target <url> --ci` as a separate node process (as a user would) and samples
 * that process's CPU from /proc at t0 (run.json gets `t0` when k6's setup calls the beacon) and again when
 * the k6 process it started has exited. Throws with the log's tail if thap fails.
 */
export async function runThap(options: RunThapOptions): Promise<ThapRun> {
  // With --target, thap's proxies listen on fixed ports (src/stack/container/layout.ts): a run elsewhere on
  // the machine holding them makes ours fail before t0. Wait for it to end and try again.
  for (let attempt = 1; ; attempt++) {
    const outDir = join(options.outDir, `attempt${attempt}`);
    await mkdir(outDir);
    try {
      return await runThapOnce({ ...options, outDir });
    } catch (error) {
      if (!(error instanceof PortTakenError) || attempt === attempts) throw error;
      process.stderr.write(`bench: a proxy port was taken (another run?); trying again in 10 s (${error.message.split('\n')[0]})\n`);
      await new Promise((resolve) => setTimeout(resolve, 10_000));
    }
  }
}

async function runThapOnce({ scenarioFile, target, outDir, k6Path, toxiproxyPath, whileDriving }: RunThapOptions): Promise<ThapRun> {
  const logFile = join(outDir, 'thap.log');
  const log = createWriteStream(logFile);
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [thapBin, 'run', scenarioFile, '--target', target, '--ci', '--out', outDir, '--k6', k6Path, '--toxiproxy', toxiproxyPath],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let done = false;
  void exited.then(() => (done = true));
  const pid = child.pid!;
  const sleep = () => new Promise((resolve) => setTimeout(resolve, pollMs));

  let runDir: string | undefined;
  let driveStart: { cpu: number; at: number } | undefined;
  let k6Pid: number | undefined;
  let stopWatching: (() => void) | undefined;
  while (!done && !driveStart) {
    runDir ??= (await readdir(outDir, { withFileTypes: true })).find((entry) => entry.isDirectory())?.name;
    const info = runDir ? await readRunJson(join(outDir, runDir)) : undefined;
    if (info?.t0 !== undefined) {
      driveStart = { cpu: processCpuMs(pid) ?? NaN, at: Date.now() };
      k6Pid = info.processes.find((entry) => entry.name === 'k6')?.pid;
      stopWatching = whileDriving?.(info);
    } else await sleep();
  }
  while (!done && k6Pid !== undefined && isRunning(k6Pid)) await sleep();
  const driveEnd = { cpu: processCpuMs(pid) ?? NaN, at: Date.now() };
  stopWatching?.();
  let totalCpu = NaN;
  while (!done) {
    totalCpu = processCpuMs(pid) ?? totalCpu;
    await sleep();
  }
  const code = await exited;
  await new Promise((resolve) => log.end(resolve));
  const status = runDir ? (await readRunJson(join(outDir, runDir)))?.status : undefined;
  // The load itself is what is measured: a run whose load completed but whose scoring or reports failed
  // afterwards is still a measurement (the failure is kept in `afterLoadFailure`).
  if (!runDir || !driveStart || (code !== 0 && status !== 'completed')) {
    const text = await readFile(logFile, 'utf8');
    const tail = text.split('\n').slice(-15).join('\n');
    if (!driveStart && /create proxy .* failed|EADDRINUSE/.test(text)) throw new PortTakenError(`thap run ${scenarioFile}: ${tail}`);
    throw new Error(`thap run ${scenarioFile} ${code !== 0 ? `exited with ${code}` : 'never reached t0'}; last lines of ${logFile}:\n${tail}`);
  }
  const drive = { cpuMs: driveEnd.cpu - driveStart.cpu, wallMs: driveEnd.at - driveStart.at };
  return {
    runDir: join(outDir, runDir),
    drive: { ...drive, coreShare: drive.cpuMs / drive.wallMs },
    total: { cpuMs: totalCpu, wallMs: Date.now() - started },
    ...(code !== 0 ? { afterLoadFailure: `thap exited with ${code} after the load completed (see ${logFile})` } : {}),
  };
}

export interface RunJson {
  t0?: number;
  status?: string;
  processes: Array<{ name: string; pid: number }>;
  ports: number[];
}

async function readRunJson(runDir: string): Promise<RunJson | undefined> {
  try {
    return JSON.parse(await readFile(join(runDir, 'run.json'), 'utf8')) as RunJson;
  } catch {
    return undefined; // not written yet
  }
}
