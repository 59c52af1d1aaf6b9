import { describe, expect, it } from 'vitest';
import { DrainLimit, drainSignal } from './drainLimit.ts';

/** Sends `count` writes and answers each with `signal`, one after the other (one write in flight). */
function oneByOne(limit: DrainLimit, count: number, signal: 'fast' | 'slow' | 'overload'): void {
  for (let i = 0; i < count; i++) limit.answered(limit.dispatch(), signal);
}

/** Sends `count` writes at once, then answers each with `signal` (all in flight together). */
function allTogether(limit: DrainLimit, count: number, signal: 'fast' | 'slow' | 'overload'): void {
  const tickets = Array.from({ length: count }, () => limit.dispatch());
  for (const ticket of tickets) limit.answered(ticket, signal);
}

describe('DrainLimit', () => {
  it('grows by one per fast answer until the first sign of trouble, then by about one per round of answers', () => {
    const limit = new DrainLimit({ initial: 4, min: 1, max: 64, toleratedShare: 0, minRound: 1 });
    oneByOne(limit, 4, 'fast');
    expect(limit.limit).toBe(8);
    oneByOne(limit, 1, 'overload');
    expect(limit.limit).toBe(4);
    // a round at 4 in flight is 4 answers: about one more per round, not one per answer
    oneByOne(limit, 4, 'fast');
    expect(limit.limit).toBe(4);
    oneByOne(limit, 1, 'fast');
    expect(limit.limit).toBe(5);
  });

  it('never grows past its maximum nor shrinks below its minimum', () => {
    const limit = new DrainLimit({ initial: 4, min: 2, max: 10, toleratedShare: 0, minRound: 1 });
    oneByOne(limit, 100, 'fast');
    expect(limit.limit).toBe(10);
    oneByOne(limit, 20, 'overload');
    expect(limit.limit).toBe(2);
  });

  it('halves on a push-back and shrinks by a quarter on a slow answer', () => {
    const pushed = new DrainLimit({ initial: 16, min: 1, max: 64, toleratedShare: 0, minRound: 1 });
    pushed.answered(pushed.dispatch(), 'overload');
    expect(pushed.limit).toBe(8);
    const slowed = new DrainLimit({ initial: 16, min: 1, max: 64, toleratedShare: 0, minRound: 1 });
    slowed.answered(slowed.dispatch(), 'slow');
    expect(slowed.limit).toBe(12);
  });

  it('shrinks once for a burst of failures of writes that were in flight together', () => {
    const limit = new DrainLimit({ initial: 16, min: 1, max: 64, toleratedShare: 0, minRound: 1 });
    allTogether(limit, 16, 'overload');
    expect(limit.limit).toBe(8);
    // a write sent after that decrease is news: it shrinks the limit again
    limit.answered(limit.dispatch(), 'overload');
    expect(limit.limit).toBe(4);
  });
});

describe('DrainLimit with a tolerated share of trouble', () => {
  /** A limit past slow start (one push-back taken), grown back to `size` in flight. */
  function settledAt(size: number): DrainLimit {
    const limit = new DrainLimit({ initial: size * 2, min: 1, max: 64, toleratedShare: 0.2, minRound: 1 });
    allTogether(limit, size * 2, 'overload');
    expect(limit.limit).toBe(size);
    return limit;
  }

  it('keeps growing through one push-back in ten, as a NIC dropping a tenth of its calls at random gives', () => {
    const limit = settledAt(10);
    for (let round = 0; round < 20; round++) {
      oneByOne(limit, 9, 'fast');
      oneByOne(limit, 1, 'overload');
    }
    expect(limit.limit).toBeGreaterThan(20);
  });

  it('halves at the answer that takes a round past its tolerated share, not at the round end', () => {
    const limit = settledAt(10);
    oneByOne(limit, 2, 'overload');
    expect(limit.limit).toBe(10);
    oneByOne(limit, 1, 'overload');
    expect(limit.limit).toBe(5);
  });

  it('shrinks by a quarter when slow answers, not push-backs, take the round past its share', () => {
    const limit = settledAt(10);
    oneByOne(limit, 1, 'overload');
    oneByOne(limit, 2, 'slow');
    expect(limit.limit).toBe(7);
  });

  it('judges each round alone: trouble spread over rounds under the share never shrinks it', () => {
    const limit = settledAt(10);
    oneByOne(limit, 8, 'fast');
    oneByOne(limit, 2, 'overload');
    oneByOne(limit, 2, 'overload');
    expect(limit.limit).toBeGreaterThanOrEqual(10);
  });
});

describe('DrainLimit judging small rounds and starting again after an outage', () => {
  it('judges a round of few writes in flight over at least minRound answers', () => {
    const limit = new DrainLimit({ initial: 2, min: 1, max: 64, toleratedShare: 0.2, minRound: 20 });
    allTogether(limit, 4, 'overload');
    // 4 push-backs of a round of 20 is a fifth: tolerated; the fifth is not
    expect(limit.limit).toBe(2);
    limit.answered(limit.dispatch(), 'overload');
    expect(limit.limit).toBe(1);
  });

  it('starts again from its initial limit in slow start once NIC is back (restart)', () => {
    const limit = new DrainLimit({ initial: 8, min: 1, max: 64, toleratedShare: 0, minRound: 1 });
    oneByOne(limit, 10, 'overload');
    expect(limit.limit).toBe(1);
    limit.restart();
    expect(limit.limit).toBe(8);
    // slow start: one more per fast answer, not one per round
    oneByOne(limit, 8, 'fast');
    expect(limit.limit).toBe(16);
  });
});

describe('drainSignal', () => {
  const ok = { kind: 'ok', attempts: 1, response: { status: 201, body: {} } } as const;
  it('reads an answer by its time, a failure as a push-back, and a call the open circuit held back as nothing', () => {
    expect(drainSignal({ result: ok, ms: 40, slowMs: 100 })).toBe('fast');
    expect(drainSignal({ result: ok, ms: 140, slowMs: 100 })).toBe('slow');
    expect(drainSignal({ result: { kind: 'rejected', attempts: 1, response: ok.response }, ms: 5, slowMs: 100 })).toBe('fast');
    expect(drainSignal({ result: { kind: 'failed', reason: '503', retryAfterMs: 1000, attempts: 1 }, ms: 5, slowMs: 100 })).toBe('overload');
    expect(drainSignal({ result: { kind: 'open', attempts: 0 }, ms: 0, slowMs: 100 })).toBeUndefined();
  });
});
