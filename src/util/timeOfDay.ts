/**
 * Simulated times of day are `HH:MM` or `HH:MM:SS` (24-hour). A scenario that runs past midnight writes
 * the next day's times with `+1d` after them, e.g. `00:30+1d`. Returns milliseconds after 00:00 of day 0.
 */
const pattern = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?(?:\+(\d+)d)?$/;

export function parseTimeOfDay(text: string): number | undefined {
  const match = pattern.exec(text.trim());
  if (!match) return undefined;
  const [, hours, minutes, seconds, days] = match;
  return ((Number(days ?? 0) * 24 + Number(hours)) * 60 + Number(minutes)) * 60_000 + Number(seconds ?? 0) * 1_000;
}

export function formatTimeOfDay(ms: number): string {
  const days = Math.floor(ms / 86_400_000);
  const inDay = ms - days * 86_400_000;
  const pad = (value: number) => String(value).padStart(2, '0');
  const hours = Math.floor(inDay / 3_600_000);
  const minutes = Math.floor((inDay % 3_600_000) / 60_000);
  const seconds = Math.floor((inDay % 60_000) / 1_000);
  return `${pad(hours)}:${pad(minutes)}${seconds ? `:${pad(seconds)}` : ''}${days ? `+${days}d` : ''}`;
}
