import { z } from 'zod';

const correlationId = z.string().min(1).max(128).describe('the X-Correlation-Id of the request, echoed');

/** HTTP 200: NIC accepted the step; `nic` holds NIC's own ids. */
export function doneSchema<T extends z.ZodType>(nic: T) {
  return z.object({ status: z.literal('done'), correlationId, nic });
}

/** HTTP 202: the client accepted the step and will submit it later; `provisionalId` stands in for NIC's id. */
export const queuedSchema = z
  .object({
    status: z.literal('queued'),
    correlationId,
    provisionalId: z.string().min(1).max(128),
    /** Provisional values the client issued (a provisional UHID or token number). */
    provisional: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  })
  .meta({ id: 'Queued' });

/** HTTP 4xx/5xx: the step failed and the client keeps nothing of it. */
export const failedSchema = z
  .object({
    status: z.literal('failed'),
    correlationId: z.string().max(128),
    reason: z.string(),
  })
  .meta({ id: 'Failed' });

export const outcomeSchema = z.enum(['done', 'queued', 'failed']);
export type Outcome = z.infer<typeof outcomeSchema>;

const id = z.union([z.string().min(1), z.number()]);

/** NIC's ids in a `done` answer, per step. Extra fields are allowed. */
export const registerNicSchema = z.looseObject({ uhid: id, visitId: id, tokenNo: id.optional(), appointmentNo: id.optional() }).meta({ id: 'RegisterNic' });
export const feeNicSchema = z.looseObject({ billId: id, amountRupees: z.number().optional() }).meta({ id: 'FeeNic' });
export const tokenNicSchema = z.looseObject({ tokenNo: id, appointmentNo: id.optional(), feePaid: z.boolean().optional() }).meta({ id: 'TokenNic' });
export const labOrderNicSchema = z.looseObject({ orderId: id, amountRupees: z.number().optional() }).meta({ id: 'LabOrderNic' });
export const barcodeNicSchema = z.looseObject({ barcode: id }).meta({ id: 'BarcodeNic' });
export const collectSampleNicSchema = z.looseObject({ sampleId: id, collectedAt: z.string().optional() }).meta({ id: 'CollectSampleNic' });
export const fetchReportNicSchema = z
  .looseObject({ orderId: id, reportStatus: z.enum(['pending', 'final']), reportId: id.optional() })
  .meta({ id: 'FetchReportNic' });
export const createSrfNicSchema = z.looseObject({ srfId: id, patientId: id.optional() }).meta({ id: 'CreateSrfNic' });
export const createConsignmentNicSchema = z.looseObject({ consignmentId: id }).meta({ id: 'CreateConsignmentNic' });
export const uploadResultNicSchema = z.looseObject({ resultId: id }).meta({ id: 'UploadResultNic' });
export const sendOtpNicSchema = z.looseObject({ otpId: id, expiresAt: z.string().optional() }).meta({ id: 'SendOtpNic' });
export const resendOtpNicSchema = z.looseObject({ otpId: id, expiresAt: z.string().optional() }).meta({ id: 'ResendOtpNic' });
export const verifyOtpNicSchema = z.looseObject({ otpId: id, verificationId: id }).meta({ id: 'VerifyOtpNic' });
export const abhaShareNicSchema = z
  .looseObject({ requestId: id, tokenNumber: id, expiry: z.string().optional(), abhaAddress: z.string().optional() })
  .meta({ id: 'AbhaShareNic' });
export const onlinePaymentNicSchema = z.looseObject({ qrId: id, utr: id, amountPaise: z.number().optional() }).meta({ id: 'OnlinePaymentNic' });
