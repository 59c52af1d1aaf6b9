import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface WrkResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  socketErrors: number;
}

/** The wrk binary: THAP_WRK_PATH, else `wrk` on PATH (`.ci/run` apt-gets it; /usr/bin/wrk here). */
export function wrkPath(): string {
  return process.env.THAP_WRK_PATH ?? 'wrk';
}

/**
 * Runs wrk (closed loop: `connections` keep-alive connections, each sending the next request as soon as the
 * last is answered) against one URL with a fixed method, body and headers, and parses its summary.
 */
export async function runWrk(args: {
  url: string;
  method?: string;
  body?: string;
  headers?: Record<string, string>;
  durationSec?: number;
  connections?: number;
  threads?: number;
}): Promise<WrkResult> {
  const dir = await mkdtemp(join(tmpdir(), 'thap-wrk-'));
  try {
    const script = join(dir, 'request.lua');
    const headerLines = Object.entries({ 'Content-Type': 'application/json', ...args.headers }).map(([name, value]) => `wrk.headers[${lua(name)}] = ${lua(value)}`);
    await writeFile(script, [`wrk.method = ${lua(args.method ?? 'POST')}`, ...(args.body ? [`wrk.body = ${lua(args.body)}`] : []), ...headerLines].join('\n'));
    const { stdout } = await run(
      wrkPath(),
      ['-t', String(args.threads ?? 1), '-c', String(args.connections ?? 32), '-d', `${args.durationSec ?? 5}s`, '--latency', '-s', script, args.url],
      { timeout: ((args.durationSec ?? 5) + 30) * 1000 },
    );
    return parseWrk(stdout);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Parses wrk's text summary (with --latency). */
export function parseWrk(text: string): WrkResult {
  const number = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? NaN);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  return {
    rps: number(/Requests\/sec:\s+([\d.]+)/),
    p50Ms: latencyMs(/^\s+50%\s+([\d.]+)(us|ms|s)\s*$/m.exec(text)),
    p99Ms: latencyMs(/^\s+99%\s+([\d.]+)(us|ms|s)\s*$/m.exec(text)),
    requests: number(/(\d+) requests in/),
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(text)?.[1] ?? 0),
    socketErrors: socket ? socket.slice(1).reduce((sum, value) => sum + Number(value), 0) : 0,
  };
}

function latencyMs(match: RegExpExecArray | null): number {
  if (!match) return NaN;
  const value = Number(match[1]);
  return match[2] === 'us' ? value / 1000 : match[2] === 's' ? value * 1000 : value;
}

function lua(value: string): string {
  return JSON.stringify(value);
}
