import { describe, expect, it } from 'vitest';
import { planTraffic } from '../plan/planTraffic.ts';
import { iterateSampleRecords } from './iterateSampleRecords.ts';
import { sampleToJsonLine } from './sampleToJsonLine.ts';
import type { SampleRecord } from './sampleRecord.ts';
import { sampleTests } from '../journeys/labTests.ts';
import { profiles } from '../profiles/registry.ts';

const h = 3_600_000;

describe('T4 samples', () => {
  const records: SampleRecord[] = [...iterateSampleRecords(planTraffic({ seed: 4, parts: [{ profile: 'T4' }] }))];

  it('has 20,000 SRFs [28], 85% created 08:00-17:00, in creation order', () => {
    expect(records).toHaveLength(20_000);
    const day = records.filter((r) => r.srfCreateSimMs >= 8 * h && r.srfCreateSimMs < 17 * h).length;
    expect(Math.abs((100 * day) / records.length - 85)).toBeLessThanOrEqual(1.5);
    for (let i = 1; i < records.length; i += 1) expect(records[i]!.srfCreateSimMs).toBeGreaterThanOrEqual(records[i - 1]!.srfCreateSimMs);
  });

  it('batches consignments of 100 in 19:00-01:00, 60% of them 20:00-24:00, after their SRFs; results within 24 h', () => {
    const batches = new Map<string, SampleRecord[]>();
    for (const r of records) batches.set(r.consignmentId, [...(batches.get(r.consignmentId) ?? []), r]);
    expect(batches.size).toBe(200);
    let evening = 0;
    for (const batch of batches.values()) {
      expect(batch).toHaveLength(100);
      const at = batch[0]!.consignmentSimMs;
      expect(batch.every((r) => r.consignmentSimMs === at && r.srfCreateSimMs < at)).toBe(true);
      if (at >= 20 * h && at < 24 * h) evening += 1;
    }
    expect(Math.abs((100 * evening) / batches.size - 60)).toBeLessThanOrEqual(10);
    for (const r of records) {
      expect(r.resultUploadSimMs - r.consignmentSimMs).toBeGreaterThanOrEqual(4 * h);
      expect(r.resultUploadSimMs - r.consignmentSimMs).toBeLessThanOrEqual(24 * h);
      expect(r.pin).toMatch(/^2[0-8]\d{4}$/);
      expect(r.mobile).toMatch(/^\+91[6-9]\d{9}$/);
    }
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
  });

  it('serialises each record exactly as JSON.stringify does', () => {
    for (const r of records.slice(0, 2000)) expect(sampleToJsonLine(r)).toBe(JSON.stringify(r));
    const odd = { ...records[0]!, name: 'A "quoted" \\ name\n', district: 'Tab\there' };
    expect(sampleToJsonLine(odd)).toBe(JSON.stringify(odd));
    const fixed = [...sampleTests.flatMap((t) => [t.name, t.specimen]), ...profiles.map((p) => p.name)];
    for (const text of fixed) expect(JSON.stringify(text)).toBe(`"${text}"`);
  });
});
