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
    /** What the patient paid, in rupees: OPD card Rs 10 AIIMS [11], Rs 5 RIMS [56]; NIC bills its own tariff. */
    amountInr: z.number().nonnegative().max(100_000),
    mode: z.enum(['cash', 'upi', 'card']),
    /** `opd-card` (the default) bills the OPD card; `lab-tests` bills the tests in `tests`. */
    purpose: z.enum(['opd-card', 'lab-tests']).default('opd-card'),
    /** Test names for `lab-tests` (the hospital's names, as in labOrder). */
    tests: z.array(z.string().min(1)).max(50).optional(),
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
    /**
     * The hospital's test names (e.g. `CBC`, `LFT`, `lipid-profile`); the client maps them to NIC's test codes,
     * as a real LIS does.
     */
    tests: z.array(z.string().min(1)).min(1).max(50),
  })
  .meta({ id: 'LabOrderRequest' });

export const barcodeRequestSchema = z
  .strictObject({
    orderId: ref('lab order id'),
    /** Specimen the barcode labels (default blood). */
    specimen: z.enum(['blood', 'serum', 'urine', 'swab', 'sputum', 'stool']).optional(),
  })
  .meta({ id: 'BarcodeRequest' });

export const collectSampleRequestSchema = z
  .strictObject({
    orderId: ref('lab order id'),
    barcode: ref('sample barcode'),
    specimenType: z.string().min(1).optional(),
    /** Epoch ms of collection (wall time). */
    collectedAt: z.number().int().nonnegative().optional(),
    collectedBy: z.string().max(100).optional(),
  })
  .meta({ id: 'CollectSampleRequest' });

export const createSrfRequestSchema = z
  .strictObject({
    patient: patientSchema,
    /**
     * Specimen as the collection centre names it, e.g. `nasopharyngeal-oropharyngeal-swab`, `nasal-swab`,
     * `saliva`, `blood`; the client maps it to the portal's list.
     */
    specimenType: z.string().min(1),
    /** Test the sample is for, e.g. `RT-PCR`, `TrueNat`, `CBNAAT` (default RT-PCR). */
    testType: z.string().min(1).optional(),
    /** Epoch ms of collection (wall time). */
    collectedAt: z.number().int().nonnegative(),
    /** Lab the sample is meant for (ICMR lab code); the consignment decides. */
    labCode: z.string().min(1).optional(),
  })
  .meta({ id: 'CreateSrfRequest' });

export const createConsignmentRequestSchema = z
  .strictObject({
    /** SRFs dispatched together: the DSO's bulk dispatch batch [24]. */
    srfIds: z.array(ref('SRF id')).min(1).max(1000),
    /** ICMR lab code: 2-32 letters, digits, `_` or `-`. */
    labCode: z.string().regex(/^[A-Za-z0-9_-]{2,32}$/),
    /** Epoch ms of dispatch (wall time). */
    dispatchedAt: z.number().int().nonnegative().optional(),
  })
  .meta({ id: 'CreateConsignmentRequest' });

export const uploadResultRequestSchema = z
  .strictObject({
    srfId: ref('SRF id'),
    /** The testing lab's ICMR code; absent: the client's own lab. */
    labCode: z.string().regex(/^[A-Za-z0-9_-]{2,32}$/).optional(),
    result: z.enum(['positive', 'negative', 'inconclusive', 'rejected']),
    /** Cycle threshold of an RT-PCR result [23]. */
    ctValue: z.number().min(0).max(50).optional(),
    /** Epoch ms the test was done (wall time). */
    testedAt: z.number().int().nonnegative(),
  })
  .meta({ id: 'UploadResultRequest' });

/** `+91` then 10 digits starting 6-9 (identities.md [50]): the patient's mobile, as in Patient. */
const mobile = z.string().regex(/^\+91[6-9]\d{9}$/);

export const sendOtpRequestSchema = z
  .strictObject({
    mobile,
    /** What the OTP is for (default registration: ORS verifies the mobile first [8]). */
    purpose: z.enum(['registration']).default('registration'),
  })
  .meta({ id: 'SendOtpRequest' });

export const resendOtpRequestSchema = z
  .strictObject({
    mobile,
    purpose: z.enum(['registration']).default('registration'),
    /** The OTP that never reached the phone (the client may tell NIC; a new OTP replaces it). */
    previousOtpId: ref('OTP id').optional(),
  })
  .meta({ id: 'ResendOtpRequest' });

export const verifyOtpRequestSchema = z
  .strictObject({
    otpId: ref('OTP id'),
    /** The 6 digits the patient read off the phone. */
    otp: z.string().regex(/^\d{6}$/),
  })
  .meta({ id: 'VerifyOtpRequest' });

export const abhaShareRequestSchema = z
  .strictObject({
    /** The ABHA number the patient's Scan and Share names, `XX-XXXX-XXXX-XXXX` [16]. */
    abhaNumber: z.string().regex(/^\d{2}-\d{4}-\d{4}-\d{4}$/),
    /** The registration counter whose QR the patient scanned [12]. */
    counterId: z.string().min(1).max(64).optional(),
  })
  .meta({ id: 'AbhaShareRequest' });

export const onlinePaymentRequestSchema = z
  .strictObject({
    uhid: ref('UHID'),
    visitId: ref('visit id'),
    /** Rupees to collect through the gateway (OPD card Rs 10 AIIMS [11]). */
    amountInr: z.number().positive().max(100_000),
    purpose: z.enum(['opd-card', 'lab-tests']).default('opd-card'),
  })
  .meta({ id: 'OnlinePaymentRequest' });

/** Fetching a report is a GET: `GET /lab/reports/:orderId`, no body. */
export const fetchReportParamsSchema = z.strictObject({ orderId: ref('lab order id') }).meta({ id: 'FetchReportParams' });
