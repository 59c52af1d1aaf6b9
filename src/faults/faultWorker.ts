/**
 * Worker-thread entry of the threaded fault driver (src/faults/threadedFaultDriver.ts): runs the ordinary
 * FaultDriver here, on an event loop of its own, so that the timers that start and end faults do not wait
 * behind the main thread's work (progress, the harness endpoint, GC). Talks to Toxiproxy and the mocks'
 * admin API itself and posts each logged event back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Toxiproxy } from 'toxiproxy-node-client';
import { withTimeout } from '../util/index.ts';
import { createMocksAdmin } from './app/mocksAdmin.ts';
import { FaultDriver } from './faultDriver.ts';
import type { FaultWorkerData, FromFaultWorker, ToFaultWorker } from './faultWorkerData.ts';
import { createToxiproxyControl } from './network/toxiproxyControl.ts';

const port = parentPort;
if (!port) throw new Error('src/faults/faultWorker.ts runs only as a worker thread (see threadedFaultDriver.ts)');
const data = workerData as FaultWorkerData;
const post = (message: FromFaultWorker) => port.postMessage(message);

const toxiproxy = createToxiproxyControl(data.toxiproxy);
const mocks = createMocksAdmin({ urls: data.mockUrls });
const driver = new FaultDriver({
  faults: data.faults,
  eventLog: data.eventLog,
  context: (fault) => ({ toxiproxy, mocks, ...(data.targets[fault.id] ?? { service: fault.service, proxyName: fault.service }), faultId: fault.id }),
  onEvent: (event) => post({ type: 'event', event }),
});

// Warm up before saying ready: the first fetch in a thread loads Node's HTTP client and opens a connection,
// which on a CPU-starved machine made the first fault of each run 70-140 ms late (docs/harness-performance.md).
// Reads only: the proxies and the mocks' fault lists the timeline will touch.
const client = new Toxiproxy(data.toxiproxy.apiUrl);
// Bounded: a warm-up that fails or stalls only means the first fault starts colder.
const warm = (what: Promise<unknown>) => withTimeout(what, 3_000, 'fault thread warm-up').catch(() => undefined);
const network = data.faults.filter((fault) => fault.layer === 'network');
const proxies = new Set(network.map((fault) => data.targets[fault.id]?.proxyName ?? fault.service));
const appServices = new Set(data.faults.filter((fault) => fault.layer === 'app').map((fault) => fault.service));
await warm(toxiproxy.listProxies());
await Promise.all([...[...proxies].map((name) => warm(client.get(name))), ...[...appServices].map((service) => warm(mocks.listFaults(service)))]);

port.on('message', (message: ToFaultWorker) => {
  if (message.type === 'schedule') driver.schedule(message.t0);
  else
    void driver.removeAll(message.reason).then(
      () => post({ type: 'removedAll' }),
      (error: unknown) => post({ type: 'removedAll', error: (error as Error).message }),
    );
});
post({ type: 'ready' });
