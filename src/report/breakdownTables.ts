import type { Report } from '../scoring/index.ts';
import { fmtMs, fmtPct } from './format.ts';

/** A table of text cells any format can lay out: a title, column heads (numeric ones right-aligned), rows, a note. */
export interface TextTable {
  id: string;
  title: string;
  head: Array<{ text: string; numeric?: boolean }>;
  rows: string[][];
  note: string;
}

const count = (value: number) => value.toLocaleString('en-IN');
const share = (part: number, whole: number) => (whole > 0 ? fmtPct(part / whole) : '—');

/**
 * The per-step table (the client's journey steps: requests, errors, latency, answers), the per-endpoint table
 * (NIC endpoints the client called, every attempt) and the error breakdown by status and reason, from
 * report.json `breakdown`; none for a report without it (older runs).
 */
export function breakdownTables(report: Pick<Report, 'breakdown'>): TextTable[] {
  const b = report.breakdown;
  if (!b) return [];
  const tables: TextTable[] = [];
  tables.push({
    id: 'steps',
    title: 'Per journey step (the client)',
    head: [{ text: 'step' }, ...['requests', 'errors', 'error %', 'p50', 'p95', 'p99', 'done', 'queued', 'failed'].map((text) => ({ text, numeric: true }))],
    rows: b.steps.map((s) => [s.step, count(s.requests), count(s.errors), share(s.errors, s.requests), fmtMs(s.p50Ms), fmtMs(s.p95Ms), fmtMs(s.p99Ms), count(s.done), count(s.queued), count(s.failed)]),
    note: 'Requests k6 sent to the client per step over the whole run; errors are answers that were not 2xx/3xx (or none); done, queued and failed are the client\'s answers under the contract.',
  });
  if (b.endpoints.length > 0) {
    tables.push({
      id: 'endpoints',
      title: 'Per NIC endpoint (what the client sent to NIC)',
      head: [{ text: 'endpoint' }, ...['attempts', 'errors', 'error %', 'faulted', 'p50', 'p95', 'p99'].map((text) => ({ text, numeric: true }))],
      rows: b.endpoints.map((e) => [`${e.service} ${e.method} ${e.route}`, count(e.requests), count(e.errors), share(e.errors, e.requests), count(e.faulted), fmtMs(e.p50Ms), fmtMs(e.p95Ms), fmtMs(e.p99Ms)]),
      note: 'Every attempt the NIC mocks received (upstream.ndjson), retries included; faulted attempts are those a scenario fault acted on.',
    });
  }
  tables.push({
    id: 'errors',
    title: 'Errors by status and reason',
    head: [{ text: 'side' }, { text: 'where' }, { text: 'status', numeric: true }, { text: 'reason' }, { text: 'count', numeric: true }],
    rows: b.errors.map((e) => [e.side === 'client' ? 'client → k6' : 'NIC → client', e.where, e.status === 0 ? 'none' : String(e.status), e.reason, count(e.count)]),
    note: b.errors.length === 0 ? 'No errors: every request was answered 2xx/3xx.' : 'Status none: no answer came (a timeout or a refused connection, as k6 reports it).',
  });
  return tables;
}
