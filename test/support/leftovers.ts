import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listenerPids } from './portListeners.ts';
import { comesFrom } from './processTree.ts';

interface RunJson {
  status: string;
  processes: Array<{ name: string; pid: number }>;
  ports: number[];
  client?: { health?: { url: string; ok: boolean; error?: string }; exits: Array<{ at: number; code: number | null; signal: string | null; region?: string }> };
  harness?: { failures: Array<{ process: string; at: number; kind: string; detail: string }> };
}

export async function readRunJson(runDir: string): Promise<RunJson> {
  return JSON.parse(await readFile(join(runDir, 'run.json'), 'utf8')) as RunJson;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Every process the run started (from run.json) that is still alive, and every port of the run still held by
 * the run: a port of run.json counts only while a process of the run (or one it started) listens on it. e2e
 * files run side by side, so a port a finished run freed may already serve another file's run: that is not
 * this run's leftover.
 */
export async function leftovers(runDir: string): Promise<{ processes: string[]; ports: number[] }> {
  const run = await readRunJson(runDir);
  const processes = run.processes.filter((entry) => alive(entry.pid)).map((entry) => `${entry.name} (${entry.pid})`);
  const runPids = new Set(run.processes.map((entry) => entry.pid));
  const ports = run.ports.filter((port) => listenerPids(port).some((pid) => comesFrom(pid, runPids)));
  return { processes, ports };
}

/** The run directory a `thap run` printed (`run <id>: <dir>`). */
export function runDirOf(stderr: string): string {
  const match = /^run \S+: (.+)$/m.exec(stderr);
  if (!match) throw new Error(`no run directory in output:\n${stderr}`);
  return (match[1] as string).trim();
}
