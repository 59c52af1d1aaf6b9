import { afterEach, describe, expect, it, vi } from 'vitest';
import { startLagProbe } from './probeLag.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('startLagProbe', () => {
  it('counts the probe time in the lag', async () => {
    // On a faked clock the timers fire on time, so each lag is exactly the probe's own 30 ms.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const probe = startLagProbe({ everyMs: 20, probe: () => new Promise((resolve) => setTimeout(resolve, 30)) });
    await vi.advanceTimersByTimeAsync(400);
    const summary = probe.stop();
    // Ticks planned at 20, 60, ..., 340 ms (a 30 ms probe skips every other 20 ms slot), each done 30 ms later.
    expect(summary).toEqual({ samples: 9, p50: 30, p99: 30, max: 30 });
  });
});
