import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { PlannedFault } from '../scenario/plan.ts';
import { plannedFault } from '../../test/support/plannedFault.ts';
import type { FaultContext } from './faultRuntime.ts';
import { FaultDriver, type FaultEvent } from './faultDriver.ts';
import type { ToxiproxyControl } from './network/toxiproxyControl.ts';

function fakeToxiproxy(calls: string[], { failEnable = false } = {}): ToxiproxyControl {
  let received = 0;
  return {
    createProxy: async () => undefined,
    setEnabled: async (name, enabled) => {
      if (enabled && failEnable) throw new Error('toxiproxy unreachable');
      calls.push(`${name} enabled=${enabled}`);
    },
    addToxic: async (name, toxic) => void calls.push(`${name} +${toxic.type}:${toxic.name}`),
    removeToxic: async (name, toxic) => void calls.push(`${name} -${toxic}`),
    removeProxy: async () => undefined,
    listProxies: async () => [],
    // Each reading finds 100 more bytes through every proxy.
    receivedBytes: async () => ({ ehospital: (received += 100) }),
  };
}

const fault = (overrides: Partial<PlannedFault>): PlannedFault => plannedFault({ startWallMs: 20, endWallMs: 60, ...overrides });

async function driver(faults: PlannedFault[], toxiproxy: ToxiproxyControl) {
  const eventLog = join(await mkdtemp(join(tmpdir(), 'thap-faults-')), 'faults.ndjson');
  const context = (planned: PlannedFault): FaultContext => ({
    toxiproxy,
    mocks: { addFault: async () => 'x', removeFault: async () => ({ hits: 3 }), listFaults: async () => [] },
    service: planned.service,
    proxyName: planned.service,
    faultId: planned.id,
  });
  return { eventLog, driver: new FaultDriver({ faults, context, eventLog }) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('FaultDriver', () => {
  it('applies and removes each fault at its planned time and logs planned and actual times', async () => {
    const calls: string[] = [];
    const { driver: faults, eventLog } = await driver(
      [fault({ startWallMs: 150, endWallMs: 300 }), fault({ id: 'slow', kind: 'latency', settings: { latencyMs: 200, jitterMs: 0, stream: 'downstream', toxicity: 1 }, startWallMs: 10, endWallMs: 80 })],
      fakeToxiproxy(calls),
    );
    const t0 = Date.now();
    faults.schedule(t0);
    await sleep(220);
    expect(faults.activeFaults().map((active) => active.id)).toEqual(['f1']);
    await sleep(250);
    expect(calls).toEqual(['ehospital +latency:thap-slow', 'ehospital -thap-slow', 'ehospital enabled=false', 'ehospital enabled=true']);
    const events = (await readFile(eventLog, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as FaultEvent);
    expect(events.map((event) => `${event.faultId} ${event.action} ${event.ok}`)).toEqual(['slow apply true', 'slow remove true', 'f1 apply true', 'f1 remove true']);
    // A remove line says what the fault touched: the latency toxic's proxy carried bytes; a disabled proxy has none to count.
    expect(events.filter((event) => event.action === 'remove').map((event) => event.bytes)).toEqual([100, null]);
    const first = events[0] as FaultEvent;
    expect(first.plannedAt).toBe(t0 + 10);
    expect(first.driftMs).toBe(first.actualAt - first.plannedAt);
    expect(Math.abs(first.driftMs)).toBeLessThan(1_000);
  });

  it('removes active faults and cancels future ones when the run stops early', async () => {
    const calls: string[] = [];
    const { driver: faults } = await driver([fault({ startWallMs: 0, endWallMs: 10_000 }), fault({ id: 'later', startWallMs: 5_000, endWallMs: 6_000 })], fakeToxiproxy(calls));
    faults.schedule(Date.now());
    await sleep(20);
    await faults.removeAll('interrupted');
    expect(calls).toEqual(['ehospital enabled=false', 'ehospital enabled=true']);
    expect(faults.events.at(-1)).toMatchObject({ faultId: 'f1', action: 'remove', ok: true, reason: 'interrupted' });
    expect(faults.activeFaults()).toEqual([]);
  });

  it('removes, with the run\'s reason, a fault whose apply was still in flight when the run stopped', async () => {
    const calls: string[] = [];
    const toxiproxy = fakeToxiproxy(calls);
    const setEnabled = toxiproxy.setEnabled;
    // Disabling the proxy takes 100 ms, so removeAll arrives while the apply is in flight.
    toxiproxy.setEnabled = async (name, enabled) => {
      if (!enabled) await sleep(100);
      return setEnabled(name, enabled);
    };
    const { driver: faults } = await driver([fault({ startWallMs: 0, endWallMs: 10_000 })], toxiproxy);
    faults.schedule(Date.now());
    await sleep(20);
    await faults.removeAll('interrupted');
    expect(calls).toEqual(['ehospital enabled=false', 'ehospital enabled=true']);
    expect(faults.events.map((event) => `${event.action} ${event.ok} ${event.reason ?? ''}`.trim())).toEqual(['apply true', 'remove true interrupted']);
    expect(faults.activeFaults()).toEqual([]);
  });

  it('logs a removal that fails instead of losing it', async () => {
    const calls: string[] = [];
    const { driver: faults } = await driver([fault({ startWallMs: 0, endWallMs: 10 })], fakeToxiproxy(calls, { failEnable: true }));
    faults.schedule(Date.now());
    // Polled, not slept: on a loaded machine the removal 10 ms after the apply can come much later.
    await expect.poll(() => faults.events.map((event) => `${event.action} ${event.ok} ${event.error ?? ''}`.trim())).toEqual(['apply true', 'remove false toxiproxy unreachable']);
  });

  it('waits for a fault planned further ahead than a timer holds (2^31 - 1 ms) instead of applying it at once', async () => {
    vi.useFakeTimers();
    try {
      const calls: string[] = [];
      const later = 2 ** 31 + 5_000;
      const { driver: faults } = await driver([fault({ startWallMs: later, endWallMs: later + 1_000 })], fakeToxiproxy(calls));
      faults.schedule(Date.now());
      await vi.advanceTimersByTimeAsync(10);
      expect(calls).toEqual([]);
      await vi.advanceTimersByTimeAsync(later - 10 - 1);
      expect(calls).toEqual([]);
      await vi.advanceTimersByTimeAsync(2);
      expect(calls).toEqual(['ehospital enabled=false']);
      await faults.removeAll('test over');
    } finally {
      vi.useRealTimers();
    }
  });
});
