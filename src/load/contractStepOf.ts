import type { StepName as ContractStepName } from '../contract/steps.ts';
import type { StepName as TrafficStepName } from '../traffic/plan/visit.ts';

/**
 * Traffic step names (src/traffic/plan/visit.ts) to the client contract's steps, as the k6 script sends them.
 * `lookup` has none (k6 skips it). `otp-verify` is the patient reading the OTP off the phone, then `verifyOtp`
 * (and `resendOtp` when the SMS never comes): it is listed under `verifyOtp`, the step it always ends with.
 */
export const contractStepOf: Readonly<Record<TrafficStepName, ContractStepName | undefined>> = {
  lookup: undefined,
  'otp-send': 'sendOtp',
  'otp-verify': 'verifyOtp',
  'abha-share': 'abhaShare',
  register: 'register',
  revisit: 'register',
  'back-entry': 'register',
  'online-payment': 'onlinePayment',
  fee: 'fee',
  'fee-reconcile': 'fee',
  token: 'token',
  'lab-order': 'labOrder',
  barcode: 'barcode',
  collection: 'collectSample',
  report: 'fetchReport',
  'srf-create': 'createSrf',
  consignment: 'createConsignment',
  'result-upload': 'uploadResult',
};
