import type { IncomingMessage, ServerResponse } from 'node:http';
import { writeJson } from '../http/writeResponse.ts';
import type { Ledger } from '../ledger/ledger.ts';
import type { ServiceName } from '../../src/contract/index.ts';
import { eventLoopP99Ms } from './eventLoopDelay.ts';
import { filterLedger } from './ledgerQuery.ts';

export interface AdminDeps {
  service: ServiceName;
  ledger: Ledger;
  routes: () => Array<{ method: string; path: string; summary: string; write: boolean }>;
  /** Extra admin routes (faults, clients); return false when the path is not theirs. */
  extra?: (req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams, body: string) => boolean | Promise<boolean>;
}

/**
 * The admin API every service port answers (docs/nic-mocks.md "Admin API"):
 * `GET /__admin/health` (with the process's event-loop delay p99 over the last second), `GET /__admin/ledger` (NDJSON; `?format=json` for a JSON array), `GET /__admin/routes`.
 */
export function createAdminStage(deps: AdminDeps) {
  return async (req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams, body: string): Promise<boolean> => {
    const method = req.method ?? 'GET';
    if (method === 'GET' && path === '/__admin/health') {
      // The harness monitor reads the mocks' own event-loop delay here: a slow machine, not a slow client.
      writeJson(res, 200, { ok: true, service: deps.service, eventLoopP99Ms: eventLoopP99Ms() });
      return true;
    }
    if (method === 'GET' && path === '/__admin/ledger') {
      const entries = filterLedger(deps.ledger.entries, query);
      if (query.get('format') === 'json') writeJson(res, 200, entries);
      else {
        const text = entries.map((entry) => JSON.stringify(entry)).join('\n') + (entries.length ? '\n' : '');
        res.writeHead(200, { 'content-type': 'application/x-ndjson', 'content-length': String(Buffer.byteLength(text)) });
        res.end(text);
      }
      return true;
    }
    if (method === 'GET' && path === '/__admin/routes') {
      writeJson(res, 200, deps.routes());
      return true;
    }
    if (deps.extra && (await deps.extra(req, res, path, query, body))) return true;
    writeJson(res, 404, { error: { code: 'no_admin_route', service: deps.service, message: `no admin route ${method} ${path}; known: GET /__admin/health, GET /__admin/ledger, GET /__admin/routes, GET|POST|DELETE /__admin/faults, GET /__admin/clients, GET|POST /__admin/clock` } });
    return true;
  };
}
