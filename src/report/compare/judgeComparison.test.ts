import { describe, expect, it } from 'vitest';
import type { ComparedClient } from './buildComparison.ts';
import { judgeComparison } from './judgeComparison.ts';

function client(label: string, mean: number | null, spread: number, n: number): ComparedClient {
  return { label, runs: [], score: { mean, spread, n }, dimensions: {}, lost: { mean: 0, spread: 0, n }, ttrMs: { mean: null, spread: null, n: 0 }, gatesPassed: 0, gatesTotal: 0, disqualifiedRuns: 0 } as ComparedClient;
}

describe('judgeComparison', () => {
  it('names the leader beyond the repeat spread', () => {
    expect(judgeComparison([client('naive', 42.3, 0.5, 2), client('resilient', 88.1, 1.2, 2)])).toEqual({ verdict: "resilient is ahead: 88.1 ± 1.2 against naive's 42.3 ± 0.5, 45.8 points, beyond the repeat spread", noise: null });
  });

  it('calls two clients level when their repeats overlap', () => {
    const judged = judgeComparison([client('a', 70, 3, 3), client('b', 66, 2, 3)]);
    expect(judged.verdict).toBe('a (70.0 ± 3.0) and b (66.0 ± 2.0) are level: the 4.0-point difference lies within the repeat spread');
    expect(judged.noise).toBe('the difference between a and b lies within the spread of their repeats');
  });

  it('warns that single runs cannot tell a lead from noise', () => {
    const judged = judgeComparison([client('a', 70, 0, 1), client('b', 60, 1, 2)]);
    expect(judged.verdict).toBe('a scores 70.0, 10.0 points ahead of b (60.0 ± 1.0)');
    expect(judged.noise).toMatch(/^a ran once: the repeat noise is unknown, so a lead of 10\.0 points may lie within it/);
  });
});
