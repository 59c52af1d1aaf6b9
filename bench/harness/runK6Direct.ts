import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { copyFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { k6EntryFile, k6ScriptFiles } from '../../src/load/k6ScriptFiles.ts';
import { scriptDataFile } from '../../src/load/prepareK6.ts';
import { isRunning, processCpuMs } from './processCpu.ts';

export interface K6Run {
  csvFile: string;
  wallMs: number;
  /** k6's own CPU while it ran (sampled until just before it exited). */
  cpuMs: number;
}

/**
 * Runs the k6 script of a thap run with k6 directly: the script's files (`script.ts` and its modules),
 * `script-data.json` and every `visits-*.json` are copied from the run directory into `workDir`, and k6 gets the same arguments and environment as
 * src/load/startK6.ts gives it (nice 10, THAP_TARGET, THAP_HARNESS_URL, THAP_REQUEST_TIMEOUT,
 * K6_CSV_TIME_FORMAT=unix_milli). With no `harnessUrl` the script makes no slip calls and sends no beacon,
 * which is k6 on its own.
 */
export async function runK6Direct({ k6Path, fromRunDir, workDir, target, harnessUrl, requestTimeout }: { k6Path: string; fromRunDir: string; workDir: string; target: string; harnessUrl?: string; requestTimeout: string }): Promise<K6Run> {
  const scriptFiles = new Set([...Object.keys(k6ScriptFiles()), scriptDataFile]);
  for (const name of await readdir(fromRunDir)) {
    if (scriptFiles.has(name) || /^visits-.+\.json$/.test(name)) await copyFile(join(fromRunDir, name), join(workDir, name));
  }
  const csvFile = join(workDir, 'k6.csv');
  const started = Date.now();
  // At nice 10 as src/load/startK6.ts starts it (coreutils' nice execs k6: the pid stays k6's).
  const nice = ['/usr/bin/nice', '/bin/nice'].find((path) => existsSync(path));
  const args = ['run', '--no-usage-report', '--no-color', '--out', `csv=${csvFile}`, join(workDir, k6EntryFile)];
  const child = spawn(nice ?? k6Path, nice ? ['-n', '10', k6Path, ...args] : args, {
    cwd: workDir,
    env: { ...process.env, THAP_TARGET: target, THAP_HARNESS_URL: harnessUrl ?? '', THAP_REQUEST_TIMEOUT: requestTimeout, K6_CSV_TIME_FORMAT: 'unix_milli' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
  let cpuMs = 0;
  const sampler = setInterval(() => {
    if (isRunning(child.pid!)) cpuMs = processCpuMs(child.pid!) ?? cpuMs;
  }, 50);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (exit) => resolve(exit)));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`k6 run of ${join(workDir, k6EntryFile)} exited with ${code}:\n${stderr}`);
  return { csvFile, wallMs: Date.now() - started, cpuMs };
}
