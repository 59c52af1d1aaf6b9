import { describe, expect, it } from 'vitest';
import { faultsOffClientSpeed } from './faultsOffClientSpeed.ts';

const hour = 3_600_000;
// O2's two days before 9.0.0: 120x in the busy hours, 360x from 13:00, when each day's outage (10:00-13:00) ends.
const clock = { startSim: 8 * hour, speed: 120, segments: [{ fromSim: 13 * hour, speed: 360 }, { fromSim: 20 * hour, speed: 3600 }] };

describe('faultsOffClientSpeed', () => {
  it('names a fault whose scored recovery runs into a faster segment, with the ratio and the fix', () => {
    const [line, ...rest] = faultsOffClientSpeed({ clock, faults: [{ id: 'gateway-502-1', startSim: 10 * hour, endSim: 13 * hour }] });
    expect(rest).toEqual([]);
    expect(line).toContain('fault gateway-502-1 (10:00 to 13:00)');
    expect(line).toContain("clock's 360x from 13:00, not its 120x");
    expect(line).toContain('3x slow');
    expect(line).toContain('move the segment');
  });

  it('passes a fault with 30 simulated minutes after it at the clock speed, and a one-speed clock', () => {
    const moved = { ...clock, segments: [{ fromSim: 13.5 * hour, speed: 360 }] };
    expect(faultsOffClientSpeed({ clock: moved, faults: [{ id: 'f1', startSim: 10 * hour, endSim: 13 * hour }] })).toEqual([]);
    expect(faultsOffClientSpeed({ clock: { startSim: 8 * hour, speed: 120 }, faults: [{ id: 'f1', startSim: 10 * hour, endSim: 13 * hour }] })).toEqual([]);
    // One minute short of the recovery range is still inside it.
    const close = { ...clock, segments: [{ fromSim: 13.5 * hour - 60_000, speed: 360 }] };
    expect(faultsOffClientSpeed({ clock: close, faults: [{ id: 'f1', startSim: 10 * hour, endSim: 13 * hour }] })).toHaveLength(1);
  });

  it('names a fault inside a slower segment: the timers run fast there', () => {
    const slow = { startSim: 8 * hour, speed: 120, segments: [{ fromSim: 9 * hour, speed: 60 }, { fromSim: 12 * hour, speed: 120 }] };
    const [line] = faultsOffClientSpeed({ clock: slow, faults: [{ id: 'early', startSim: 10 * hour, endSim: 10.5 * hour }, { id: 'late', startSim: 12.5 * hour, endSim: 13 * hour }] });
    expect(line).toContain('fault early');
    expect(line).toContain('2x fast');
    expect(faultsOffClientSpeed({ clock: slow, faults: [{ id: 'late', startSim: 12.5 * hour, endSim: 13 * hour }] })).toEqual([]);
  });
});
