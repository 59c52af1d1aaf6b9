import { formatDuration } from '../scenario/index.ts';

/** How long k6 lets a scenario's last iterations finish: one request timeout and a second, at most 30 s. */
export function gracefulStop(requestTimeoutMs: number): string {
  return formatDuration(Math.min(requestTimeoutMs + 1_000, 30_000));
}
