import { Pool } from 'undici';
import { postCallback } from '../../mocks/callbacks/postCallback.ts';

export interface OpenLoopResult {
  sent: number;
  ok: number;
  errors: number;
  achievedRps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /**
   * p99 of how late the generator itself sent a request after its scheduled time. Near 0 when the generator
   * keeps up; when it grows, the load tool (not the server) is short of CPU and the latencies say little.
   */
  sendLagP99Ms: number;
}

/**
 * An open-loop load generator: starts requests at a fixed rate whatever the answers do (like k6's
 * constant-arrival-rate, or wrk2), and measures each latency from its scheduled start, so a stalled server
 * cannot hide its queueing (no coordinated omission). Keep-alive connections (up to `connections`, default
 * 256), as a client system would use. Requests go through the mocks' own bare undici `dispatch` (`postCallback`, which sends JSON): it costs the
 * generator about half the CPU of node:http per request (docs/mocks-performance.md, "Callbacks"), which
 * matters when generator and server share two cores.
 */
export async function runOpenLoop(args: { url: string; body: string; headers?: Record<string, string>; ratePerSec: number; durationSec: number; connections?: number }): Promise<OpenLoopResult> {
  const target = new URL(args.url);
  const pool = new Pool(target.origin, { connections: args.connections ?? 256, pipelining: 1 });
  const latencies: number[] = [];
  const lags: number[] = [];
  let ok = 0;
  let errors = 0;
  const total = Math.round(args.ratePerSec * args.durationSec);
  const intervalMs = 1000 / args.ratePerSec;
  const headers = args.headers ?? {};
  const path = target.pathname + target.search;
  let pending = total;
  let allDone!: () => void;
  const finished = new Promise<void>((resolve) => (allDone = resolve));
  const settle = () => {
    if (--pending === 0) allDone();
  };
  const fire = (scheduledAt: number) =>
    postCallback({
      dispatcher: pool,
      target: { origin: target.origin, path },
      payload: args.body,
      headers,
      timeoutMs: 30_000,
      onDone: ({ status, error }) => {
        latencies.push(performance.now() - scheduledAt);
        if (error !== null || status === null || status >= 400) errors++;
        else ok++;
        settle();
      },
    });
  const started = performance.now();
  let next = 0;
  while (next < total) {
    const now = performance.now();
    while (next < total && started + next * intervalMs <= now) {
      const scheduledAt = started + next * intervalMs;
      lags.push(now - scheduledAt);
      fire(scheduledAt);
      next++;
    }
    if (next < total) await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + next * intervalMs - performance.now())));
  }
  if (total > 0) await finished;
  const elapsedSec = (performance.now() - started) / 1000;
  await pool.destroy();
  const at = (values: number[], q: number) => {
    values.sort((a, b) => a - b);
    return values[Math.min(values.length - 1, Math.floor(q * values.length))] ?? NaN;
  };
  const p50Ms = at(latencies, 0.5);
  return { sent: total, ok, errors, achievedRps: total / elapsedSec, p50Ms, p99Ms: at(latencies, 0.99), maxMs: latencies[latencies.length - 1] ?? NaN, sendLagP99Ms: at(lags, 0.99) };
}
