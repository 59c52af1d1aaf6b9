import { simOfWallOffset, speedAtWall, wallOffsetOf, type SegmentedClock } from '../../src/util/index.ts';

/**
 * How the mocks turn a service figure into the wall value they apply (docs/nic-mocks.md "Incident clock").
 * A figure is a wall value at `clock.speed` (the simulated figure is it times `clock.speed`, as
 * docs/scenarios.md says), so on a segmented clock it means the same NIC in every segment: a rate scales
 * with the speed of the moment, and a delay ends where "now + delay" lands on the incident clock, so one
 * that crosses a segment change lands at its simulated time.
 */
export interface ServiceTimes {
  /** Wall ms from `now` (epoch ms) until the incident clock has moved on by `ms` x clock.speed simulated ms. */
  delayMs(ms: number, now?: number): number;
  /**
   * Wall ms from `now` until the incident clock has moved on by `simMs` simulated ms: for NIC's own lifetimes,
   * which are simulated figures (a QR valid 15 minutes), not a scenario's wall figures at clock.speed.
   */
  simDelayMs(simMs: number, now?: number): number;
  /** The same for a figure in seconds (`sessionTtlSec`). */
  delaySec(sec: number, now?: number): number;
  /** Requests per wall second at `now` for `rate` per wall second at clock.speed. */
  ratePerSec(rate: number, now?: number): number;
  /** Where the incident clock starts on the wall (epoch ms); until told, the clock is held at its start. */
  start(wallStart: number): void;
  /** The clock's state, for `GET /__admin/clock`. */
  describe(now?: number): { segmented: boolean; started: boolean; simMs?: number; speed?: number };
}

/** No clock (mocks started on their own): every figure is served as given, and the incident clock is the wall's. */
export const oneSpeedTimes: ServiceTimes = {
  delayMs: (ms) => ms,
  simDelayMs: (simMs) => simMs,
  delaySec: (sec) => sec,
  ratePerSec: (rate) => rate,
  start: () => undefined,
  describe: () => ({ segmented: false, started: false }),
};

export function createServiceTimes(clock: SegmentedClock | undefined): ServiceTimes {
  if (!clock) return oneSpeedTimes;
  if (!clock.segments?.length) return { ...oneSpeedTimes, simDelayMs: (simMs) => simMs / clock.speed, describe: () => ({ segmented: false, started: false, speed: clock.speed }) };
  let wallStart: number | undefined;
  const offset = (now: number) => (wallStart === undefined ? 0 : now - wallStart);
  const simDelayMs = (simMs: number, now = Date.now()) => {
    const from = offset(now);
    return wallOffsetOf(clock, simOfWallOffset(clock, from) + simMs) - from;
  };
  const delayMs = (ms: number, now = Date.now()) => simDelayMs(ms * clock.speed, now);
  return {
    delayMs,
    simDelayMs,
    delaySec: (sec, now) => delayMs(sec * 1000, now) / 1000,
    ratePerSec: (rate, now = Date.now()) => (rate * speedAtWall(clock, offset(now))) / clock.speed,
    start: (at) => {
      wallStart = at;
    },
    describe: (now = Date.now()) => ({ segmented: true, started: wallStart !== undefined, simMs: Math.round(simOfWallOffset(clock, offset(now))), speed: speedAtWall(clock, offset(now)) }),
  };
}
