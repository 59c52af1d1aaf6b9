import type { SampleRecord } from './sampleRecord.ts';

// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON must escape
const needsEscape = /["\\\u0000-\u001f\u2028\u2029]/;

function str(value: string): string {
  return needsEscape.test(value) ? JSON.stringify(value) : `"${value}"`;
}

/**
 * `JSON.stringify(record)` for a sample record, byte for byte (a test holds it to that), written out for
 * speed: a template over the fixed field order is ~3x faster than the generic serializer on Node 20, which
 * is what keeps two million samples a few seconds' work.
 */
export function sampleToJsonLine(r: SampleRecord): string {
  return (
    `{"id":${str(r.id)},"profile":${str(r.profile)},"name":${str(r.name)},"gender":${str(r.gender)},"age":${r.age},` +
    `"mobile":${str(r.mobile)},"district":${str(r.district)},"pin":${str(r.pin)},"testType":${str(r.testType)},` +
    `"specimen":${str(r.specimen)},"srfCreateSimMs":${r.srfCreateSimMs},"srfCreateWallMs":${r.srfCreateWallMs},` +
    `"consignmentId":${str(r.consignmentId)},"consignmentSimMs":${r.consignmentSimMs},"resultUploadSimMs":${r.resultUploadSimMs}}`
  );
}
