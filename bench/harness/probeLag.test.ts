import { describe, expect, it } from 'vitest';
import { startLagProbe } from './probeLag.ts';

describe('startLagProbe', () => {
  it('counts the probe time in the lag', async () => {
    const probe = startLagProbe({ everyMs: 20, probe: () => new Promise((resolve) => setTimeout(resolve, 30)) });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const summary = probe.stop();
    expect(summary.samples).toBeGreaterThan(3);
    expect(summary.p50).toBeGreaterThanOrEqual(29);
  });
});
