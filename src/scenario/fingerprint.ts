import { createHash } from 'node:crypto';
import { stableStringify } from '../util/stableStringify.ts';
import type { Scenario } from './schema.ts';

/**
 * sha256 of the normalised scenario (defaults applied, keys sorted). The seed is left out: it is reported
 * beside the fingerprint, so that "same scenario, other seed" stays recognisable. `thap compare` refuses
 * runs whose fingerprints differ.
 */
export function scenarioFingerprint(scenario: Scenario): string {
  const { seed: _seed, ...rest } = scenario;
  return `sha256:${createHash('sha256').update(stableStringify(rest)).digest('hex')}`;
}
