import type { z } from 'zod';
import type * as rq from './requests.ts';
import type * as rs from './responses.ts';

export type Patient = z.infer<typeof rq.patientSchema>;
export type RegisterRequest = z.input<typeof rq.registerRequestSchema>;
export type SendOtpRequest = z.input<typeof rq.sendOtpRequestSchema>;
export type ResendOtpRequest = z.input<typeof rq.resendOtpRequestSchema>;
export type VerifyOtpRequest = z.input<typeof rq.verifyOtpRequestSchema>;
export type AbhaShareRequest = z.input<typeof rq.abhaShareRequestSchema>;
export type OnlinePaymentRequest = z.input<typeof rq.onlinePaymentRequestSchema>;
export type FeeRequest = z.input<typeof rq.feeRequestSchema>;
export type TokenRequest = z.input<typeof rq.tokenRequestSchema>;
export type LabOrderRequest = z.input<typeof rq.labOrderRequestSchema>;
export type BarcodeRequest = z.input<typeof rq.barcodeRequestSchema>;
export type CollectSampleRequest = z.input<typeof rq.collectSampleRequestSchema>;
export type FetchReportParams = z.input<typeof rq.fetchReportParamsSchema>;
export type CreateSrfRequest = z.input<typeof rq.createSrfRequestSchema>;
export type CreateConsignmentRequest = z.input<typeof rq.createConsignmentRequestSchema>;
export type UploadResultRequest = z.input<typeof rq.uploadResultRequestSchema>;

/** The body k6 sends for each step (fetchReport sends none: its orderId is in the path). */
export interface StepRequests {
  sendOtp: SendOtpRequest;
  resendOtp: ResendOtpRequest;
  verifyOtp: VerifyOtpRequest;
  abhaShare: AbhaShareRequest;
  register: RegisterRequest;
  onlinePayment: OnlinePaymentRequest;
  fee: FeeRequest;
  token: TokenRequest;
  labOrder: LabOrderRequest;
  barcode: BarcodeRequest;
  collectSample: CollectSampleRequest;
  fetchReport: FetchReportParams;
  createSrf: CreateSrfRequest;
  createConsignment: CreateConsignmentRequest;
  uploadResult: UploadResultRequest;
}

/** NIC's ids in each step's `done` answer. */
export interface StepNicIds {
  sendOtp: z.infer<typeof rs.sendOtpNicSchema>;
  resendOtp: z.infer<typeof rs.resendOtpNicSchema>;
  verifyOtp: z.infer<typeof rs.verifyOtpNicSchema>;
  abhaShare: z.infer<typeof rs.abhaShareNicSchema>;
  register: z.infer<typeof rs.registerNicSchema>;
  onlinePayment: z.infer<typeof rs.onlinePaymentNicSchema>;
  fee: z.infer<typeof rs.feeNicSchema>;
  token: z.infer<typeof rs.tokenNicSchema>;
  labOrder: z.infer<typeof rs.labOrderNicSchema>;
  barcode: z.infer<typeof rs.barcodeNicSchema>;
  collectSample: z.infer<typeof rs.collectSampleNicSchema>;
  fetchReport: z.infer<typeof rs.fetchReportNicSchema>;
  createSrf: z.infer<typeof rs.createSrfNicSchema>;
  createConsignment: z.infer<typeof rs.createConsignmentNicSchema>;
  uploadResult: z.infer<typeof rs.uploadResultNicSchema>;
}

export type Done<N> = { status: 'done'; correlationId: string; nic: N };
export type Queued = z.infer<typeof rs.queuedSchema>;
export type Failed = z.infer<typeof rs.failedSchema>;
/** What a client answers for one step: 200 done, 202 queued, 4xx/5xx failed. */
export type StepReply<N = Record<string, unknown>> = Done<N> | Queued | Failed;
