import type { z } from 'zod';
import type { ServiceName } from './services.ts';
import * as rq from './requests.ts';
import * as rs from './responses.ts';

/** The journey steps k6 sends to a client system, in journey order. */
export const stepNames = [
  'sendOtp',
  'resendOtp',
  'verifyOtp',
  'abhaShare',
  'register',
  'onlinePayment',
  'fee',
  'token',
  'labOrder',
  'barcode',
  'collectSample',
  'fetchReport',
  'createSrf',
  'createConsignment',
  'uploadResult',
] as const;
export type StepName = (typeof stepNames)[number];

/** One journey step of the contract: how k6 calls the client and what `done` carries. */
export interface ContractStep {
  name: StepName;
  journey: 'opd' | 'lab' | 'icmr';
  method: 'GET' | 'POST';
  /** The NIC service that holds the step's data: a fault on it touches this step's requests. */
  service: ServiceName;
  /** Client path; `:orderId` is a path parameter. */
  path: string;
  /** Body schema (POST) or path-parameter schema (GET). */
  request: z.ZodType;
  /** NIC's ids in the `done` answer. */
  nic: z.ZodType;
  /** A write ends up in NIC's ledger (integrity is reconciled for writes only). */
  write: boolean;
  /**
   * For a write: the field of `nic` in a `done` answer that NIC's ledger records as the write's `id`
   * (docs/nic-mocks.md "Ledger format"). k6 records it with each `done` (`nic=<id>`), and integrity checks that
   * NIC issued that id for this correlation id: a `done` naming an id NIC never issued is a false claim.
   */
  ledgerId?: string;
  /** May the client answer `queued` (accept for later)? Reads cannot be queued. */
  queueable: boolean;
  description: string;
}

export const contractSteps: Record<StepName, ContractStep> = {
  sendOtp: {
    name: 'sendOtp', service: 'sms', journey: 'opd', method: 'POST', path: '/opd/otp/send', request: rq.sendOtpRequestSchema, nic: rs.sendOtpNicSchema,
    write: true, ledgerId: 'otpId', queueable: false,
    description: 'Send an OTP to the patient\'s mobile through the SMS gateway (ORS verifies the mobile first [8]); an OTP sent later is of no use, so it cannot be queued.',
  },
  resendOtp: {
    name: 'resendOtp', service: 'sms', journey: 'opd', method: 'POST', path: '/opd/otp/resend', request: rq.resendOtpRequestSchema, nic: rs.resendOtpNicSchema,
    write: true, ledgerId: 'otpId', queueable: false, description: 'Send a new OTP when the first never reached the phone.',
  },
  verifyOtp: {
    name: 'verifyOtp', service: 'sms', journey: 'opd', method: 'POST', path: '/opd/otp/verify', request: rq.verifyOtpRequestSchema, nic: rs.verifyOtpNicSchema,
    write: true, ledgerId: 'verificationId', queueable: false,
    description: 'Verify the OTP the patient read off the phone; NIC issues a verification id only for a code it accepted in time.',
  },
  abhaShare: {
    name: 'abhaShare', service: 'abdm', journey: 'opd', method: 'POST', path: '/opd/abha-shares', request: rq.abhaShareRequestSchema, nic: rs.abhaShareNicSchema,
    write: true, ledgerId: 'requestId', queueable: false,
    description: 'ABHA Scan and Share at the counter [12]: ABDM answers 202 at once and sends the token in its asynchronous on-share callback [14]; done carries the token.',
  },
  register: {
    name: 'register', service: 'ehospital', journey: 'opd', method: 'POST', path: '/opd/registrations', request: rq.registerRequestSchema, nic: rs.registerNicSchema,
    write: true, ledgerId: 'visitId', queueable: true, description: 'Register a patient or a follow-up visit; NIC issues UHID, visit id, appointment and token numbers.',
  },
  onlinePayment: {
    name: 'onlinePayment', service: 'payment', journey: 'opd', method: 'POST', path: '/opd/payments', request: rq.onlinePaymentRequestSchema, nic: rs.onlinePaymentNicSchema,
    write: true, ledgerId: 'qrId', queueable: false,
    description: 'Collect a fee online: a fresh dynamic UPI QR per payment [19], paid by the patient; the gateway confirms by webhook. done carries the QR and its UTR.',
  },
  fee: {
    name: 'fee', service: 'ehospital', journey: 'opd', method: 'POST', path: '/opd/fees', request: rq.feeRequestSchema, nic: rs.feeNicSchema,
    write: true, ledgerId: 'billId', queueable: true, description: 'Record the OPD card or test fee payment.',
  },
  token: {
    name: 'token', service: 'ehospital', journey: 'opd', method: 'POST', path: '/opd/tokens', request: rq.tokenRequestSchema, nic: rs.tokenNicSchema,
    write: false, queueable: true, description: 'Print the queue token for the doctor\'s room (NIC issued it at registration; a queued registration has a provisional one).',
  },
  labOrder: {
    name: 'labOrder', service: 'ehospital', journey: 'lab', method: 'POST', path: '/lab/orders', request: rq.labOrderRequestSchema, nic: rs.labOrderNicSchema,
    write: true, ledgerId: 'orderId', queueable: true, description: 'Order lab tests for a visit.',
  },
  barcode: {
    name: 'barcode', service: 'ehospital', journey: 'lab', method: 'POST', path: '/lab/barcodes', request: rq.barcodeRequestSchema, nic: rs.barcodeNicSchema,
    write: true, ledgerId: 'barcode', queueable: true, description: 'Issue the sample barcode for an order (no barcode, no sample [37]).',
  },
  collectSample: {
    name: 'collectSample', service: 'ehospital', journey: 'lab', method: 'POST', path: '/lab/samples', request: rq.collectSampleRequestSchema, nic: rs.collectSampleNicSchema,
    write: true, ledgerId: 'sampleId', queueable: true, description: 'Record that the sample was collected.',
  },
  fetchReport: {
    name: 'fetchReport', service: 'ehospital', journey: 'lab', method: 'GET', path: '/lab/reports/:orderId', request: rq.fetchReportParamsSchema, nic: rs.fetchReportNicSchema,
    write: false, queueable: false, description: 'Fetch the report of an order (pending until results are in).',
  },
  createSrf: {
    name: 'createSrf', service: 'icmr', journey: 'icmr', method: 'POST', path: '/icmr/srfs', request: rq.createSrfRequestSchema, nic: rs.createSrfNicSchema,
    write: true, ledgerId: 'srfId', queueable: true, description: 'Create a Specimen Referral Form on the ICMR portal [20].',
  },
  createConsignment: {
    name: 'createConsignment', service: 'icmr', journey: 'icmr', method: 'POST', path: '/icmr/consignments', request: rq.createConsignmentRequestSchema, nic: rs.createConsignmentNicSchema,
    write: true, ledgerId: 'consignmentId', queueable: true, description: 'Create a consignment: a batch of SRFs dispatched to a lab [24].',
  },
  uploadResult: {
    name: 'uploadResult', service: 'icmr', journey: 'icmr', method: 'POST', path: '/icmr/results', request: rq.uploadResultRequestSchema, nic: rs.uploadResultNicSchema,
    write: true, ledgerId: 'resultId', queueable: true, description: 'Upload a lab result against an SRF (due within 24 h [25]).',
  },
};

/** `POST /opd/registrations` style header of a step. */
export function stepHeader(step: ContractStep): string {
  return `${step.method} ${step.path}`;
}
