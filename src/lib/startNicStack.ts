import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../core/index.ts';
import { createMocksAdmin, faultRuntimes, type RemoveFault } from '../faults/index.ts';
import { knownFaultKinds } from '../scenario/index.ts';
import { checkProxiesForward, CleanupStack, ensureTool, proxyServices, startToxiproxy } from '../stack/index.ts';
import { startMocks, type LedgerEntry, type MocksConfig } from '../../mocks/index.ts';
import { serviceNames, type ServiceName } from '../contract/index.ts';

export interface StartNicStackOptions {
  /** Services to start; default all of serviceNames. */
  services?: ServiceName[];
  /** Seed of the mocks' random decisions (identifiers, app faults). */
  seed?: number;
  /** Where toxiproxy.log, ledger.ndjson and upstream.ndjson go; default a fresh temp directory. */
  runDir?: string;
  config?: MocksConfig;
  /** Toxiproxy server binary; else THAP_TOXIPROXY_PATH, PATH, the cache, or a build (docs/tools.md). */
  toxiproxyPath?: string;
  cacheDir?: string;
}

export interface AppliedFault {
  id: string;
  kind: string;
  service: ServiceName;
  /** The kind's one-line description, e.g. `latency 200 ms`. */
  describe: string;
  remove(): Promise<void>;
}

export interface NicStack {
  /** Base URL per service through Toxiproxy: give these to the system under test. */
  urls: Record<ServiceName, string>;
  /** Base URL per service of the mock itself (no faults): its `/__admin/*` API lives there. */
  directUrls: Record<ServiceName, string>;
  toxiproxyApiUrl: string;
  runDir: string;
  /**
   * Applies a fault by kind name (`down`, `latency`, `reset`, ...: `knownFaultKinds()`), with the kind's
   * settings (validated; e.g. `{ latencyMs: 200 }`). Unknown kinds or bad settings are UserErrors.
   */
  applyFault(args: { kind: string; service: ServiceName; settings?: Record<string, unknown>; id?: string }): Promise<AppliedFault>;
  /** Removes every fault still applied. */
  clearFaults(): Promise<void>;
  /** The mocks' ledger (every accepted write), optionally of one service or after a seq. */
  ledger(args?: { service?: ServiceName; since?: number; clientRef?: string }): Promise<LedgerEntry[]>;
  /** Removes faults, stops Toxiproxy and the mocks; throws if any step failed (after running them all). */
  stop(): Promise<void>;
}

/**
 * For users' own test suites (vitest, jest): the NIC mocks in this process and a real Toxiproxy server
 * in front of them, with faults by name and the ledger. See docs/library.md.
 */
export async function startNicStack(options: StartNicStackOptions = {}): Promise<NicStack> {
  const cleanup = new CleanupStack();
  const runDir = path.resolve(options.runDir ?? mkdtempSync(path.join(os.tmpdir(), 'thap-lib-')));
  const services = options.services ?? [...serviceNames];
  const applied = new Map<string, { fault: AppliedFault; undo: RemoveFault }>();
  let counter = 0;
  try {
    const binary = (await ensureTool({ name: 'toxiproxy', toxiproxyPath: options.toxiproxyPath, cacheDir: options.cacheDir })).path;
    const mocks = await startMocks({ services, seed: options.seed ?? 1, runDir, config: options.config });
    cleanup.defer('stop NIC mocks', () => mocks.close());
    const toxiproxy = await startToxiproxy({ binary, runDir, cleanup });
    const urls = (await proxyServices({ toxiproxy, upstreams: mocks.urls, cleanup })) as Record<ServiceName, string>;
    await checkProxiesForward({ proxied: urls });
    const admin = createMocksAdmin({ urls: mocks.urls });

    const clearFaults = async (): Promise<void> => {
      const failures: string[] = [];
      for (const [id, { undo }] of [...applied].reverse()) {
        await undo().catch((error: Error) => failures.push(`${id}: ${error.message}`));
        applied.delete(id);
      }
      if (failures.length) throw new UserError(`removing faults failed:\n  - ${failures.join('\n  - ')}`);
    };
    cleanup.defer('remove faults', clearFaults);

    const applyFault: NicStack['applyFault'] = async ({ kind, service, settings = {}, id }) => {
      const runtime = faultRuntimes.get(kind);
      if (!runtime) throw new UserError(`unknown fault kind "${kind}"; known: ${knownFaultKinds().join(', ')}`);
      if (!urls[service]) throw new UserError(`service "${service}" is not running; started: ${services.join(', ')}`);
      const parsed = runtime.config.settings.safeParse(settings) as { success: true; data: Record<string, unknown> } | { success: false; error: import('zod').ZodError };
      if (!parsed.success) {
        const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(settings)'}: ${issue.message}`);
        throw new UserError(`fault ${kind} on ${service}: invalid settings\n  - ${problems.join('\n  - ')}`);
      }
      // The kind's own schema has just validated these settings.
      const valid = parsed.data as Record<string, unknown>;
      const faultId = id ?? `lib-${kind}-${++counter}`;
      if (applied.has(faultId)) throw new UserError(`fault id "${faultId}" is already applied; remove it first or pick another id`);
      const undo = await runtime.apply({ toxiproxy: toxiproxy.control, mocks: admin, service, proxyName: service, faultId }, valid);
      const fault: AppliedFault = {
        id: faultId,
        kind,
        service,
        describe: runtime.config.describe(valid),
        remove: async () => {
          if (!applied.delete(faultId)) return;
          await undo();
        },
      };
      applied.set(faultId, { fault, undo });
      return fault;
    };

    const ledger: NicStack['ledger'] = async (filter = {}) => {
      const query = new URLSearchParams({ format: 'json' });
      if (filter.service) query.set('service', filter.service);
      if (filter.since !== undefined) query.set('since', String(filter.since));
      if (filter.clientRef) query.set('clientRef', filter.clientRef);
      const base = mocks.urls[services[0] as ServiceName];
      const response = await fetch(`${base}/__admin/ledger?${query}`, { signal: AbortSignal.timeout(5_000) });
      return (await response.json()) as LedgerEntry[];
    };

    const stop = async (): Promise<void> => {
      const failures = await cleanup.runAll();
      if (failures.length) throw new UserError(`stopping the NIC stack failed:\n  - ${failures.map((failure) => `${failure.label}: ${failure.error.message}`).join('\n  - ')}`);
    };
    return { urls, directUrls: mocks.urls, toxiproxyApiUrl: toxiproxy.apiUrl, runDir, applyFault, clearFaults, ledger, stop };
  } catch (error) {
    await cleanup.runAll();
    throw error;
  }
}
