/** Reads a dotted path (`patient.name`, `items.0.id`) from a JSON value; undefined when any part is missing. */
export function readPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Writes `value` at a dotted path, creating objects on the way (numeric parts index arrays). */
export function writePath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let current: Record<string, unknown> = target;
  for (const [index, part] of parts.entries()) {
    if (index === parts.length - 1) {
      current[part] = value;
      return;
    }
    const nextIsIndex = /^\d+$/.test(parts[index + 1] ?? '');
    if (current[part] === undefined || current[part] === null || typeof current[part] !== 'object') current[part] = nextIsIndex ? [] : {};
    current = current[part] as Record<string, unknown>;
  }
}

/** A string or number as text; undefined for anything else (a reason or id read from an answer). */
export function asText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}
