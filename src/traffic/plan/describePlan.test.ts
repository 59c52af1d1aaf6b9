import { describe, expect, it } from 'vitest';
import { describePlan } from './describePlan.ts';
import { planTraffic } from './planTraffic.ts';

describe('describePlan', () => {
  it('describes each part in one line with both clocks', () => {
    const plan = planTraffic({ seed: 42, speed: 60, parts: [{ profile: 'T1' }, { profile: 'T5' }, { profile: 'T2', variant: 'post-holiday', startHour: 8 }] });
    expect(describePlan(plan)).toEqual([
      'T1 OPD weekday (KGMU-class): 8,000 patients, arrivals 07:00-16:00 on 2026-02-02, seed 42, speed x60 (wall +0s to +9m00s)',
      'T5 Post-recovery backlog: 2,200 patients, arrivals 12:00-16:00 on 2026-02-02, seed 42, speed x60 (wall +5m00s to +9m00s)',
      'T2 post-holiday Monday / post-holiday surge: 12,000 patients, arrivals 08:00-17:00 on 2026-02-02, seed 42, speed x60 (wall +1m00s to +10m00s)',
    ]);
  });

  it('marks times on the next day', () => {
    const plan = planTraffic({ seed: 1, parts: [{ profile: 'T4', startHour: 20 }] });
    expect(describePlan(plan)[0]).toMatch(/arrivals 20:00-12:00 \(\+1d\) on 2026-02-02, seed 1, speed x1 \(wall \+0s to \+16h00m\)/);
  });
});
