import { ownString } from '../k6/ownString.ts';
import { LatencyHistogram } from '../latencyHistogram.ts';
import type { Breakdown } from '../reportSchema.ts';

interface RowCounts {
  requests: number;
  errors: number;
  latency: LatencyHistogram;
}

interface StepCounts extends RowCounts {
  done: number;
  queued: number;
  failed: number;
}

/** Errors beyond this many distinct (where, status, reason) keys are counted under `other` (a client echoing ids in its errors). */
const MAX_ERROR_KEYS = 200;

/**
 * Per-step and per-endpoint tables and the error breakdown (report.json `breakdown`), filled while k6.csv
 * (the client's answers, per journey step) and upstream.ndjson (NIC's answers, per endpoint) stream by once.
 */
export class BreakdownAccumulator {
  private readonly steps = new Map<string, StepCounts>();
  private readonly endpoints = new Map<string, RowCounts & { service: string; method: string; route: string; faulted: number }>();
  private readonly errors = new Map<string, { side: 'client' | 'nic'; where: string; status: number; reason: string; count: number }>();

  addRequest({ step, ok, durationMs, status, error }: { step: string; ok: boolean; durationMs: number; status: number; error?: string }): void {
    const row = this.stepOf(step);
    row.requests += 1;
    row.latency.add(durationMs);
    if (ok) return;
    row.errors += 1;
    this.addError({ side: 'client', where: step, status, reason: error || (status === 0 ? 'no answer' : `HTTP ${status}`) });
  }

  addOutcome(step: string, outcome: string | undefined): void {
    // As the phases count them: an answer outside the contract is a failure; a step blocked by an earlier one is not an answer.
    const answer = outcome === 'invalid' ? 'failed' : outcome;
    if (answer === 'done' || answer === 'queued' || answer === 'failed') this.stepOf(step)[answer] += 1;
  }

  addUpstream({ service, method, route, status, durationMs, fault }: { service: string; method: string; route: string; status: number; durationMs: number | undefined; fault: string | undefined }): void {
    const key = `${service} ${method} ${route}`;
    let row = this.endpoints.get(key);
    if (!row) {
      row = { service, method, route, requests: 0, errors: 0, faulted: 0, latency: new LatencyHistogram() };
      this.endpoints.set(key, row);
    }
    row.requests += 1;
    if (durationMs !== undefined) row.latency.add(durationMs);
    if (fault) row.faulted += 1;
    if (status >= 200 && status < 400) return;
    row.errors += 1;
    this.addError({ side: 'nic', where: key, status, reason: fault ? `fault ${fault}` : status === 0 ? 'no answer' : `HTTP ${status}` });
  }

  toBreakdown(): Breakdown {
    const latencyOf = (row: RowCounts) => ({ requests: row.requests, errors: row.errors, p50Ms: row.latency.quantile(0.5), p95Ms: row.latency.quantile(0.95), p99Ms: row.latency.quantile(0.99) });
    return {
      steps: [...this.steps].map(([step, row]) => ({ step, ...latencyOf(row), done: row.done, queued: row.queued, failed: row.failed })),
      endpoints: [...this.endpoints.values()].map((row) => ({ service: row.service, method: row.method, route: row.route, ...latencyOf(row), faulted: row.faulted })).sort((a, b) => b.requests - a.requests),
      errors: [...this.errors.values()].sort((a, b) => b.count - a.count),
    };
  }

  private stepOf(step: string): StepCounts {
    let row = this.steps.get(step);
    if (!row) {
      row = { requests: 0, errors: 0, done: 0, queued: 0, failed: 0, latency: new LatencyHistogram() };
      this.steps.set(ownString(step), row);
    }
    return row;
  }

  private addError(error: { side: 'client' | 'nic'; where: string; status: number; reason: string }): void {
    const key = `${error.side}\u0000${error.where}\u0000${error.status}\u0000${error.reason}`;
    const found = this.errors.get(key) ?? (this.errors.size < MAX_ERROR_KEYS ? undefined : this.errors.get('other'));
    if (found) found.count += 1;
    else if (this.errors.size < MAX_ERROR_KEYS) this.errors.set(ownString(key), { ...error, where: ownString(error.where), reason: ownString(error.reason), count: 1 });
    else this.errors.set('other', { side: error.side, where: 'other', status: 0, reason: 'other errors', count: 1 });
  }
}
