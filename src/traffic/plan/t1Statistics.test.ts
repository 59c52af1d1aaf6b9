import { describe, expect, it } from 'vitest';
import { planTraffic } from './planTraffic.ts';
import { iteratePatientRecords } from './iteratePatientRecords.ts';
import { t1OpdWeekday } from '../profiles/t1OpdWeekday.ts';
import { departments } from '../tables/departments.ts';
import type { PatientRecord } from '../journeys/patientRecord.ts';

const msPerHour = 3_600_000;

function percent(part: number, whole: number): number {
  return (100 * part) / whole;
}

describe.each([1, 2, 3])('T1 at 8,000 patients, seed %i', (seed) => {
  const records: PatientRecord[] = [...iteratePatientRecords(planTraffic({ seed, parts: [{ profile: 'T1', count: 8000 }] }))];

  it('has 8,000 patients in arrival order', () => {
    expect(records).toHaveLength(8000);
    for (let i = 1; i < records.length; i += 1) expect(records[i]!.arrivalSimMs).toBeGreaterThanOrEqual(records[i - 1]!.arrivalSimMs);
  });

  it('puts each hour within 1.5 points of the profile (traffic.md T1)', () => {
    for (const segment of t1OpdWeekday.segments) {
      const inSegment = records.filter((r) => r.arrivalSimMs >= segment.fromHour * msPerHour && r.arrivalSimMs < segment.toHour * msPerHour).length;
      expect(Math.abs(percent(inSegment, records.length) - segment.percent), `${segment.fromHour}-${segment.toHour}`).toBeLessThanOrEqual(1.5);
    }
  });

  it('keeps new/follow-up at 35/65 and the department mix within 2 points', () => {
    const fresh = records.filter((r) => r.visitType === 'new').length;
    expect(Math.abs(percent(fresh, records.length) - 35)).toBeLessThanOrEqual(2);
    for (const department of departments) {
      const n = records.filter((r) => r.department === department.name).length;
      expect(Math.abs(percent(n, records.length) - department.percent), department.name).toBeLessThanOrEqual(2);
    }
  });

  it('uses only UP PINs (20-28) and no identifier twice', () => {
    for (const r of records) expect(r.pin, r.id).toMatch(/^2[0-8]\d{4}$/);
    for (const key of ['id', 'abhaNumber', 'abhaAddress'] as const) {
      const values = records.map((r) => r[key]).filter((v) => v !== undefined);
      expect(new Set(values).size, key).toBe(values.length);
    }
  });

  it('orders each journey: lookup, register, fee, token, lab order, barcode, collection 60-120 min after registration, report later', () => {
    let withTests = 0;
    for (const r of records) {
      expect(r.registerSimMs).toBeGreaterThan(r.arrivalSimMs);
      expect(r.feeSimMs).toBeGreaterThan(r.registerSimMs);
      expect(r.tokenSimMs!).toBeGreaterThan(r.feeSimMs);
      expect(r.lookups).toBeGreaterThanOrEqual(1);
      expect(r.lookups).toBeLessThanOrEqual(3);
      if (r.labOrderSimMs === null) continue;
      withTests += 1;
      expect(r.barcodeSimMs!).toBeGreaterThan(r.labOrderSimMs);
      expect(r.collectionSimMs!).toBeGreaterThan(r.barcodeSimMs!);
      expect(r.collectionSimMs! - r.registerSimMs).toBeGreaterThanOrEqual(60 * 60_000);
      expect(r.reportSimMs!).toBeGreaterThan(r.collectionSimMs!);
      expect(r.tests).not.toBe('');
    }
    expect(Math.abs(percent(withTests, records.length) - 85)).toBeLessThanOrEqual(2); // T1: 85% get test orders
  });
});
