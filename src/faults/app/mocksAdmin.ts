import { HarnessError } from '../../core/index.ts';

/** The mocks' admin API as the fault driver uses it (docs/nic-mocks.md, "Admin API"). */
export interface MocksAdmin {
  /** Sets an application fault on a service; `spec` is the mocks' fault body; returns the fault's id. */
  addFault(service: string, spec: Record<string, unknown>): Promise<string>;
  /** Removes an application fault; resolves with the requests it acted on while set (the mocks' count). */
  removeFault(service: string, id: string): Promise<{ hits: number }>;
  listFaults(service: string): Promise<Array<{ id: string }>>;
}

/** The mocks' incident clock as the run starts it (docs/nic-mocks.md "Incident clock"). */
export interface MocksClockAdmin {
  /** Tells the mocks their incident clock started `elapsedMs` ago (`POST /__admin/clock`: a segmented clock's mocks). */
  startClock(service: string, elapsedMs: number): Promise<void>;
}

/** Talks to each service's `/__admin/faults` directly (not through Toxiproxy), with a timeout per call. */
export function createMocksAdmin({ urls, timeoutMs = 3_000 }: { urls: Record<string, string>; timeoutMs?: number }): MocksAdmin & MocksClockAdmin {
  const call = async (service: string, method: string, path: string, body?: unknown): Promise<unknown> => {
    const base = urls[service];
    if (!base) throw new HarnessError(`no NIC mock is running for service "${service}"`);
    const response = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    }).catch((error: Error) => {
      throw new HarnessError(`mocks admin ${method} ${base}${path} failed: ${error.message}`, { cause: error });
    });
    const text = await response.text();
    if (!response.ok) throw new HarnessError(`mocks admin ${method} ${base}${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  };
  return {
    addFault: async (service, spec) => {
      const created = (await call(service, 'POST', '/__admin/faults', spec)) as { id: string };
      return created.id;
    },
    removeFault: async (service, id) => {
      const removed = (await call(service, 'DELETE', `/__admin/faults/${encodeURIComponent(id)}`)) as { hits?: unknown } | undefined;
      if (typeof removed?.hits !== 'number') throw new HarnessError(`mocks admin DELETE ${urls[service]}/__admin/faults/${id} did not say how many requests the fault hit`);
      return { hits: removed.hits };
    },
    listFaults: async (service) => {
      const listed = (await call(service, 'GET', '/__admin/faults')) as { faults?: Array<{ id: string }> } | Array<{ id: string }>;
      return Array.isArray(listed) ? listed : (listed.faults ?? []);
    },
    startClock: async (service, elapsedMs) => {
      await call(service, 'POST', '/__admin/clock', { elapsedMs });
    },
  };
}
