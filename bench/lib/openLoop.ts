import { Agent, request } from 'node:http';

export interface OpenLoopResult {
  sent: number;
  ok: number;
  errors: number;
  achievedRps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * An open-loop load generator: starts requests at a fixed rate whatever the answers do (like k6's
 * constant-arrival-rate), and measures each latency from its scheduled start, so a stalled server cannot
 * hide its queueing (no coordinated omission). Keep-alive connections, as a client system would use.
 */
export async function runOpenLoop(args: { url: string; body: string; headers?: Record<string, string>; ratePerSec: number; durationSec: number }): Promise<OpenLoopResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const target = new URL(args.url);
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;
  const total = Math.round(args.ratePerSec * args.durationSec);
  const intervalMs = 1000 / args.ratePerSec;
  const started = performance.now();
  const inFlight: Array<Promise<void>> = [];
  const fire = (scheduledAt: number) =>
    new Promise<void>((resolve) => {
      const req = request(
        { host: target.hostname, port: target.port, path: target.pathname + target.search, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(args.body), ...args.headers } },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - scheduledAt);
            if (res.statusCode !== undefined && res.statusCode < 400) ok++;
            else errors++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(args.body);
    });
  let next = 0;
  while (next < total) {
    const now = performance.now() - started;
    while (next < total && next * intervalMs <= now) {
      inFlight.push(fire(started + next * intervalMs));
      next++;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next * intervalMs - (performance.now() - started))));
  }
  await Promise.all(inFlight);
  const elapsedSec = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { sent: total, ok, errors, achievedRps: total / elapsedSec, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: latencies[latencies.length - 1] ?? NaN };
}
