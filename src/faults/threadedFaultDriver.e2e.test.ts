import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlannedFault } from '../scenario/plan.ts';
import { plannedFault } from '../../test/support/plannedFault.ts';
import { CleanupStack } from '../stack/cleanupStack.ts';
import { findFreePort } from '../stack/findFreePort.ts';
import { proxyServices, startToxiproxy, type RunningToxiproxy } from '../stack/startToxiproxy.ts';
import { ensureTools } from '../stack/tools/index.ts';
import type { FaultEvent } from './faultDriver.ts';
import { startFaultTimeline } from './startFaultTimeline.ts';
import { ThreadedFaultDriver } from './threadedFaultDriver.ts';

// The fault timeline in its worker thread against the real Toxiproxy: faults applied and removed on time,
// every fault removed when the run stops early, and timers that keep time while the main thread is blocked.
const cleanup = new CleanupStack();
let toxiproxy: RunningToxiproxy;

beforeAll(async () => {
  const tools = await ensureTools({});
  const runDir = await mkdtemp(join(tmpdir(), 'thap-fault-thread-'));
  const upstream: Server = createServer((_request, response) => response.end('ok'));
  const port = await findFreePort();
  await new Promise<void>((resolve) => upstream.listen(port, '127.0.0.1', resolve));
  cleanup.defer('stop upstream', () => new Promise<void>((resolve) => upstream.close(() => resolve())));
  toxiproxy = await startToxiproxy({ binary: tools.toxiproxy.path, runDir, cleanup });
  await proxyServices({ toxiproxy, upstreams: { ehospital: `http://127.0.0.1:${port}`, icmr: `http://127.0.0.1:${port}` }, cleanup });
}, 300_000);
afterAll(() => cleanup.runAll());

const fault = (overrides: Partial<PlannedFault>): PlannedFault => plannedFault(overrides);
const slow = (overrides: Partial<PlannedFault>) =>
  fault({ id: 'slow', kind: 'latency', service: 'icmr', settings: { latencyMs: 200, jitterMs: 0, stream: 'downstream', toxicity: 1 }, describe: 'icmr: +200 ms', ...overrides });

async function start(faults: PlannedFault[]) {
  const eventLog = join(await mkdtemp(join(tmpdir(), 'thap-fault-thread-')), 'faults.ndjson');
  const started = await startFaultTimeline({ faults, eventLog, toxiproxy: toxiproxy.control, mockUrls: {}, target: (planned) => ({ service: planned.service, proxyName: planned.service }) });
  cleanup.defer('stop fault thread', started.stop);
  return { ...started, eventLog };
}

/** What Toxiproxy says now: per proxy, enabled and its toxics' names. */
async function state(): Promise<Record<string, string>> {
  const proxies = await toxiproxy.control.listProxies();
  return Object.fromEntries(proxies.map((proxy) => [proxy.name, `${proxy.enabled ? 'enabled' : 'disabled'} [${proxy.toxics.map((toxic) => toxic.name).join(',')}]`]));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await sleep(10);
  }
}

describe('ThreadedFaultDriver (worker thread, real Toxiproxy)', () => {
  it('applies and removes each fault at its time, tracks the active ones and logs planned and actual times', async () => {
    const { timeline, eventLog } = await start([fault({ startWallMs: 100, endWallMs: 600 }), slow({ startWallMs: 100, endWallMs: 300 })]);
    expect(timeline).toBeInstanceOf(ThreadedFaultDriver);
    const t0 = Date.now();
    timeline.schedule(t0);
    await until(() => timeline.activeFaults().length === 2);
    expect(await state()).toEqual({ ehospital: 'disabled []', icmr: 'enabled [thap-slow]' });
    await until(() => timeline.activeFaults().length === 0);
    expect(await state()).toEqual({ ehospital: 'enabled []', icmr: 'enabled []' });
    await timeline.removeAll('load finished');
    const logged = (await readFile(eventLog, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as FaultEvent);
    expect(logged.map((event) => `${event.faultId} ${event.action} ${event.ok}`).sort()).toEqual(['f1 apply true', 'f1 remove true', 'slow apply true', 'slow remove true']);
    expect(timeline.events).toEqual(logged);
    const apply = logged.find((event) => event.faultId === 'f1' && event.action === 'apply')!;
    expect(apply.plannedAt).toBe(t0 + 100);
    expect(apply.driftMs).toBe(apply.actualAt - apply.plannedAt);
    expect(logged.find((event) => event.faultId === 'f1' && event.action === 'remove')!.plannedAt).toBe(t0 + 600);
  });

  it('removes active faults and cancels the rest when the run stops early, then ends the thread', async () => {
    // `later` is due after `until`'s 5 s bound, so on a loaded machine it is still pending when the run stops.
    const { timeline } = await start([fault({ startWallMs: 0, endWallMs: 60_000 }), slow({ startWallMs: 0, endWallMs: 60_000 }), fault({ id: 'later', startWallMs: 6_000, endWallMs: 6_500 })]);
    const t0 = Date.now();
    timeline.schedule(t0);
    await until(() => timeline.activeFaults().length === 2);
    await timeline.removeAll('interrupted by SIGINT');
    expect(timeline.activeFaults()).toEqual([]);
    expect(await state()).toEqual({ ehospital: 'enabled []', icmr: 'enabled []' });
    expect(timeline.events.filter((event) => event.action === 'remove').map((event) => `${event.faultId} ${event.ok} ${event.reason}`).sort()).toEqual([
      'f1 true interrupted by SIGINT',
      'slow true interrupted by SIGINT',
    ]);
    // Asking again (the clean-up does) is answered by the first removal, not by a dead thread.
    await timeline.removeAll('run stopped');
    await sleep(Math.max(0, t0 + 6_700 - Date.now()));
    expect(timeline.events.some((event) => event.faultId === 'later')).toBe(false);
    expect(await state()).toEqual({ ehospital: 'enabled []', icmr: 'enabled []' });
  });

  it('starts a fault on time while the main thread is blocked', async () => {
    const { timeline } = await start([fault({ startWallMs: 100, endWallMs: 60_000 })]);
    const t0 = Date.now();
    timeline.schedule(t0);
    // Block this thread well past the fault's start: an in-thread timer could not fire before t0 + 600.
    while (Date.now() < t0 + 600) {
      /* busy */
    }
    await until(() => timeline.activeFaults().length === 1);
    const apply = timeline.events[0]!;
    expect(apply.plannedAt).toBe(t0 + 100);
    expect(apply.actualAt).toBeLessThan(t0 + 450);
    await timeline.removeAll('test over');
    expect(await state()).toEqual({ ehospital: 'enabled []', icmr: 'enabled []' });
  });

  it('says which faults may be left when the thread is gone before it could remove them', async () => {
    const { timeline } = await start([fault({ startWallMs: 0, endWallMs: 60_000 })]);
    timeline.schedule(Date.now());
    await until(() => timeline.activeFaults().length === 1);
    await (timeline as ThreadedFaultDriver).terminate();
    await expect(timeline.removeAll('run stopped')).rejects.toThrow(/fault worker thread exited with code \d+ before it could remove the active faults \(run stopped\); faults possibly still applied: f1/);
    await toxiproxy.control.setEnabled('ehospital', true);
  });
});
