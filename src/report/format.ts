/** Small number formatters shared by every report format. Null reads as an em dash. */
export function fmtPct(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(digits)}%`;
}

export function fmtMs(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ms`;
}

export function fmtNum(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined) return '—';
  return Number.isInteger(value) ? String(value) : value.toFixed(digits);
}

export function fmtTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

/** Simulated ms of day as `HH:MM`, and `day 2 HH:MM` past 24 h (the incident's clock). */
export function fmtSimTime(simMs: number): string {
  const day = Math.floor(simMs / 86_400_000);
  const minutes = Math.floor((simMs - day * 86_400_000) / 60_000);
  const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return day > 0 ? `day ${day + 1} ${hhmm}` : hhmm;
}

/** A simulated span: `45 s`, `12 min`, `1 h 30 min`. */
export function fmtSimSpan(simMs: number | null | undefined): string {
  if (simMs === null || simMs === undefined) return '—';
  if (simMs < 60_000) return `${Math.round(simMs / 1000)} s`;
  const minutes = Math.round(simMs / 60_000);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}
