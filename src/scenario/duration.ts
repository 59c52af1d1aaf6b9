/**
 * Durations in scenarios are strings with units, so a number never hides its unit:
 * `90s`, `15m`, `1h30m`, `2d`, `250ms`. Grammar: one or more `<integer|decimal><unit>` parts, unit one of
 * ms, s, m, h, d. Returns milliseconds, or undefined when the text does not follow the grammar.
 */
const unitMs: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const part = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;

export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  part.lastIndex = 0;
  let total = 0;
  while (part.lastIndex < trimmed.length) {
    const match = part.exec(trimmed);
    if (!match) return undefined;
    total += Number(match[1]) * (unitMs[match[2] as string] as number);
  }
  return total;
}

/** Formats milliseconds the way scenarios write them: `1h30m`, `45s`, `250ms`. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1_000) return `${Math.round(ms)}ms`;
  const parts: string[] = [];
  let rest = Math.round(ms / 1_000);
  for (const [unit, seconds] of [['d', 86_400], ['h', 3_600], ['m', 60], ['s', 1]] as const) {
    const count = Math.floor(rest / seconds);
    if (count > 0) parts.push(`${count}${unit}`);
    rest -= count * seconds;
  }
  return parts.join('');
}
