import { z } from 'zod';

/** Does the dotted path name a field of the zod object schema (through optional/default wrappers and arrays)? */
export function contractFieldExists(schema: z.ZodType, path: string): boolean {
  let current: z.ZodType | undefined = schema;
  for (const part of path.split('.')) {
    current = unwrap(current);
    if (current instanceof z.ZodArray && /^\d+$/.test(part)) {
      current = current.element as z.ZodType;
      continue;
    }
    if (!(current instanceof z.ZodObject)) return false;
    current = (current.shape as Record<string, z.ZodType>)[part];
    if (current === undefined) return false;
  }
  return true;
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodNullable) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}
