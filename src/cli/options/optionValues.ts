import { z } from 'zod';

/**
 * Schemas for option values as commander hands them over (strings), each with a message that says what a
 * good value is. Used in the option declarations of every command (defineOptions.ts).
 */

/** A non-empty string: a path, a name. `what` completes "give ...". */
export function text(what: string) {
  return z.string().min(1, `is empty; give ${what}`);
}

/** A whole number written in decimal digits, from `min` to `max`. */
export function wholeNumber({ min = 0, max = Number.MAX_SAFE_INTEGER }: { min?: number; max?: number } = {}) {
  const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\s*\d+\s*$/, `must be a whole number ${range}`)
    .transform(Number)
    .pipe(z.number().min(min, `must be a whole number ${range}`).max(max, `must be a whole number ${range}`));
}

/** A decimal number (`1`, `0.5`, `1e3`) from `min` to `max`; `above` excludes `min` itself. */
export function decimal({ min = -Infinity, max = Infinity, above = false }: { min?: number; max?: number; above?: boolean } = {}) {
  const low = min === -Infinity ? '' : above ? `above ${min}` : `${min} or more`;
  const range = [low, max === Infinity ? '' : `at most ${max}`].filter(Boolean).join(' and ');
  const message = `must be a number${range ? ` ${range}` : ''}`;
  return z
    .string()
    .regex(/^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i, message)
    .transform(Number)
    .pipe(z.number().refine((n) => (above ? n > min : n >= min) && n <= max, message));
}

/** One of a fixed set of words. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of ${values.join(', ')}` });
}

/** An http or https URL. */
export function httpUrl() {
  return z.url({ protocol: /^https?$/, error: 'must be an http or https URL, e.g. http://127.0.0.1:8080' });
}
