import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { heaviestScenarioPeak } from './scenarioPeak.ts';

describe('heaviestScenarioPeak', () => {
  it('takes the largest ratePerSecond x clock.speed over the scenario files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'thap-peak-'));
    await writeFile(join(dir, 'a.yaml'), 'clock: { speed: 60 }\ntraffic:\n  - ratePerSecond: 0.5\n');
    await writeFile(join(dir, 'b.yaml'), 'clock: { speed: 10 }\ntraffic:\n  - ratePerSecond: 2\n  - peakPerSecond: 9\n');
    expect(await heaviestScenarioPeak(dir)).toEqual({ ratePerSec: 90, scenario: 'b.yaml' });
  });

  it('falls back to the demo floor of 30/s without scenarios', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'thap-peak-'));
    expect((await heaviestScenarioPeak(dir)).ratePerSec).toBe(30);
  });
});
