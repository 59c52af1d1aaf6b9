import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { leftovers } from './leftovers.ts';
import { listenerPids } from './portListeners.ts';

// A real listener in this process stands for another e2e file's run on a port a finished run freed; a child
// process stands for a process of the run. Both are real sockets: the matcher reads /proc as it would in a run.

/** Node code that listens on 127.0.0.1 (port 0: any free one) and prints `<pid> <port>` once it does. */
const listen = `const s = require('node:net').createServer(); s.listen(0, '127.0.0.1', () => console.log(process.pid + ' ' + s.address().port));`;
/** Node code that starts `listen` in a grandchild sharing its output, then exits as soon as that one listens. */
const startListenerAndExit = `const c = require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(listen)}], { stdio: ['ignore', 'pipe', 'inherit'] }); c.stdout.once('data', (d) => { process.stdout.write(d); process.exit(0); });`;

const started: ChildProcess[] = [];
const groups: number[] = [];
const servers: Server[] = [];

afterEach(async () => {
  for (const child of started.splice(0)) child.kill('SIGKILL');
  for (const group of groups.splice(0)) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function listenHere(): Promise<number> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

/** Starts `code` in a child node process (its own process group when `detached`, as thap starts its processes). */
async function startChild(code: string, detached = false): Promise<{ child: ChildProcess; listenerPid: number; port: number }> {
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'], detached });
  started.push(child);
  if (detached) groups.push(child.pid as number);
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString()));
    child.once('error', reject);
  });
  const [listenerPid, port] = line.trim().split(' ').map(Number);
  return { child, listenerPid: listenerPid as number, port: port as number };
}

async function runDirWith(processes: Array<{ name: string; pid: number }>, ports: number[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'thap-leftovers-'));
  await writeFile(join(dir, 'run.json'), JSON.stringify({ status: 'completed', processes, ports }));
  return dir;
}

async function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => child.once('exit', resolve));
}

describe('listenerPids', () => {
  it('names the process that listens on a port, and nobody for a closed one', async () => {
    const here = await listenHere();
    const { child, port } = await startChild(listen);
    expect(listenerPids(here)).toEqual([process.pid]);
    expect(listenerPids(port)).toEqual([child.pid]);
    child.kill('SIGKILL');
    await exited(child);
    expect(listenerPids(port)).toEqual([]);
  });
});

describe('leftovers', () => {
  it("counts a port held by the run's process, not one a process outside the run took", async () => {
    const outside = await listenHere();
    const { child, port } = await startChild(listen);
    const runDir = await runDirWith([{ name: 'mocks', pid: child.pid as number }], [outside, port]);
    expect(await leftovers(runDir)).toEqual({ processes: [`mocks (${child.pid})`], ports: [port] });

    child.kill('SIGKILL');
    await exited(child);
    // The run's process is gone and its port free; the port held outside the run is still not the run's.
    expect(listenerPids(outside)).toEqual([process.pid]);
    expect(await leftovers(runDir)).toEqual({ processes: [], ports: [] });
  });

  it("counts a port held by a child of the run's process, also once that process has exited", async () => {
    const { child, listenerPid, port } = await startChild(startListenerAndExit, true);
    await exited(child);
    expect(listenerPid).not.toBe(child.pid);
    const runDir = await runDirWith([{ name: 'client', pid: child.pid as number }], [port]);
    expect(await leftovers(runDir)).toEqual({ processes: [], ports: [port] });
    // The same listener is not the leftover of a run that never started it.
    const otherRun = await runDirWith([{ name: 'client', pid: process.pid }], [port]);
    expect(await leftovers(otherRun)).toEqual({ processes: [`client (${process.pid})`], ports: [] });
  });
});
