import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';

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

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1' }, () => server.close(() => resolve(true)));
  });
}

/** Every process the run started (from run.json) that is still alive, and every port still taken. */
export async function leftovers(runDir: string): Promise<{ processes: string[]; ports: number[] }> {
  const run = await readRunJson(runDir);
  const processes = run.processes.filter((entry) => alive(entry.pid)).map((entry) => `${entry.name} (${entry.pid})`);
  const ports: number[] = [];
  for (const port of run.ports) if (!(await portFree(port))) ports.push(port);
  return { processes, ports };
}

/** The run directory a `thap run` printed (`run <id>: <dir>`). */
export function runDirOf(stderr: string): string {
  const match = /^run \S+: (.+)$/m.exec(stderr);
  if (!match) throw new Error(`no run directory in output:\n${stderr}`);
  return (match[1] as string).trim();
}
