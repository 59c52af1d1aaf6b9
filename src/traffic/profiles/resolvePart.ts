import { UserError } from '../../core/index.ts';
import type { ProfileDefinition, Segment } from './profileDefinition.ts';
import { getProfile } from './registry.ts';
import { burstAtOpening } from './burstAtOpening.ts';

/** A profile as a user asks for it: every field but `profile` optional. */
export interface PlanPart {
  profile: string;
  /** Patients or samples in the day; overrides the profile's default (and the variant's factor). */
  count?: number;
  /** Multiplies the count (default 1): `scale: 100` on T4 is the 2021 national peak [26]. */
  scale?: number;
  /** Hour the profile's first segment starts (0-23.99); the whole curve moves with it. */
  startHour?: number;
  /** A named variant (T2 `monday`/`post-holiday`, T3 `mon`..`sun`/`holiday`). */
  variant?: string;
  /** Samples per consignment (T4; default 100, an assumption). */
  batchSize?: number;
  /** The day of the incident the part is for (0 the first): its curve moves by 24 h a day. */
  day?: number;
  /** Hours after the counters open in which the queued-at-opening share arrives (`burstAtOpening`); absent, as the profile spreads it. */
  openingBurstHours?: number;
}

export interface ResolvedPart {
  profile: ProfileDefinition;
  count: number;
  startHour: number;
  variant?: string;
  segments: Segment[];
  consignmentSegments?: Segment[];
  batchSize: number;
}

/** Largest count one part may ask for: 10x India's 2021 peak of 21 lakh samples a day [26]. */
export const maxCount = 21_000_000;
const defaultBatchSize = 100;

/** Applies a user's parameters to a profile, reporting every bad one at once with what is allowed. */
export function resolvePart(part: PlanPart): ResolvedPart {
  const profile = getProfile(part.profile);
  const problems: string[] = [];
  const variants = profile.variants ?? [];
  const variantName = part.variant ?? profile.defaultVariant;
  const variant = variants.find((v) => v.name === variantName);
  if (part.variant !== undefined && !variant) {
    problems.push(
      variants.length === 0
        ? `variant: ${profile.name} has no variants (got ${JSON.stringify(part.variant)})`
        : `variant: ${JSON.stringify(part.variant)} is not one of ${variants.map((v) => v.name).join(', ')}`,
    );
  }
  const scale = part.scale ?? 1;
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1000) problems.push(`scale must be a number above 0 and at most 1000 (got ${part.scale})`);
  if (part.count !== undefined && (!Number.isSafeInteger(part.count) || part.count < 1 || part.count > maxCount)) {
    problems.push(`count must be a whole number from 1 to ${maxCount.toLocaleString('en-US')} (got ${part.count})`);
  }
  const first = profile.segments[0]?.fromHour ?? 0;
  const startHour = part.startHour ?? first;
  if (!Number.isFinite(startHour) || startHour < 0 || startHour >= 24) problems.push(`startHour must be from 0 to 23.99 (got ${part.startHour})`);
  if (part.day !== undefined && (!Number.isSafeInteger(part.day) || part.day < 0 || part.day > 30)) problems.push(`day must be a whole number from 0 to 30 (got ${part.day})`);
  if (part.openingBurstHours !== undefined && !profile.queuedAtOpening) problems.push(`openingBurst: ${profile.name} has no patients queued at opening (T1 and T2 have)`);
  else if (part.openingBurstHours !== undefined && !(part.openingBurstHours > 0 && part.openingBurstHours <= 4)) problems.push(`openingBurst must be above 0 and at most 4 hours (got ${part.openingBurstHours} h)`);
  const batchSize = part.batchSize ?? defaultBatchSize;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1 || batchSize > 100_000) problems.push(`batchSize must be a whole number from 1 to 100000 (got ${part.batchSize})`);
  const base = part.count ?? Math.round(profile.defaultCount * (variant?.factor ?? 1));
  const count = Math.round(base * scale);
  if (problems.length === 0 && (count < 1 || count > maxCount)) {
    problems.push(`count x scale must come to 1..${maxCount.toLocaleString('en-US')} (got ${count})`);
  }
  if (problems.length > 0) {
    throw new UserError(`profile ${profile.name}: ${problems.join('; ')}`, { code: 'THAP_BAD_PROFILE_PARAMETER' });
  }
  const shift = startHour - first + 24 * (part.day ?? 0);
  const move = (s: Segment): Segment => ({ fromHour: s.fromHour + shift, toHour: s.toHour + shift, percent: s.percent });
  const curve = part.openingBurstHours !== undefined ? burstAtOpening(profile.segments, part.openingBurstHours) : profile.segments;
  return {
    profile,
    count,
    startHour,
    ...(variant ? { variant: variant.name } : {}),
    segments: curve.map(move),
    ...(profile.consignmentSegments ? { consignmentSegments: profile.consignmentSegments.map(move) } : {}),
    batchSize,
  };
}
