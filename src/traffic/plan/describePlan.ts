import type { TrafficPlan } from './trafficPlan.ts';
import { simToWall } from './clock.ts';

function clockTime(hours: number): string {
  const day = Math.floor(hours / 24);
  const h = Math.floor(hours % 24);
  const m = Math.round((hours % 1) * 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}${day > 0 ? ` (+${day}d)` : ''}`;
}

function wallDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/**
 * The plan in one line per part, for `--dry-run` style output: profile, size, simulated window and where that
 * window falls on the wall clock at the plan's speed.
 */
export function describePlan(plan: TrafficPlan): string[] {
  const { clock } = plan;
  return plan.parts.map((part) => {
    const from = part.segments[0]?.fromHour ?? 0;
    const to = part.segments[part.segments.length - 1]?.toHour ?? from;
    const wallFrom = simToWall(clock, from * 3_600_000);
    const wallTo = simToWall(clock, to * 3_600_000);
    const variant = part.variant ? ` ${part.variant}` : '';
    return (
      `${part.profile.name}${variant} ${part.profile.title}: ${part.count.toLocaleString('en-US')} ${part.profile.unit}, ` +
      `arrivals ${clockTime(from)}-${clockTime(to)} on ${clock.date}, seed ${plan.seed}, speed x${clock.speed} ` +
      `(wall +${wallDuration(wallFrom)} to +${wallDuration(wallTo)})`
    );
  });
}
