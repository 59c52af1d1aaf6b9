import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createToxiproxyControl } from '../../faults/index.ts';
import { type ExternalRun, probesOf } from '../../run/index.ts';
import { directClientPort, directMockPorts, regionProxyName, toxiproxyApiPort } from '../../stack/index.ts';
import { regionLayout } from '../regionLayout.ts';

/** The stack as the conductor reaches it: Toxiproxy's API, each mock's own URL (admin API), the client. */
export interface RemoteStack {
  toxiproxyApi: string;
  mockUrls: Record<string, string>;
  clientUrl: string;
  /** Where the mocks write ledger.ndjson and upstream.ndjson (the stack pod's /results/mocks). */
  mocksDir: string;
  /** With client regions: each region's client (instead of `clientUrl`), behind proxies named `<service>-<region>`. */
  regions?: Array<{ region: string; clientUrl: string }>;
}

/** The files of the mocks a run directory takes (the mocks write them where THAP_RUN_DIR points). */
const MOCK_FILES = ['ledger.ndjson', 'upstream.ndjson'] as const;

/**
 * The mocks' ledger appender flushes every 200 ms (mocks/ledger/ndjsonAppender.ts); the stack pod's mocks keep
 * running after the run, so the conductor waits a little more than that before taking their files.
 */
const LEDGER_FLUSH_WAIT_MS = 1_000;

/** The stack pod's URLs from its Service (src/k8s/stackObjects.ts), for the services and client regions the scenario has. */
export function stackPodUrls({ stackHost, services, regions }: { stackHost: string; services: string[]; regions?: ReadonlyArray<{ name: string }> }): Omit<RemoteStack, 'mocksDir'> {
  const known = services.filter((service): service is keyof typeof directMockPorts => service in directMockPorts);
  const places = regions ? regionLayout(regions) : [];
  return {
    toxiproxyApi: `http://${stackHost}:${toxiproxyApiPort}`,
    mockUrls: Object.fromEntries(known.map((service) => [service, `http://${stackHost}:${directMockPorts[service]}`])),
    clientUrl: places[0] ? `http://${stackHost}:${places[0].directClientPort}` : `http://${stackHost}:${directClientPort}`,
    ...(places.length > 0 ? { regions: places.map((place) => ({ region: place.region, clientUrl: `http://${stackHost}:${place.directClientPort}` })) } : {}),
  };
}

/**
 * A stack thap did not start, as a run's stack handle: faults go to its Toxiproxy (proxies named by service, as
 * the stack pod's toxiproxy.json names them) and its mocks' admin API; the harness monitor probes both. When the
 * run's processes stop, the mocks' ledger and upstream log are copied into the run directory for scoring.
 */
export function remoteStack(stack: RemoteStack): ExternalRun['stack'] {
  return async ({ runDir, cleanup, log }) => {
    log(`stack: Toxiproxy ${stack.toxiproxyApi}; NIC mocks ${Object.entries(stack.mockUrls).map(([name, url]) => `${name} ${url}`).join(', ')}; client ${stack.clientUrl}`);
    cleanup.defer('take the mocks ledger', async () => {
      await sleep(LEDGER_FLUSH_WAIT_MS);
      for (const name of MOCK_FILES) {
        await copyFile(join(stack.mocksDir, name), join(runDir, name)).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
          log(`stack: no ${name} in ${stack.mocksDir}`);
        });
      }
    });
    const regions = stack.regions ?? [];
    return {
      toxiproxy: createToxiproxyControl({ apiUrl: stack.toxiproxyApi }),
      mockUrls: stack.mockUrls,
      clientUrl: stack.clientUrl,
      clients: regions.length > 0 ? regions.map(({ region, clientUrl }) => ({ region, url: clientUrl })) : [{ url: stack.clientUrl }],
      ...(regions.length > 0
        ? { regionProxies: Object.fromEntries(regions.map(({ region }) => [region, Object.fromEntries(Object.keys(stack.mockUrls).map((service) => [service, regionProxyName({ service, region })]))])) }
        : {}),
      harness: { probes: probesOf({ toxiproxyApiUrl: stack.toxiproxyApi, mockUrls: stack.mockUrls }), ends: [] },
    };
  };
}
