/** Whether a ledger line stored its record: not when it says `stored: false` or `storedAt: null` (a write answered 200 but never stored). */
export function isStoredLine(line: Record<string, unknown>): boolean {
  return !(line.stored === false || ('storedAt' in line && line.storedAt === null));
}

/**
 * The business entity a ledger line stored, as `service:businessKey` (the correlation id when the line has no
 * businessKey, the bare key when it names no service), or undefined when the line stored nothing or names no
 * entity. Two stored lines with one key are one entity stored twice (docs/scoring.md "Integrity").
 */
export function entityKeyOf(line: Record<string, unknown>): string | undefined {
  if (!isStoredLine(line)) return undefined;
  const businessKey = typeof line.businessKey === 'string' ? line.businessKey : typeof line.clientRef === 'string' ? line.clientRef : undefined;
  if (businessKey === undefined) return undefined;
  return typeof line.service === 'string' ? `${line.service}:${businessKey}` : businessKey;
}
