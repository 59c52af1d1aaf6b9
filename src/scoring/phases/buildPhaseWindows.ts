import type { FaultRecord, PhaseKind } from '../reportSchema.ts';

export interface PhaseWindow {
  name: string;
  kind: PhaseKind;
  faultIds: string[];
  /** Inclusive start, exclusive end, epoch ms. */
  start: number;
  end: number;
}

/**
 * Cuts a run into phases from the faults' ACTUAL apply and remove times:
 * `baseline` = run start .. first fault applied; `fault` = first apply .. last remove (the span of all
 * faults); `fault-<id>` for each fault when there are several; `recovery` = last remove .. run end;
 * `hold` = the second half of the recovery the plan still offered load in, last remove .. `loadEnd` (where
 * metastability is judged, so under the same offered load: after the plan's end the run holds only the answers
 * still in flight, more of them the slower the client, and k6's wait for them). A fault never removed ends at
 * the run's end. Without an applied fault the whole run is `baseline`. Phases may overlap (fault-<id> within fault,
 * hold within recovery): a sample counts in every phase that contains it.
 */
export function buildPhaseWindows({ start, end, loadEnd, faults }: {
  start: number;
  end: number;
  /** When the plan stops offering load (epoch ms). */
  loadEnd: number;
  faults: Array<Pick<FaultRecord, 'faultId' | 'appliedAt' | 'removedAt'>>;
}): PhaseWindow[] {
  const applied = faults
    .filter((fault) => fault.appliedAt !== null)
    .map((fault) => ({ id: fault.faultId, from: clamp(fault.appliedAt ?? start, start, end), to: clamp(fault.removedAt ?? end, start, end) }));
  if (applied.length === 0) return [{ name: 'baseline', kind: 'baseline', faultIds: [], start, end }];
  const first = Math.min(...applied.map((fault) => fault.from));
  const last = Math.max(...applied.map((fault) => fault.to));
  const windows: PhaseWindow[] = [
    { name: 'baseline', kind: 'baseline', faultIds: [], start, end: first },
    { name: 'fault', kind: 'fault', faultIds: applied.map((fault) => fault.id), start: first, end: last },
  ];
  if (applied.length > 1) {
    for (const fault of applied) windows.push({ name: `fault-${fault.id}`, kind: 'fault', faultIds: [fault.id], start: fault.from, end: fault.to });
  }
  windows.push({ name: 'recovery', kind: 'recovery', faultIds: [], start: last, end });
  const offeredUntil = clamp(loadEnd, last, end);
  windows.push({ name: 'hold', kind: 'hold', faultIds: [], start: last + Math.floor((offeredUntil - last) / 2), end: offeredUntil });
  return windows;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
