import { Agent as HttpAgent, request } from 'node:http';
import { Agent } from 'undici';
import { callbackTarget } from '../mocks/callbacks/callbackTarget.ts';
import { postCallback } from '../mocks/callbacks/postCallback.ts';
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

/** What shipped before: node:http `request` with a keep-alive Agent. */
function viaNodeHttp(url: string): { send: Send; close(): void } {
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
function viaPostCallback(url: string): { send: Send; close(): void } {
  const dispatcher = new Agent({ connections: 64 });
  const target = callbackTarget(url);
  const send: Send = () => new Promise((resolve) => postCallback({ dispatcher, target, payload: body, headers, timeoutMs: 10_000, onDone: () => resolve() }));
  return { send, close: () => void dispatcher.destroy() };
}

/** CPU µs per callback of this process, `IN_FLIGHT` at a time, after a warm-up. */
async function measure(send: Send): Promise<{ cpuUsPerCallback: number; perSec: number }> {
  for (let i = 0; i < 500; i++) await send();
  let started = 0;
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const lane = async () => {
    while (started < COUNT) {
      started++;
      await send();
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  const used = process.cpuUsage(cpu);
  return { cpuUsPerCallback: (used.user + used.system) / COUNT, perSec: (COUNT * 1000) / (performance.now() - t0) };
}

/**
 * Issue 4: what one outgoing callback (ABDM on-share, payment webhook) costs the sender, alone: node:http with
 * a keep-alive Agent (before) against `postCallback` (undici dispatch, now), to a bare node:http receiver in
 * its own process. The in-place cost is in mocks-hot-writes (a route with and without its callback).
 */
const entry: BenchEntry = {
  name: 'mocks-callbacks',
  description: 'CPU per outgoing callback: node:http keep-alive (before) vs undici dispatch (postCallback, now)',
  async run() {
    const sink = await startServer('bare');
    const subjects = [
      { subject: 'node:http request + keep-alive Agent (before)', make: viaNodeHttp },
      { subject: 'postCallback: undici dispatch (now)', make: viaPostCallback },
    ];
    try {
      const rounds: Array<Map<string, { cpuUsPerCallback: number; perSec: number }>> = [];
      for (let round = 0; round < ROUNDS; round++) {
        const results = new Map<string, { cpuUsPerCallback: number; perSec: number }>();
        for (const { subject, make } of subjects) {
          const client = make(`${sink.url}/on-share`);
          try {
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
