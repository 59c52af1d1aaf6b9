import { describe, expect, it } from 'vitest';
import { retryStormSettings } from './settings.ts';

const config = (timeScale: number) => ({ port: 0, nic: {}, timeScale });

describe('retry-storm settings', () => {
  it('keeps its attempt timeout a whole number of wall ms at every shipped speed (AbortSignal.timeout refuses a fraction)', () => {
    for (const timeScale of [30, 60, 120, 450, 600]) {
      const { attemptTimeoutMs } = retryStormSettings(config(timeScale));
      expect(Number.isInteger(attemptTimeoutMs)).toBe(true);
      expect(() => AbortSignal.timeout(attemptTimeoutMs)).not.toThrow();
    }
  });

  it('times out before a busy NIC queue of 30 simulated seconds empties, at the demo speed and at half of it', () => {
    for (const timeScale of [60, 30]) expect(retryStormSettings(config(timeScale)).attemptTimeoutMs).toBeLessThan(30_000 / timeScale / 2);
  });

  it('flushes on the incident clock: the same number of rounds over three simulated hours at any speed', () => {
    const at60 = retryStormSettings(config(60));
    const at30 = retryStormSettings(config(30));
    expect(at30.flushEveryMs).toBe(2 * at60.flushEveryMs);
    expect(at60.maxRounds).toBe(at30.maxRounds);
    expect(at60.maxRounds * at60.flushEveryMs * 60).toBeGreaterThanOrEqual(3 * 3600 * 1000);
  });
});
