import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generatePatients, iteratePatients } from './generatePatients.ts';
import { upDistricts } from '../tables/upDistricts.ts';
import { UserError } from '../../core/index.ts';
import { hasAbhaAccount } from '../../../mocks/abdm/abhaAccount.ts';

const districtByName = new Map(upDistricts.map((d) => [d.name, d]));

function ageOn(dob: string, reference: string): number {
  const [by, bm, bd] = dob.split('-').map(Number) as [number, number, number];
  const [ry, rm, rd] = reference.split('-').map(Number) as [number, number, number];
  return ry - by - (rm < bm || (rm === bm && rd < bd) ? 1 : 0);
}

describe('generatePatients', () => {
  const patients = generatePatients({ seed: 7, count: 3000 });

  it('makes identities in the formats of identities.md', () => {
    for (const p of patients) {
      expect(p.id).toMatch(/^pt-\d{6,}$/);
      expect(p.mobile).toMatch(/^\+91[6-9]\d{9}$/);
      expect(p.pin).toMatch(/^2[0-8]\d{4}$/);
      const district = districtByName.get(p.district);
      expect(district, p.district).toBeDefined();
      expect(Number(p.pin)).toBeGreaterThanOrEqual(district!.pinMin);
      expect(Number(p.pin)).toBeLessThanOrEqual(district!.pinMax);
      expect(district!.division).toBe(p.division);
      expect(ageOn(p.dob, '2026-02-02')).toBe(p.age);
      if (p.abhaNumber !== undefined) {
        expect(p.abhaNumber).toMatch(/^\d{2}-\d{4}-\d{4}-\d{4}$/);
        expect(p.abhaAddress).toMatch(/^[a-z]+\.[0-9a-z]+@sbx$/);
      } else {
        expect(p.abhaAddress).toBeUndefined();
      }
      if (p.department === 'obstetrics-gynaecology') expect(p.gender).toBe('female');
      if (p.department === 'paediatrics') expect(p.age).toBeLessThanOrEqual(14);
      expect(p.name).not.toMatch(/\b(DDS|MD|PhD|Jr|Sr)\b/);
    }
  });

  it('gives no two patients the same id, ABHA number or ABHA address', () => {
    for (const key of ['id', 'abhaNumber', 'abhaAddress'] as const) {
      const values = patients.map((p) => p[key]).filter((v) => v !== undefined);
      expect(new Set(values).size, key).toBe(values.length);
    }
  });

  it("draws only ABHA numbers the ABDM mock has an account for, so Scan and Share never meets ABDM-1114", () => {
    const numbers = patients.flatMap((p) => (p.abhaNumber === undefined ? [] : [p.abhaNumber]));
    expect(numbers.length).toBeGreaterThan(1000);
    expect(numbers.filter((number) => !hasAbhaAccount(number))).toEqual([]);
  });

  it('uses the UP surnames faker lacks', () => {
    const surnames = new Set(patients.map((p) => p.name.split(' ').at(-1)));
    for (const s of ['Yadav', 'Srivastava', 'Tiwari', 'Maurya', 'Ansari', 'Kumar', 'Chauhan']) expect(surnames).toContain(s);
  });

  it('is the same for the same seed, different for another, and independent of chunking', () => {
    expect(generatePatients({ seed: 7, count: 50 })).toEqual(patients.slice(0, 50));
    expect(generatePatients({ seed: 8, count: 50 })).not.toEqual(patients.slice(0, 50));
    const chunked = [...iteratePatients({ seed: 7, count: 1500, startIndex: 1000 })];
    expect(chunked).toEqual(patients.slice(1000, 2500));
  });

  it('pins the bytes of seed 42 (changing the draw order changes this hash on purpose)', () => {
    const text = generatePatients({ seed: 42, count: 2000 }).map((p) => JSON.stringify(p)).join('\n');
    expect(createHash('sha256').update(text).digest('hex')).toMatchInlineSnapshot(`"24cd88203fd2fdbdad4cd911124f5adf69a3ccffe59cfc088bbe00a6f2a193ba"`);
  });

  it('rejects counts and indexes it cannot use, naming the field', () => {
    expect(() => generatePatients({ seed: 1, count: -1 })).toThrow(UserError);
    expect(() => generatePatients({ seed: 1, count: 1.5 })).toThrow(/count must be a whole number/);
    expect(() => generatePatients({ seed: 1.2, count: 1 })).toThrow(/seed must be a whole number/);
    expect(() => generatePatients({ seed: 1, count: 1, startIndex: -3 })).toThrow(/startIndex/);
  });
});
