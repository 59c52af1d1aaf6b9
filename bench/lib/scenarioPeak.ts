import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The demo's rate when no scenario says more: 0.5 registrations per simulated second (traffic.md T1) x speed 60. */
const FLOOR_PER_SEC = 30;

/**
 * The peak wall-clock request rate of the heaviest shipped scenario (scenarios/*.yaml): the largest
 * `ratePerSecond` (or `peakPerSecond`) of its traffic, times its clock speed. Each journey step is one NIC
 * call. Returns the rate and the scenario it came from.
 */
export async function heaviestScenarioPeak(dir = fileURLToPath(new URL('../../scenarios/', import.meta.url))): Promise<{ ratePerSec: number; scenario: string }> {
  let best = { ratePerSec: FLOOR_PER_SEC, scenario: 'floor (demo: 0.5/s x 60)' };
  const files = (await readdir(dir).catch(() => [] as string[])).filter((file) => /\.ya?ml$/.test(file));
  for (const file of files) {
    const doc = parse(await readFile(join(dir, file), 'utf8')) as { clock?: { speed?: number }; traffic?: Array<Record<string, unknown>> } | null;
    const speed = typeof doc?.clock?.speed === 'number' ? doc.clock.speed : 1;
    for (const item of doc?.traffic ?? []) {
      const rate = [item.ratePerSecond, item.peakPerSecond].find((value): value is number => typeof value === 'number') ?? 0;
      // At the floor, a scenario that reaches it names the source; above it, only a larger rate does.
      const atFloor = best.scenario.startsWith('floor');
      if (rate * speed > best.ratePerSec || (atFloor && rate * speed === best.ratePerSec)) best = { ratePerSec: rate * speed, scenario: file };
    }
  }
  return best;
}
