import { readFileSync } from 'node:fs';
import { Agent as HttpAgent, request } from 'node:http';
import { Agent } from 'undici';
import { callbackTarget } from '../mocks/callbacks/callbackTarget.ts';
import { postCallback } from '../mocks/callbacks/postCallback.ts';
import { WorkerPoster } from '../mocks/callbacks/workerPoster.ts';
import { median } from './lib/median.ts';
import { startServer } from './lib/startServer.ts';
import type { BenchEntry, BenchRow } from './types.ts';

/** Callbacks per subject per round (BENCH_CALLBACKS), 32 in flight; paired rounds (BENCH_ROUNDS, default 3). */
const COUNT = Number(process.env.BENCH_CALLBACKS ?? 20_000);
const IN_FLIGHT = 32;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** An ABDM on-share body and headers, as `mocks/abdm/routes/share.ts` sends them. */
const body = JSON.stringify({
  requestId: '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d',
  response: { requestId: '3fa85f64-5717-4562-b3fc-2c963f66afa6' },
  context: { hipId: 'KGMU-HIP', counterId: 'C1', abhaAddress: 'sita.maurya@sbx' },
  tokenNumber: '12',
  expiry: '2024-05-01T10:30:00.000Z',
  profile: { name: 'Sita Maurya', gender: 'F', yearOfBirth: 1990, mobile: '9876500001', abhaNumber: '91-1234-5678-9012' },
});
const headers = { 'REQUEST-ID': '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d', TIMESTAMP: '2024-05-01T10:00:00.000Z', 'X-CM-ID': 'sbx' };

type Send = () => Promise<void>;
type Client = { send: Send; warm?(): Promise<void>; close(): void };

/** What shipped before: node:http `request` with a keep-alive Agent. */
function viaNodeHttp(url: string): Client {
  const agent = new HttpAgent({ keepAlive: true, maxSockets: 64 });
  const target = new URL(url);
  const send: Send = () =>
    new Promise((resolve) => {
      const req = request(target, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers }, timeout: 10_000 }, (res) => {
        res.resume();
        res.on('end', resolve);
        res.on('error', resolve);
      });
      req.on('error', () => resolve());
      req.end(body);
    });
  return { send, close: () => agent.destroy() };
}

/** What ships: `postCallback` (undici `dispatch` with a bare handler) through an undici Agent. */
function viaPostCallback(url: string): Client {
  const dispatcher = new Agent({ connections: 64 });
  const target = callbackTarget(url);
  const send: Send = () => new Promise((resolve) => postCallback({ dispatcher, target, payload: body, headers, timeoutMs: 10_000, onDone: () => resolve() }));
  return { send, close: () => void dispatcher.destroy() };
}

/** Handed over to a worker thread (WorkerPoster, what ships): the same `postCallback` runs there. */
function viaWorker(url: string): Client {
  const poster = new WorkerPoster(10_000);
  const target = callbackTarget(url);
  const send: Send = () => new Promise((resolve) => poster.post({ target, payload: body, headers, onDone: () => resolve() }));
  return { send, warm: () => poster.warm(), close: () => void poster.close() };
}

/** CPU time (ms) of this process's main thread alone (/proc/self/task/PID/stat; Linux): a worker thread's share is not in it. */
function mainThreadCpuMs(): number {
  const text = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) / 100) * 1000; // USER_HZ ticks
}

type Measured = { cpuUsPerCallback: number; mainCpuUsPerCallback: number; perSec: number };

/** CPU µs per callback of this process (all threads) and of its main thread, `IN_FLIGHT` at a time, after a warm-up. */
async function measure(send: Send): Promise<Measured> {
  for (let i = 0; i < 500; i++) await send();
  let started = 0;
  const cpu = process.cpuUsage();
  const main = mainThreadCpuMs();
  const t0 = performance.now();
  const lane = async () => {
    while (started < COUNT) {
      started++;
      await send();
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  const used = process.cpuUsage(cpu);
  return { cpuUsPerCallback: (used.user + used.system) / COUNT, mainCpuUsPerCallback: ((mainThreadCpuMs() - main) * 1000) / COUNT, perSec: (COUNT * 1000) / (performance.now() - t0) };
}

/**
 * Issue 4: what one outgoing callback (ABDM on-share, payment webhook) costs the sender, alone: node:http with
 * a keep-alive Agent (before), `postCallback` (undici dispatch) in this thread, and `postCallback` in a
 * worker thread that this thread hands each callback to (WorkerPoster, what ships), to a bare node:http
 * receiver in its own process. `mainCpuUsPerCallback` is this (the serving) thread's share alone. The in-place cost is in mocks-hot-writes (a route with and without its callback).
 */
const entry: BenchEntry = {
  name: 'mocks-callbacks',
  description: 'CPU per outgoing callback: node:http keep-alive (before), undici dispatch (postCallback, inline), handed to a worker thread (now)',
  async run() {
    const sink = await startServer('bare');
    const subjects = [
      { subject: 'node:http request + keep-alive Agent (before)', make: viaNodeHttp },
      { subject: 'postCallback: undici dispatch (inline)', make: viaPostCallback },
      { subject: 'WorkerPoster: handed to a worker thread running postCallback (now)', make: viaWorker },
    ];
    try {
      const rounds: Array<Map<string, Measured>> = [];
      for (let round = 0; round < ROUNDS; round++) {
        const results = new Map<string, Measured>();
        for (const { subject, make } of subjects) {
          const client = make(`${sink.url}/on-share`);
          try {
            await client.warm?.();
            results.set(subject, await measure(client.send));
          } finally {
            client.close();
          }
        }
        rounds.push(results);
      }
      const before = subjects[0]!.subject;
      return subjects.map(({ subject }): BenchRow => ({
        entry: 'mocks-callbacks',
        subject,
        metrics: {
          cpuUsPerCallback: median(rounds.map((r) => r.get(subject)!.cpuUsPerCallback)),
          mainCpuUsPerCallback: median(rounds.map((r) => r.get(subject)!.mainCpuUsPerCallback)),
          callbacksPerSec: median(rounds.map((r) => r.get(subject)!.perSec)),
          cpuRatioToBefore: median(rounds.map((r) => r.get(subject)!.cpuUsPerCallback / r.get(before)!.cpuUsPerCallback)),
        },
      }));
    } finally {
      await sink.stop();
    }
  },
};
export default entry;
