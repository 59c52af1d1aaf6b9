import { formatTimeOfDay, otherSpeedsBetween, type SegmentedClock } from '../../util/index.ts';

/**
 * How long after a fault ends its recovery is scored: the recover component reaches zero at a time to recover
 * of 30 simulated minutes, six hold windows; at KGMU's peak (traffic.md T1: ~1,900 registrations/h) about 950
 * patients served below normal quality (docs/scoring.md "The score").
 */
export const RECOVERY_SCORED_SIM_MS = 30 * 60_000;

/** A fault's occurrence on the incident clock: simulated ms of day. */
export interface FaultWindow {
  id: string;
  startSim: number;
  endSim: number;
}

/**
 * Faults that run, or whose scored recovery runs, where the clock is at a speed other than `clock.speed`.
 * The client scales every timer by one THAP_TIME_SCALE, the clock's speed (docs/client-contract.md): in a
 * segment at three times that speed its timeouts, backoffs and drain pacing last three times as long on the
 * incident clock, so its time to detect, time to recover and drain would be read three times longer than the
 * client's own. One line per fault that does, naming the segment and the fix; none on a one-speed clock.
 */
export function faultsOffClientSpeed({ clock, faults }: { clock: SegmentedClock; faults: readonly FaultWindow[] }): string[] {
  return faults.flatMap((fault) => {
    const [other] = otherSpeedsBetween(clock, fault.startSim, fault.endSim + RECOVERY_SCORED_SIM_MS);
    if (!other) return [];
    const ratio = other.speed / clock.speed;
    const how = ratio > 1 ? `${round(ratio)}x slow` : `${round(1 / ratio)}x fast`;
    return [
      `fault ${fault.id} (${formatTimeOfDay(fault.startSim)} to ${formatTimeOfDay(fault.endSim)}) and the ${RECOVERY_SCORED_SIM_MS / 60_000} simulated minutes after it, where recovery is scored, ` +
        `run into the clock's ${other.speed}x from ${formatTimeOfDay(other.fromSim)}, not its ${clock.speed}x (the client's THAP_TIME_SCALE): there the client's timers run ${how} on the incident clock, ` +
        `so its time to detect, time to recover and drain are not its own; keep each fault and the ${RECOVERY_SCORED_SIM_MS / 60_000} minutes after it at clock.speed (move the segment)`,
    ];
  });
}

const round = (value: number) => Math.round(value * 10) / 10;
