import type { Plan } from '../scenario/plan.ts';
import { formatDuration } from '../scenario/duration.ts';

/** k6 scenario names and exported functions per journey. */
export const journeyExec: Record<string, string> = { 'opd-registration': 'opdRegistration' };

/**
 * The k6 options for a plan: one open-model `constant-arrival-rate` scenario per traffic entry, so a slow
 * client does not quietly reduce the offered load (what could not start shows as dropped_iterations).
 * VUs: enough for the rate at ~1 s per request, and up to 20 s worth before iterations are dropped.
 */
export function k6Options(plan: Plan, { requestTimeoutMs }: { requestTimeoutMs: number }): Record<string, unknown> {
  const scenarios: Record<string, unknown> = {};
  for (const traffic of plan.traffic) {
    const rate = traffic.ratePerSecondWall;
    // Rates below 1/s are expressed per minute so that k6 keeps them exact.
    const perMinute = rate < 1;
    scenarios[traffic.journey] = {
      executor: 'constant-arrival-rate',
      exec: journeyExec[traffic.journey],
      rate: perMinute ? Math.round(rate * 60) : Math.round(rate),
      timeUnit: perMinute ? '1m' : '1s',
      duration: formatDuration(plan.clock.wallDurationMs),
      preAllocatedVUs: Math.max(5, Math.ceil(rate)),
      maxVUs: Math.max(50, Math.ceil(rate * Math.max(2, requestTimeoutMs / 1_000))),
      gracefulStop: formatDuration(Math.min(requestTimeoutMs + 1_000, 30_000)),
    };
  }
  return {
    scenarios,
    setupTimeout: '30s',
    summaryTrendStats: ['avg', 'p(50)', 'p(95)', 'p(99)', 'max'],
    // The beacon and other harness requests are tagged `thap-*`; the client's answers are what is measured.
    discardResponseBodies: false,
  };
}
