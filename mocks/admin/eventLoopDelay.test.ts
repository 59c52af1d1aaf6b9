import { describe, expect, it } from 'vitest';
import { eventLoopP99Ms } from './eventLoopDelay.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function holdLoop(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // Hold the event loop, as a saturated machine or a long synchronous handler would.
  }
}

describe('eventLoopP99Ms', () => {
  it('is null before a window was measured, then shows a loop held for 100 ms at a time in that window', async () => {
    expect(eventLoopP99Ms()).toBeNull();
    // Its sampling timer starts on the next turn of the loop.
    await sleep(50);
    for (let stall = 0; stall < 4; stall += 1) {
      holdLoop(100);
      await sleep(20);
    }
    let p99 = eventLoopP99Ms();
    for (let tries = 0; p99 === null && tries < 40; tries += 1) {
      await sleep(100);
      p99 = eventLoopP99Ms();
    }
    expect(p99).toBeGreaterThanOrEqual(70);
  });
});
