import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Load } from '../../src/load/buildLoad.ts';
import { nicServiceOfStep, scenarioPeaks, servicePeaks, trafficToContractStep } from './scenarioPeak.ts';

describe('servicePeaks', () => {
  it('counts each step at its visit start plus the think times before it, per service and wall second', () => {
    const load: Pick<Load, 'series'> = {
      series: {
        registration: [
          // register at 0, fee at 400 (second 0), token at 1,100 (second 1); lookup makes no NIC call.
          { entity: 'P1', simMs: 0, wallMs: 0, steps: [{ name: 'lookup', thinkMs: 0 }, { name: 'register', thinkMs: 0 }, { name: 'fee', thinkMs: 400 }, { name: 'token', thinkMs: 700 }] },
          // revisit at 900, fee at 950: both second 0.
          { entity: 'P2', simMs: 0, wallMs: 900, steps: [{ name: 'revisit', thinkMs: 0 }, { name: 'fee', thinkMs: 50 }] },
        ],
        srf: [{ entity: 'S1', simMs: 0, wallMs: 1_500, steps: [{ name: 'srf-create', thinkMs: 0 }] }],
        consignment: [{ entity: 'C1', simMs: 0, wallMs: 1_999, steps: [{ name: 'consignment', thinkMs: 0 }] }],
        result: [{ entity: 'S1', simMs: 0, wallMs: 2_000, steps: [{ name: 'result-upload', thinkMs: 0 }] }],
      },
    };
    expect(servicePeaks({ load })).toEqual({
      ehospital: { peakPerSec: 4, atSec: 0, total: 5 },
      icmr: { peakPerSec: 2, atSec: 1, total: 3 },
    });
  });

  it('maps traffic steps to the contract steps the k6 script sends, and lookup to no NIC call', () => {
    expect(trafficToContractStep).toMatchObject({ revisit: 'register', 'fee-reconcile': 'fee', collection: 'collectSample', 'srf-create': 'createSrf' });
    expect(nicServiceOfStep('lookup')).toBeUndefined();
    expect(nicServiceOfStep('collection')).toBe('ehospital');
    expect(nicServiceOfStep('consignment')).toBe('icmr');
  });
});

describe('scenarioPeaks', () => {
  it('plans each scenario file and keeps, per service, the heaviest second and its scenario', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'thap-peak-'));
    const scenario = (name: string, rate: number, speed: number) =>
      `name: ${name}\nseed: 1\nclient:\n  command: [node, x.js]\nservices:\n  ehospital: {}\nclock:\n  start: "09:00"\n  duration: 1m\n  speed: ${speed}\ntraffic:\n  - kind: constant\n    journey: opd-registration\n    ratePerSecond: ${rate}\n`;
    // 0.5/s x speed 60 = 30 registrations per wall second; 2/s x 10 = 20.
    await writeFile(join(dir, 'a.yaml'), scenario('a', 0.5, 60));
    await writeFile(join(dir, 'b.yaml'), scenario('b', 2, 10));
    const peaks = await scenarioPeaks(dir);
    expect(peaks.ehospital).toMatchObject({ peakPerSec: 30, scenario: 'a.yaml', speed: 60 });
    expect(peaks.icmr).toBeUndefined();
  });
});
