import type { HarmAccumulator } from '../harm/HarmAccumulator.ts';
import type { Timeline } from '../reportSchema.ts';

/**
 * The backlog over time per journey kind (report.json `timeline.backlog`): at the end of each bucket, the units
 * the client accepted (done or queued) and NIC has not stored yet (patients waiting to be registered, samples
 * waiting for a consignment id); work the client refused was sent away, not kept waiting (HarmAccumulator).
 * Kinds that never had a whole unit waiting are left out; report.json `harm.backlog` is the worst one's peak.
 */
export function backlogSeries(harm: HarmAccumulator): NonNullable<Timeline['backlog']> {
  const series: NonNullable<Timeline['backlog']> = [];
  for (const kind of harm.kinds.values()) {
    let level = 0;
    const waiting = Array.from(kind.acceptedPerBucket, (accepted, index) => {
      level += accepted - (kind.storedPerBucket[index] ?? 0);
      return Math.max(0, Math.round(level));
    });
    if (waiting.some((units) => units >= 1)) series.push({ kind: kind.journey.kind, unit: kind.journey.unit, waiting });
  }
  return series;
}
