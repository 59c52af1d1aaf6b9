import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { planTraffic } from './planTraffic.ts';
import { iteratePatientRecords } from './iteratePatientRecords.ts';
import { iterateSampleRecords } from '../samples/iterateSampleRecords.ts';
import { generatePatients } from '../population/generatePatients.ts';

function hash(records: Iterable<object>): string {
  const h = createHash('sha256');
  for (const r of records) h.update(`${JSON.stringify(r)}\n`);
  return h.digest('hex');
}

describe('determinism', () => {
  it('pins the bytes of T1 (2,000 patients, seed 42) and T4 (5,000 samples, seed 42)', () => {
    expect(hash(iteratePatientRecords(planTraffic({ seed: 42, parts: [{ profile: 'T1', count: 2000 }] })))).toMatchInlineSnapshot(`"4d97112ae4fba5d32caf60596dca885dece41e4449d8ca82db60de025d0b2ff8"`);
    expect(hash(iterateSampleRecords(planTraffic({ seed: 42, parts: [{ profile: 'T4', count: 5000 }] })))).toMatchInlineSnapshot(`"29dd35772c790efb40e4f0a949e3f830a51163657daefd6c868d957a7c4df489"`);
  });

  it('gives the same bytes twice and other bytes for another seed', () => {
    const a = hash(iteratePatientRecords(planTraffic({ seed: 5, parts: [{ profile: 'T2' }, { profile: 'T5' }] })));
    const b = hash(iteratePatientRecords(planTraffic({ seed: 5, parts: [{ profile: 'T2' }, { profile: 'T5' }] })));
    const c = hash(iteratePatientRecords(planTraffic({ seed: 6, parts: [{ profile: 'T2' }, { profile: 'T5' }] })));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('draws the same person for patient i in a plan as generatePatients does', () => {
    const records = [...iteratePatientRecords(planTraffic({ seed: 9, parts: [{ profile: 'T1', count: 700 }, { profile: 'T5', count: 500 }] }))];
    const people = generatePatients({ seed: 9, count: 1200 });
    for (const r of records) {
      const p = people[Number(r.id.slice(3)) - 1]!;
      expect({ name: r.name, mobile: r.mobile, pin: r.pin, abha: r.abhaNumber }).toEqual({ name: p.name, mobile: p.mobile, pin: p.pin, abha: p.abhaNumber });
    }
    expect(records.filter((r) => r.profile === 'T5').every((r) => r.journey === 'back-entry')).toBe(true);
  });

  it('leaves T1 as it was when T5 is appended to the plan', () => {
    const alone = [...iteratePatientRecords(planTraffic({ seed: 8, parts: [{ profile: 'T1', count: 1500 }] }))];
    const combined = [...iteratePatientRecords(planTraffic({ seed: 8, parts: [{ profile: 'T1', count: 1500 }, { profile: 'T5', count: 400 }] }))];
    expect(combined).toHaveLength(1900);
    expect(combined.filter((r) => r.profile === 'T1')).toEqual(alone);
  });

  it('keeps both clocks: wall = (sim - start) / speed', () => {
    const plan = planTraffic({ seed: 1, parts: [{ profile: 'T3', count: 300 }], speed: 60 });
    expect(plan.clock).toEqual({ date: '2026-02-02', speed: 60, startSim: 0 });
    for (const r of iteratePatientRecords(plan)) expect(r.arrivalWallMs).toBe(Math.round(r.arrivalSimMs / 60));
  });
});
