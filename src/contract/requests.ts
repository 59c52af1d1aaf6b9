import { z } from 'zod';

/**
 * Request bodies k6 sends to the client system, one per journey step (docs/client-contract.md).
 * Ids of earlier steps (`uhid`, `visitId`, `orderId`, `barcode`, `srfId`) are whatever the client answered
 * for that step: NIC's id when it answered `done`, its own `provisionalId` when it answered `queued`. A
 * client must accept both for ids it issued itself.
 */
export const patientSchema = z
  .object({
    name: z.string().min(1),
    gender: z.enum(['female', 'male', 'other']),
    age: z.number().int().min(0).max(120),
    /** `+91` then 10 digits starting 6-9 (identities.md [50]). */
    mobile: z.string().regex(/^\+91[6-9]\d{9}$/),
    district: z.string().min(1),
    /** 6 digits, 20-28 prefix for Uttar Pradesh [49]. */
    pin: z.string().regex(/^[1-9]\d{5}$/),
    /** `XX-XXXX-XXXX-XXXX`, opaque [16]. */
    abhaNumber: z.string().regex(/^\d{2}-\d{4}-\d{4}-\d{4}$/).optional(),
    abhaAddress: z.string().optional(),
    dob: z.iso.date().optional(),
    guardianName: z.string().optional(),
  })
  .meta({ id: 'Patient', description: 'A synthetic patient (every identity is made from a seed).' });

/** A reference to an id the client answered for an earlier step (NIC's id or the client's provisional id). */
const ref = (what: string) => z.string().min(1).max(128).describe(`${what}: NIC's id, or the provisionalId the client answered`);

export const registerRequestSchema = z
  .strictObject({
    patient: patientSchema,
    department: z.string().min(1),
    visitType: z.enum(['new', 'followup']),
    /** Present for follow-up visits: the patient keeps the same UHID [8]. */
    uhid: ref('UHID of a returning patient').optional(),
  })
  .meta({ id: 'RegisterRequest' });

export const feeRequestSchema = z
  .strictObject({
    uhid: ref('UHID'),
    visitId: ref('visit id'),
    /** OPD card fee in rupees: Rs 10 AIIMS [11], Rs 5 RIMS [56]; test fees are larger. */
    amountInr: z.number().positive().max(100_000),
    mode: z.enum(['cash', 'upi', 'card']),
    purpose: z.enum(['opd-card', 'lab-tests']).default('opd-card'),
  })
  .meta({ id: 'FeeRequest' });

export const tokenRequestSchema = z
  .strictObject({
    uhid: ref('UHID'),
    visitId: ref('visit id'),
    department: z.string().min(1),
  })
  .meta({ id: 'TokenRequest' });

export const labOrderRequestSchema = z
  .strictObject({
    uhid: ref('UHID'),
    visitId: ref('visit id'),
    /** Test codes, e.g. `CBC`, `LFT`, `RBS`. */
    tests: z.array(z.string().min(1)).min(1).max(50),
  })
  .meta({ id: 'LabOrderRequest' });

export const barcodeRequestSchema = z.strictObject({ orderId: ref('lab order id') }).meta({ id: 'BarcodeRequest' });

export const collectSampleRequestSchema = z
  .strictObject({
    orderId: ref('lab order id'),
    barcode: ref('sample barcode'),
    specimenType: z.string().min(1),
    /** Epoch ms of collection (simulated clock mapped to wall time). */
    collectedAt: z.number().int().nonnegative(),
  })
  .meta({ id: 'CollectSampleRequest' });

export const createSrfRequestSchema = z
  .strictObject({
    patient: patientSchema,
    specimenType: z.enum(['nasopharyngeal-swab', 'oropharyngeal-swab', 'nasal-swab', 'other']),
    collectedAt: z.number().int().nonnegative(),
    /** Lab the sample goes to (ICMR lab code). */
    labCode: z.string().min(1),
  })
  .meta({ id: 'CreateSrfRequest' });

export const createConsignmentRequestSchema = z
  .strictObject({
    /** SRFs dispatched together: the DSO's bulk dispatch batch [24]. */
    srfIds: z.array(ref('SRF id')).min(1).max(5000),
    labCode: z.string().min(1),
    dispatchedAt: z.number().int().nonnegative(),
  })
  .meta({ id: 'CreateConsignmentRequest' });

export const uploadResultRequestSchema = z
  .strictObject({
    srfId: ref('SRF id'),
    result: z.enum(['positive', 'negative', 'inconclusive']),
    /** Cycle threshold of an RT-PCR result [23]. */
    ctValue: z.number().min(0).max(50).optional(),
    testedAt: z.number().int().nonnegative(),
  })
  .meta({ id: 'UploadResultRequest' });

/** Fetching a report is a GET: `GET /lab/reports/:orderId`, no body. */
export const fetchReportParamsSchema = z.strictObject({ orderId: ref('lab order id') }).meta({ id: 'FetchReportParams' });
