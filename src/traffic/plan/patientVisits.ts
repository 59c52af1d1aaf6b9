import type { PatientRecord } from '../journeys/patientRecord.ts';
import type { Visit } from './visit.ts';

/**
 * A patient's journey as visits: registration (lookups, register or revisit, fee, token), lab (lab order,
 * barcode), collection, report. A T5 back-entry is one visit (back-entry, fee reconciliation).
 */
export function patientVisits(r: PatientRecord): Visit[] {
  if (r.journey === 'back-entry') {
    return [{ series: 'registration', entity: r.id, simMs: r.registerSimMs, steps: [{ name: 'back-entry', thinkSimMs: 0 }, { name: 'fee-reconcile', thinkSimMs: r.feeSimMs - r.registerSimMs }] }];
  }
  const steps: Visit['steps'] = [];
  const gap = r.lookups > 1 ? Math.floor((r.registerSimMs - r.arrivalSimMs) / r.lookups) : 0;
  let t = r.arrivalSimMs;
  for (let i = 0; i < r.lookups; i += 1) {
    steps.push({ name: 'lookup', thinkSimMs: i === 0 ? 0 : gap });
    if (i > 0) t += gap;
  }
  steps.push({ name: r.visitType === 'new' ? 'register' : 'revisit', thinkSimMs: r.registerSimMs - t });
  steps.push({ name: 'fee', thinkSimMs: r.feeSimMs - r.registerSimMs });
  if (r.tokenSimMs !== null) steps.push({ name: 'token', thinkSimMs: r.tokenSimMs - r.feeSimMs });
  const visits: Visit[] = [{ series: 'registration', entity: r.id, simMs: r.arrivalSimMs, steps }];
  if (r.labOrderSimMs !== null && r.barcodeSimMs !== null) {
    visits.push({ series: 'lab', entity: r.id, simMs: r.labOrderSimMs, steps: [{ name: 'lab-order', thinkSimMs: 0 }, { name: 'barcode', thinkSimMs: r.barcodeSimMs - r.labOrderSimMs }] });
  }
  if (r.collectionSimMs !== null) visits.push({ series: 'collection', entity: r.id, simMs: r.collectionSimMs, steps: [{ name: 'collection', thinkSimMs: 0 }] });
  if (r.reportSimMs !== null) visits.push({ series: 'report', entity: r.id, simMs: r.reportSimMs, steps: [{ name: 'report', thinkSimMs: 0 }] });
  return visits;
}
