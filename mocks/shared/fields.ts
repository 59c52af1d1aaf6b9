import { z } from 'zod';

/** Field formats shared by the services (domain/identities.md). */
export const mobileSchema = z.string().regex(/^(\+91)?[6-9]\d{9}$/, 'mobile must be 10 digits starting 6-9, optionally prefixed +91');
export const pinSchema = z.string().regex(/^[1-9]\d{5}$/, 'PIN must be 6 digits, not starting with 0');
export const abhaNumberSchema = z.string().regex(/^\d{2}-?\d{4}-?\d{4}-?\d{4}$/, 'ABHA number must be 14 digits (XX-XXXX-XXXX-XXXX)');
export const genderSchema = z.string().regex(/^(m|f|o|t|male|female|other|transgender)$/i, 'gender must be M, F, O or T (or male, female, other, transgender)');
export const nameSchema = z.string().trim().min(1, 'name is required').max(200);

/** The last 10 digits of a mobile: one patient's mobile, whatever the prefix. */
export function normaliseMobile(mobile: string): string {
  return mobile.slice(-10);
}

/** The 14 digits of an ABHA number, without dashes. */
export function normaliseAbha(abha: string): string {
  return abha.replace(/-/g, '');
}
