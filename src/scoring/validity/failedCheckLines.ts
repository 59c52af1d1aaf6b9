/** A validity check as report.json holds it, every field optional for readers of older or partial reports. */
export interface CheckLike {
  name?: string;
  passed?: boolean;
  figure?: unknown;
  message?: string;
}

/**
 * Each failed validity check as one line, `name: message` (its figure when it has no message), in the order of
 * the checks: what an invalid run's withheld score, the calibration log and the proof's messages all name.
 */
export function failedCheckLines(checks: readonly CheckLike[] | undefined): string[] {
  return (checks ?? []).filter((check) => check.passed === false).map((check) => `${check.name ?? 'unnamed check'}: ${check.message ?? JSON.stringify(check.figure ?? null)}`);
}
