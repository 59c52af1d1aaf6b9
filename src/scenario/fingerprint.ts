import { createHash } from 'node:crypto';
import { stableStringify } from '../util/index.ts';
import type { Scenario } from './schema.ts';

/**
 * sha256 of the normalised scenario (defaults applied, keys sorted): what was done to the client, not
 * which client. The client block is left out, so that two vendors' systems run on the same scenario share a
 * fingerprint; the seed is left out too (it is reported beside it, so "same scenario, other seed" stays
 * recognisable). `thap compare` refuses runs whose fingerprints differ. The client's drain deadline is kept:
 * it is a rule of the verdict (writes not at NIC by then are undelivered), not a property of the client.
 */
export function scenarioFingerprint(scenario: Scenario): string {
  const { seed: _seed, client, ...rest } = scenario;
  return `sha256:${createHash('sha256').update(stableStringify({ ...rest, drainDeadline: client.drainDeadline })).digest('hex')}`;
}
