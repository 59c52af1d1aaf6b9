import { describe, expect, it } from 'vitest';
import { drainBudget } from './drainBudget.ts';

describe('drainBudget', () => {
  const busy = { multiple: 1.8, normal: 100, incoming: 100, min: 1 };

  it('leaves the drain what the live path does not send itself, so the total stays within the multiple', () => {
    expect(drainBudget({ ...busy, sentLive: 100, justRecovered: false })).toBe(80);
    // most counter writes queued (they wait on parents still queued): the drain sends them, inside its share
    expect(drainBudget({ ...busy, sentLive: 40, justRecovered: false })).toBe(140);
  });

  it('takes every incoming write to go live for a window after NIC comes back, while the live meter is still silent', () => {
    expect(drainBudget({ ...busy, sentLive: 0, justRecovered: true })).toBe(80);
    expect(drainBudget({ ...busy, sentLive: 0, justRecovered: false })).toBe(180);
  });

  it('counts the live path retrying more than it is offered', () => {
    expect(drainBudget({ ...busy, sentLive: 130, justRecovered: true })).toBe(50);
  });

  it('never goes under its floor', () => {
    expect(drainBudget({ ...busy, sentLive: 400, justRecovered: false })).toBe(1);
  });
});
