import { describe, expect, it } from 'vitest';
import { validateScenario } from '../scenario/loadScenario.ts';
import { uniformOf } from './assignRegions.ts';
import { buildLoad } from './buildLoad.ts';
import { describePlan } from '../scenario/plan.ts';
import { planRun } from './planRun.ts';
import { prepareK6, k6ScriptEnv } from './prepareK6.ts';

const scenario = (seed: number, regions?: Array<{ name: string; share: number }>) =>
  validateScenario({
    raw: {
      name: 'regions',
      seed,
      client: { command: ['node', 'client.js'], ...(regions ? { regions } : {}) },
      services: { icmr: {} },
      clock: { start: '08:00', duration: '16h', speed: 600 },
      traffic: [{ kind: 'profile', profile: 'T4', count: 4000, batchSize: 20 }],
    },
    file: 'test.yaml',
  });
const twoRegions = [{ name: 'lucknow', share: 0.7 }, { name: 'tirupati', share: 0.3 }];

describe('assignRegions (through buildLoad)', () => {
  it('splits the visits by share, the same for the same seed and differently for another', () => {
    const load = buildLoad(scenario(8, twoRegions));
    const total = Object.values(load.series).reduce((sum, entries) => sum + (entries?.length ?? 0), 0);
    expect(load.regions!.lucknow! + load.regions!.tirupati!).toBe(total);
    // Samples go by consignment (20 a batch), so the split is coarser than per visit.
    expect(load.regions!.tirupati! / total).toBeGreaterThan(0.2);
    expect(load.regions!.tirupati! / total).toBeLessThan(0.4);
    const regionsOf = (seed: number) => Object.values(buildLoad(scenario(seed, twoRegions)).series).flatMap((entries) => (entries ?? []).map((entry) => entry.region));
    expect(regionsOf(8)).toEqual(regionsOf(8));
    expect(regionsOf(9)).not.toEqual(regionsOf(8));
  });

  it('draws evenly for keys that differ only in their last characters (sequential consignment ids)', () => {
    const draws = Array.from({ length: 2_000 }, (_, index) => uniformOf(`808:cn-${String(index + 1).padStart(6, '0')}`));
    for (const cut of [0.1, 0.3, 0.7]) {
      const below = draws.filter((draw) => draw < cut).length / draws.length;
      expect(Math.abs(below - cut), `share below ${cut}`).toBeLessThan(0.04);
    }
  });

  it('keeps a consignment, its SRFs and their results in one region', () => {
    const load = buildLoad(scenario(8, twoRegions));
    const regionOfSample = new Map((load.series.srf ?? []).map((entry) => [entry.entity, entry.region]));
    expect(load.series.consignment?.length).toBeGreaterThan(0);
    for (const consignment of load.series.consignment ?? []) {
      for (const sample of consignment.batch ?? []) expect(regionOfSample.get(sample), sample).toBe(consignment.region);
    }
    for (const result of load.series.result ?? []) expect(result.region).toBe(regionOfSample.get(result.entity));
  });

  it('adds nothing without regions: no region on any visit, no region targets', () => {
    const load = buildLoad(scenario(8));
    expect(load.regions).toBeUndefined();
    expect(Object.values(load.series).flat().some((entry) => entry && 'region' in entry)).toBe(false);
    expect(k6ScriptEnv({ target: 'http://127.0.0.1:1', requestTimeoutMs: 1_000 }).THAP_TARGETS).toBe('{}');
    expect(k6ScriptEnv({ target: 'http://127.0.0.1:1', requestTimeoutMs: 1_000, regionTargets: { a: 'http://127.0.0.1:2' } }).THAP_TARGETS).toBe('{"a":"http://127.0.0.1:2"}');
  });

  it('writes each visit\'s region into the data k6 replays', () => {
    const prepared = prepareK6({ scenario: scenario(8, twoRegions) });
    const srf = JSON.parse(prepared.dataFiles['visits-srf.json'] as string) as Array<{ region?: string }>;
    expect(new Set(srf.map((entry) => entry.region))).toEqual(new Set(['lucknow', 'tirupati']));
  });

  it('shows the visits per region in the dry-run plan, and nothing of regions without them', () => {
    const { plan, load } = planRun(scenario(8, twoRegions));
    expect(plan.traffic.visitsByRegion).toEqual(load.regions);
    expect(describePlan(plan)).toContain(`regions  lucknow ${load.regions!.lucknow}, tirupati ${load.regions!.tirupati} (one client and one proxy per service each)`);
    const single = planRun(scenario(8)).plan;
    expect(single.traffic).not.toHaveProperty('visitsByRegion');
    expect(describePlan(single).some((line) => line.startsWith('regions'))).toBe(false);
  });
});
