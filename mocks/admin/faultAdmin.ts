import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallbackSender } from '../callbacks/callbackSender.ts';
import type { RetryAfterTracker } from '../capacity/retryAfterTracker.ts';
import type { FaultStore } from '../faults/faultStore.ts';
import { parseFault } from '../faults/parseFault.ts';
import { faultKinds } from '../faults/registry.ts';
import type { ActiveFault } from '../faults/types.ts';
import { writeJson } from '../http/writeResponse.ts';
import { isServiceName, type ServiceName } from '../../src/contract/index.ts';

/**
 * `POST/GET/DELETE /__admin/faults`, `GET /__admin/fault-kinds`, `GET /__admin/clients`,
 * `GET /__admin/callbacks` (docs/nic-mocks.md "Admin API").
 */
export function createFaultAdmin(deps: { service: ServiceName; faults: FaultStore; retryAfter: RetryAfterTracker; callbacks: CallbackSender }) {
  const { service, faults } = deps;
  return (req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams, body: string): boolean => {
    const method = req.method ?? 'GET';
    const serviceFilter = query.get('service');
    const only = serviceFilter && isServiceName(serviceFilter) ? serviceFilter : undefined;
    if (path === '/__admin/faults' && method === 'POST') {
      let data: unknown;
      try {
        data = JSON.parse(body);
      } catch (error) {
        writeJson(res, 400, { error: { code: 'invalid_body', service, message: 'malformed JSON body', fields: [{ path: '(root)', message: (error as Error).message }] } });
        return true;
      }
      const parsed = parseFault(data, service);
      if (!parsed.ok) {
        writeJson(res, 400, { error: { code: 'invalid_fault', service, message: 'invalid fault', fields: parsed.fields } });
        return true;
      }
      writeJson(res, 201, view(faults.add(parsed.fault)));
      return true;
    }
    if (path === '/__admin/faults' && method === 'GET') {
      writeJson(res, 200, faults.list(only).map(view));
      return true;
    }
    if (path === '/__admin/faults' && method === 'DELETE') {
      writeJson(res, 200, { removed: faults.clear(only) });
      return true;
    }
    if (path.startsWith('/__admin/faults/') && method === 'DELETE') {
      const id = decodeURIComponent(path.slice('/__admin/faults/'.length));
      const removed = faults.remove(id);
      // The requests it acted on while it was set: the fault driver logs them (faults.ndjson `hits`).
      if (removed) writeJson(res, 200, { removed: 1, hits: removed.hits });
      else writeJson(res, 404, { error: { code: 'no_fault', service, message: `no fault with id ${JSON.stringify(id)}; set: ${faults.list().map((f) => f.id).join(', ') || '(none)'}` } });
      return true;
    }
    if (path === '/__admin/fault-kinds' && method === 'GET') {
      writeJson(res, 200, [...faultKinds.values()].map((kind) => ({ kind: kind.kind, summary: kind.summary })));
      return true;
    }
    if (path === '/__admin/clients' && method === 'GET') {
      writeJson(res, 200, deps.retryAfter.list());
      return true;
    }
    if (path === '/__admin/callbacks' && method === 'GET') {
      writeJson(res, 200, deps.callbacks.records.filter((record) => !only || record.service === only));
      return true;
    }
    return false;
  };
}

function view(fault: ActiveFault) {
  return { id: fault.id, kind: fault.kind, target: fault.target, rate: fault.rate, settings: fault.settings, description: fault.description, createdAt: fault.createdAt, hits: fault.hits };
}
