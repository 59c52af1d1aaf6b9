import type { SampleRecord } from '../samples/sampleRecord.ts';
import type { Visit } from './visit.ts';

/**
 * A sample's visits: SRF creation and result upload, plus the consignment visit when `firstInBatch` (one
 * consignment visit per batch, for the batch's first sample, carrying the consignment id).
 */
export function sampleVisits(r: SampleRecord, firstInBatch: boolean): Visit[] {
  const visits: Visit[] = [{ series: 'srf', entity: r.id, simMs: r.srfCreateSimMs, steps: [{ name: 'srf-create', thinkSimMs: 0 }] }];
  if (firstInBatch) visits.push({ series: 'consignment', entity: r.consignmentId, simMs: r.consignmentSimMs, steps: [{ name: 'consignment', thinkSimMs: 0 }] });
  visits.push({ series: 'result', entity: r.id, simMs: r.resultUploadSimMs, steps: [{ name: 'result-upload', thinkSimMs: 0 }] });
  return visits;
}
