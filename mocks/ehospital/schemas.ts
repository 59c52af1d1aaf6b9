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
