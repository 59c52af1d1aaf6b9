import { trafficLabCode } from '../../../src/contract/index.ts';
/**
 * How the reference clients name things to NIC, as a real HMIS/LIS keeps its own mapping tables.
 * Hospital test names (src/traffic/journeys/labTests.ts) -> e-Hospital test codes (mocks/ehospital/fees.ts).
 * Names with no NIC code are sent upper-cased (`ESR`) and NIC decides.
 */
const testCodes: Record<string, string> = {
  CBC: 'CBC',
  LFT: 'LFT',
  KFT: 'KFT',
  'lipid-profile': 'LIPID',
  'thyroid-profile': 'TSH',
  HbA1c: 'HBA1C',
  'urine-routine': 'URINE_RE',
  'x-ray-chest': 'XRAY_CHEST',
  'blood-sugar': 'BLOOD_SUGAR',
  'serum-electrolytes': 'SERUM_ELECTROLYTES',
  ESR: 'ESR',
};

export function nicTestCode(name: string): string {
  return testCodes[name] ?? name.toUpperCase().replace(/[^A-Z0-9]+/g, '_').slice(0, 20);
}

/** Collection-centre specimen names -> the ICMR portal's list (mocks/icmr/schemas.ts). */
export function icmrSpecimen(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (lower.startsWith('nasopharyngeal')) return 'nasopharyngeal';
  if (lower.startsWith('oropharyngeal') || lower.startsWith('throat')) return 'oropharyngeal';
  if (lower.startsWith('nasal')) return 'nasal';
  if (lower.startsWith('saliva')) return 'saliva';
  if (lower.startsWith('blood')) return 'blood';
  return undefined;
}

/** Traffic test types -> the portal's `testType`. */
export function icmrTestType(name: string | undefined): string {
  const lower = (name ?? 'rtpcr').toLowerCase().replace(/[^a-z]/g, '');
  return ['rtpcr', 'rat', 'truenat', 'cbnaat'].includes(lower) ? lower : 'rtpcr';
}

/** The ICMR lab a reference client belongs to when a request names none: the lab thap's traffic names. */
export const ownLabCode = trafficLabCode;

/** Epoch ms -> ISO-8601 (the portal's time format); undefined stays undefined. */
export function isoTime(epochMs: unknown): string | undefined {
  return typeof epochMs === 'number' && Number.isFinite(epochMs) ? new Date(epochMs).toISOString() : undefined;
}
