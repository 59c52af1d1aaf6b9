import type { Slip } from './scriptData.ts';

/** What a request body may use besides the slip: values thap injects (script-data.json). */
export interface BodyContext {
  labCode: string;
}

/** How one traffic step (src/traffic) is sent: the contract step, the slip fields it needs and the ids it keeps. */
export interface TrafficStep {
  step: string;
  needs: string[];
  keep: string[];
  /** The request body (POST steps); GET steps fill their path from the slip. */
  body?: (slip: Slip, context: BodyContext) => unknown;
}

const recordOf = (slip: Slip): Record<string, unknown> => (slip.record ?? {}) as Record<string, unknown>;

const patientOf = (record: Record<string, unknown>) => ({
  name: record.name, gender: record.gender, age: record.age, mobile: record.mobile, district: record.district, pin: record.pin,
  abhaNumber: record.abhaNumber, abhaAddress: record.abhaAddress, dob: record.dob, guardianName: record.guardianName,
});

/** A registration; `visitType` undefined takes the record's (a back-entry keeps what the paper slip says). */
const registration = (visitType: 'new' | 'followup' | undefined): TrafficStep => ({
  step: 'register',
  needs: ['record'],
  keep: ['uhid', 'visitId'],
  body: (slip) => ({ patient: patientOf(recordOf(slip)), department: recordOf(slip).department, visitType: visitType ?? recordOf(slip).visitType }),
});

// The OPD card fee (nic-services.md: Rs 10 at AIIMS [11]), paid by UPI.
const fee: TrafficStep = {
  step: 'fee',
  needs: ['uhid', 'visitId'],
  keep: [],
  body: (slip) => ({ uhid: slip.uhid, visitId: slip.visitId, amountInr: 10, mode: 'upi', purpose: 'opd-card' }),
};

/** The patient's mobile, ABHA number and the like, from the registration's record. */
const fromRecord = (slip: Slip, field: string): unknown => recordOf(slip)[field];

/**
 * Traffic step names mapped to the client contract's steps (src/contract/steps.ts); `lookup` has none and is not
 * sent. `otp-verify` is sent after the patient read the OTP off the phone (verifyByPhone.ts), `otp-resend` when
 * nothing came.
 */
export const trafficSteps: Record<string, TrafficStep> = {
  'otp-send': { step: 'sendOtp', needs: ['record'], keep: ['otpId'], body: (slip) => ({ mobile: fromRecord(slip, 'mobile'), purpose: 'registration' }) },
  'otp-resend': {
    step: 'resendOtp',
    needs: ['record', 'otpId'],
    keep: ['otpId'],
    body: (slip) => ({ mobile: fromRecord(slip, 'mobile'), purpose: 'registration', previousOtpId: slip.otpId }),
  },
  'otp-verify': { step: 'verifyOtp', needs: ['otpId', 'otp'], keep: [], body: (slip) => ({ otpId: slip.otpId, otp: slip.otp }) },
  // Scan and Share at the registration counter's QR [12].
  'abha-share': { step: 'abhaShare', needs: ['record'], keep: ['tokenNumber'], body: (slip) => ({ abhaNumber: fromRecord(slip, 'abhaNumber'), counterId: 'OPD-1' }) },
  // The OPD card fee (Rs 10 at AIIMS [11]) by a fresh UPI QR [19], before the fee is recorded.
  'online-payment': { step: 'onlinePayment', needs: ['uhid', 'visitId'], keep: [], body: (slip) => ({ uhid: slip.uhid, visitId: slip.visitId, amountInr: 10, purpose: 'opd-card' }) },
  register: registration('new'),
  revisit: registration('followup'),
  'back-entry': registration(undefined),
  fee,
  'fee-reconcile': fee,
  token: { step: 'token', needs: ['uhid', 'visitId'], keep: [], body: (slip) => ({ uhid: slip.uhid, visitId: slip.visitId, department: recordOf(slip).department }) },
  'lab-order': {
    step: 'labOrder',
    needs: ['uhid', 'visitId'],
    keep: ['orderId'],
    body: (slip) => ({ uhid: slip.uhid, visitId: slip.visitId, tests: String(recordOf(slip).tests || 'CBC').split('|') }),
  },
  barcode: { step: 'barcode', needs: ['orderId'], keep: ['barcode'], body: (slip) => ({ orderId: slip.orderId }) },
  collection: {
    step: 'collectSample',
    needs: ['orderId', 'barcode'],
    keep: ['sampleId'],
    body: (slip) => ({ orderId: slip.orderId, barcode: slip.barcode, specimenType: 'blood', collectedAt: Date.now() }),
  },
  report: { step: 'fetchReport', needs: ['orderId'], keep: [] },
  'srf-create': {
    step: 'createSrf',
    needs: ['record'],
    keep: ['srfId'],
    body: (slip, { labCode }) => ({ patient: patientOf(recordOf(slip)), specimenType: recordOf(slip).specimen, collectedAt: Date.now(), labCode }),
  },
  consignment: { step: 'createConsignment', needs: ['srfIds'], keep: ['consignmentId'], body: (slip, { labCode }) => ({ srfIds: slip.srfIds, labCode, dispatchedAt: Date.now() }) },
  'result-upload': { step: 'uploadResult', needs: ['srfId'], keep: [], body: (slip) => ({ srfId: slip.srfId, result: 'negative', testedAt: Date.now() }) },
};

/** The client path with `:name` parameters filled from the slip, URI-encoded. */
export function fillPath(path: string, slip: Slip): string {
  return path.replace(/:(\w+)/g, (_match: string, name: string) => encodeURIComponent(String(slip[name])));
}
