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

describe('judgeComparison, verdict before score', () => {
  const withRuns = (judged: ComparedClient, statuses: string[]) => ({ ...judged, runs: statuses.map((status, index) => ({ runDir: `r${index}`, runId: `r${index}`, status, score: judged.score.mean })) }) as ComparedClient;

  it('ranks a client that passed every run above a higher-scoring one that failed its gates, and says so', () => {
    const stormer = withRuns(client('retry-storm', 98.6, 0, 2), ['failed', 'failed']);
    const refuser = withRuns(client('naive', 73.5, 0, 2), ['passed', 'passed']);
    expect(judgeComparison([stormer, refuser])).toEqual({ verdict: 'naive ranks first: it passed its gates in every run, and retry-storm failed them in 2 of 2, though it scores more (98.6 ± 0.0 against 73.5 ± 0.0)', noise: null });
  });

  it('ranks by score when both passed, or both failed, every run', () => {
    const a = withRuns(client('a', 90, 0.5, 2), ['failed', 'passed']);
    const b = withRuns(client('b', 60, 0.5, 2), ['failed', 'failed']);
    expect(judgeComparison([b, a]).verdict).toBe("a is ahead: 90.0 ± 0.5 against b's 60.0 ± 0.5, 30.0 points, beyond the repeat spread");
    const c = withRuns(client('c', 80, 0.5, 2), ['passed', 'passed']);
    const d = withRuns(client('d', 85, 0.5, 2), ['passed', 'passed']);
    expect(judgeComparison([c, d]).verdict).toBe("d is ahead: 85.0 ± 0.5 against c's 80.0 ± 0.5, 5.0 points, beyond the repeat spread");
  });
});
