import { z } from 'zod';
import { abhaNumberSchema, genderSchema, mobileSchema, nameSchema, pinSchema } from '../shared/fields.ts';

export const patientSchema = z.object({
  name: nameSchema,
  gender: genderSchema,
  age: z.number().int().min(0).max(130),
  mobile: mobileSchema,
  district: z.string().trim().min(1, 'district is required'),
  pin: pinSchema,
  abhaNumber: abhaNumberSchema.optional(),
});

/** `POST /ehospital/v1/registrations`: a new patient, or a returning one (with `uhid`) for a new visit. */
export const registrationSchema = z.object({
  patient: patientSchema,
  department: z.string().trim().min(1, 'department is required').max(100),
  visitType: z.enum(['new', 'followup']),
  uhid: z.string().trim().min(1).max(40).optional(),
});
export type RegistrationBody = z.infer<typeof registrationSchema>;
export type PatientBody = z.infer<typeof patientSchema>;

const testCode = z.string().regex(/^[A-Z0-9_]{2,20}$/, 'test code: 2-20 capitals, digits or _');

/** `POST /ehospital/v1/bills`: the OPD card and/or test fees of a visit. */
export const billSchema = z.object({
  visitId: z.string().min(1),
  items: z.array(z.object({ code: testCode })).min(1, 'at least one item').max(50),
});

/** `POST /ehospital/v1/lab-orders`: tests ordered for a visit. */
export const labOrderSchema = z.object({
  visitId: z.string().min(1),
  tests: z.array(testCode).min(1, 'at least one test').max(50),
});

/** `POST /ehospital/v1/lab-orders/:orderId/samples`: label one specimen of an order with a barcode. */
export const sampleSchema = z.object({
  specimen: z.enum(['blood', 'serum', 'urine', 'swab', 'sputum', 'stool']).default('blood'),
});

/** `POST /ehospital/v1/samples/:barcode/collection`: the sample was drawn. */
export const collectionSchema = z.object({
  collectedBy: z.string().min(1).max(100).optional(),
});
