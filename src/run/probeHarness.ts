import { performance } from 'node:perf_hooks';
import type { HarnessProcess } from '../scoring/index.ts';

/** One line of harness.ndjson: one probe of one harness process (docs/run-directory.md). */
export interface HarnessProbe {
  /** Wall epoch ms the probe started. */
  t: number;
  target: HarnessProcess;
  ok: boolean;
  latencyMs?: number;
  /** The mocks' own event-loop delay p99 over their last second, as their admin health route reports it. */
  eventLoopP99Ms?: number;
  error?: string;
}

/**
 * Probes one harness process over HTTP once: a 2xx within `timeoutMs` is ok, with its latency (and, from the
 * mocks' health route, their event-loop delay); anything else says why in a few words (ECONNREFUSED,
 * `no answer within 1000 ms`, `answered 503`).
 */
export async function probeHarness({ target, url, timeoutMs, now = Date.now }: { target: HarnessProcess; url: string; timeoutMs: number; now?: () => number }): Promise<HarnessProbe> {
  const t = now();
  const started = performance.now();
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    if (!response.ok) return { t, target, ok: false, latencyMs, error: `answered ${response.status}` };
    const delay = eventLoopDelayOf(text);
    return { t, target, ok: true, latencyMs, ...(delay === undefined ? {} : { eventLoopP99Ms: delay }) };
  } catch (error) {
    return { t, target, ok: false, error: whyFailed(error as Error, timeoutMs) };
  }
}

function eventLoopDelayOf(body: string): number | undefined {
  try {
    const value = (JSON.parse(body) as { eventLoopP99Ms?: unknown }).eventLoopP99Ms;
    return typeof value === 'number' ? value : undefined;
  } catch {
    return undefined;
  }
}

function whyFailed(error: Error, timeoutMs: number): string {
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const cause = error.cause as NodeJS.ErrnoException | undefined;
  return cause?.code ?? cause?.message ?? error.message;
}
