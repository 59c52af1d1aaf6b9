import { UserError } from '../../core/index.ts';
import { resolvePart, type ResolvedPart } from '../profiles/resolvePart.ts';
import { speedRange } from './clock.ts';
import { trafficModelVersion, type TrafficPlan, type TrafficPlanOptions } from './trafficPlan.ts';
import { defaultReferenceDate } from '../population/generatePatients.ts';

/**
 * Validates the options in full (every problem at once) and resolves each part's profile. Cheap: no records
 * are drawn until the plan is iterated.
 */
export function planTraffic(options: TrafficPlanOptions): TrafficPlan {
  const problems: string[] = [];
  const { seed, speed = 1, date = defaultReferenceDate } = options;
  if (!Number.isSafeInteger(seed)) problems.push(`seed must be a whole number (got ${seed})`);
  if (!Number.isFinite(speed) || speed < speedRange.min || speed > speedRange.max) {
    problems.push(`speed must be from ${speedRange.min} (real time) to ${speedRange.max} (a day per wall second) (got ${speed})`);
  }
  for (const segment of options.segments ?? []) {
    if (!Number.isFinite(segment.speed) || segment.speed < speedRange.min || segment.speed > speedRange.max) {
      problems.push(`segment speed must be from ${speedRange.min} to ${speedRange.max} (got ${segment.speed})`);
    }
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) problems.push(`date must be YYYY-MM-DD (got ${JSON.stringify(date)})`);
  if (options.parts.length === 0) problems.push('parts: give at least one profile');
  const parts: ResolvedPart[] = [];
  for (const part of options.parts) {
    try {
      parts.push(resolvePart(part));
    } catch (error) {
      if (error instanceof UserError) problems.push(error.message);
      else throw error;
    }
  }
  if (problems.length > 0) throw new UserError(`invalid traffic plan:\n${problems.map((p) => `  - ${p}`).join('\n')}`, { code: 'THAP_BAD_TRAFFIC_PLAN' });
  const offsets: number[] = [];
  const next = { patients: 0, samples: 0 };
  for (const part of parts) {
    offsets.push(next[part.profile.unit]);
    next[part.profile.unit] += part.count;
  }
  const startHour = Math.min(...parts.map((p) => p.segments[0]?.fromHour ?? 0));
  return { version: trafficModelVersion, seed, clock: { date, speed, startSim: Math.round(startHour * 3_600_000), ...(options.segments?.length ? { segments: options.segments } : {}) }, parts, offsets };
}
