import type { PatientRecord } from '../journeys/patientRecord.ts';
import type { StepName, Visit } from './visit.ts';

/** Simulated ms between the steps at the registration counter before registering (assumption). */
const registrationMinutes = 20_000;

/**
 * NIC services' steps before registering: a new patient's mobile is verified by OTP (the ORS flow verifies the
 * mobile first [8]; a returning patient's UHID already has it), and a patient who came by ABHA Scan and Share
 * (traffic.md T1 assumption: 10%) shares the ABHA profile at the counter [12].
 */
function stepsBeforeRegistering(r: PatientRecord): StepName[] {
  const steps: StepName[] = [];
  if (r.channel === 'abha-scan-share') steps.push('abha-share');
  if (r.visitType === 'new') steps.push('otp-send', 'otp-verify');
  return steps;
}

/**
 * Patients who reached the hospital through their phone (ORS pre-booked, 20-30%, or ABHA Scan and Share, 10%:
 * traffic.md T1 assumptions) pay the OPD card fee on it through the payment gateway, by a fresh dynamic UPI QR
 * [19]; the others pay at the counter (assumption).
 */
function paysOnline(r: PatientRecord): boolean {
  return r.channel === 'ors-prebooked' || r.channel === 'abha-scan-share';
}

/**
 * A patient's journey as visits: registration (lookups, then the NIC services' steps before registering, register
 * or revisit, online payment, fee, token), lab (lab order, barcode), collection, report. A T5 back-entry is one
 * visit (back-entry, fee reconciliation). A scenario drops the steps of services it does not serve
 * (src/load/servedSteps.ts).
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
  const before = stepsBeforeRegistering(r);
  // They happen at the counter just before registering; k6 waits for the OTP on the patient's phone in between.
  const beforeSimMs = Math.min(registrationMinutes * before.length, r.registerSimMs - t);
  before.forEach((name, index) => steps.push({ name, thinkSimMs: index === 0 ? r.registerSimMs - t - beforeSimMs : registrationMinutes }));
  steps.push({ name: r.visitType === 'new' ? 'register' : 'revisit', thinkSimMs: before.length === 0 ? r.registerSimMs - t : Math.max(0, beforeSimMs - registrationMinutes * (before.length - 1)) });
  if (paysOnline(r)) {
    // The fee counter shows a fresh UPI QR [19]; the patient pays on the phone, then the fee is recorded.
    steps.push({ name: 'online-payment', thinkSimMs: r.feeSimMs - r.registerSimMs });
    steps.push({ name: 'fee', thinkSimMs: 0 });
  } else steps.push({ name: 'fee', thinkSimMs: r.feeSimMs - r.registerSimMs });
  if (r.tokenSimMs !== null) steps.push({ name: 'token', thinkSimMs: r.tokenSimMs - r.feeSimMs });
  const visits: Visit[] = [{ series: 'registration', entity: r.id, simMs: r.arrivalSimMs, steps }];
  if (r.labOrderSimMs !== null && r.barcodeSimMs !== null) {
    visits.push({ series: 'lab', entity: r.id, simMs: r.labOrderSimMs, steps: [{ name: 'lab-order', thinkSimMs: 0 }, { name: 'barcode', thinkSimMs: r.barcodeSimMs - r.labOrderSimMs }] });
  }
  if (r.collectionSimMs !== null) visits.push({ series: 'collection', entity: r.id, simMs: r.collectionSimMs, steps: [{ name: 'collection', thinkSimMs: 0 }] });
  if (r.reportSimMs !== null) visits.push({ series: 'report', entity: r.id, simMs: r.reportSimMs, steps: [{ name: 'report', thinkSimMs: 0 }] });
  return visits;
}
