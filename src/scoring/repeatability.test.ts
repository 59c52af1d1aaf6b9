import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { scoreRun } from './scoreRun.ts';
import { buildRunDir } from '../../test/support/scoring/buildRunDir.ts';
import { scoredTotal } from '../../test/support/scoring/scoredTotal.ts';

/** The stated tolerance (docs/scoring.md "Repeatability"): repeats score within ±5 points. */
const TOLERANCE_POINTS = 5;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/**
 * One repeat of the same scenario and client: the client's behaviour is fixed, but each repeat has its own
 * wall-clock noise (latency jitter, which requests hit a transient error, fault drift), as real repeats do.
 */
async function repeat(noiseSeed: number, client: 'resilient' | 'naive') {
  const random = mulberry32(noiseSeed);
  const { runDir } = await buildRunDir({
    durationMs: 90_000,
    ratePerSec: 20,
    faults: [{ id: 'f1', fromMs: 30_000, toMs: 55_000, driftMs: Math.floor(random() * 15) }],
    respond: ({ inFault, offsetMs }) => {
      const jitter = random();
      const transient = random() < 0.01;
      if (client === 'resilient') {
        if (inFault) return { ok: true, latencyMs: 4 + jitter * 6, outcome: 'queued', storedAfterMs: 55_000 - offsetMs + 500 + jitter * 3000, upstreamAttempts: jitter < 0.3 ? 2 : 1 };
        return { ok: !transient, latencyMs: 15 + jitter * 25, outcome: transient ? 'failed' : 'done' };
      }
      if (inFault) return { ok: false, latencyMs: 2 + jitter * 3, outcome: 'failed', upstreamAttempts: 1 };
      const afterFault = offsetMs >= 55_000 && offsetMs < 58_000;
      return { ok: !transient, latencyMs: (afterFault ? 400 : 15) + jitter * 25, outcome: transient ? 'failed' : 'done', stored: jitter < 0.002 ? 0 : 1 };
    },
  });
  dirs.push(runDir);
  return scoredTotal(await scoreRun({ runDir }));
}

describe('repeatability', () => {
  it.each(['resilient', 'naive'] as const)(`three repeats of the %s client score within ±${TOLERANCE_POINTS} points`, async (client) => {
    const scores = [await repeat(1, client), await repeat(2, client), await repeat(3, client)];
    expect(Math.max(...scores) - Math.min(...scores)).toBeLessThanOrEqual(2 * TOLERANCE_POINTS);
  });

  it('tells the two clients apart by far more than the tolerance', async () => {
    const resilient = await repeat(4, 'resilient');
    const naive = await repeat(4, 'naive');
    expect(resilient - naive).toBeGreaterThan(4 * TOLERANCE_POINTS);
  });
});
