import { z } from 'zod';
import { abhaNumberSchema, genderSchema, mobileSchema, nameSchema, pinSchema } from '../shared/fields.ts';

const isoTime = z.iso.datetime({ offset: true, message: 'ISO-8601 date-time, e.g. 2021-04-20T10:15:00Z' });
const labId = z.string().regex(/^[A-Za-z0-9_-]{2,32}$/, 'labId: 2-32 letters, digits, _ or -');

/** `POST /icmr/v1/srfs`: a Specimen Referral Form (nic-services.md "ICMR" [20]). */
export const srfSchema = z.object({
  patient: z.object({
    name: nameSchema,
    age: z.number().int().min(0).max(130),
    gender: genderSchema,
    mobile: mobileSchema,
    district: z.string().trim().min(1),
    pin: pinSchema,
    abhaNumber: abhaNumberSchema.optional(),
  }),
  specimenType: z.enum(['nasopharyngeal', 'oropharyngeal', 'nasal', 'saliva', 'blood']),
  testType: z.enum(['rtpcr', 'rat', 'truenat', 'cbnaat']).default('rtpcr'),
  collectedAt: isoTime,
  collectionSite: z.string().max(200).optional(),
});

/** `POST /icmr/v1/consignments`: a batch of SRFs dispatched to a lab (bulk sample collection [24]). */
export const consignmentSchema = z.object({
  labId,
  srfIds: z.array(z.string().regex(/^\d{13}$/, 'SRF ID: 13 digits')).min(1).max(1000),
  dispatchedAt: isoTime.optional(),
});

/** `POST /icmr/v1/results`: a lab's result for one SRF (result fields [23]). */
export const resultSchema = z.object({
  srfId: z.string().regex(/^\d{13}$/, 'SRF ID: 13 digits'),
  labId,
  sampleId: z.string().max(40).optional(),
  result: z.enum(['positive', 'negative', 'inconclusive', 'rejected']),
  ctValues: z.object({ e: z.number().min(0).max(50).optional(), rdrp: z.number().min(0).max(50).optional(), n: z.number().min(0).max(50).optional(), orf1ab: z.number().min(0).max(50).optional() }).optional(),
  kit: z.string().max(100).optional(),
  receivedAt: isoTime.optional(),
  testedAt: isoTime,
});

export type SrfBody = z.infer<typeof srfSchema>;
