import type { NdjsonAppender } from '../ledger/ndjsonAppender.ts';
import type { ServiceName } from '../../src/contract/index.ts';
import type { Exchange } from './exchange.ts';

/** One line of `upstream.ndjson`: every request a mock received, whatever happened to it. */
export interface UpstreamRecord {
  t: number;
  service: ServiceName;
  clientId: string;
  method: string;
  path: string;
  route: string | null;
  status: number;
  durationMs: number;
  queuedMs: number;
  clientRef: string | null;
  idempotencyKey: string | null;
  fault: string | null;
  replay: boolean;
  retryAfterHonoured: boolean | null;
}

export function createUpstreamLogger(service: ServiceName, appender: NdjsonAppender) {
  if (!appender.enabled) return (): void => undefined;
  return (exchange: Exchange | undefined, summary: { method: string; path: string; status: number; clientId: string; receivedAt: number }): void => {
    const record: UpstreamRecord = {
      t: summary.receivedAt,
      service,
      clientId: summary.clientId,
      method: summary.method,
      path: summary.path,
      route: exchange?.route.path ?? null,
      status: summary.status,
      durationMs: Date.now() - summary.receivedAt,
      queuedMs: exchange?.outcome.queuedMs ?? 0,
      clientRef: exchange?.meta.clientRef ?? null,
      idempotencyKey: exchange?.meta.idempotencyKey ?? null,
      fault: exchange?.outcome.fault ?? null,
      replay: exchange?.outcome.idempotentReplay ?? false,
      retryAfterHonoured: exchange?.outcome.retryAfterHonoured ?? null,
    };
    appender.append(record);
  };
}
