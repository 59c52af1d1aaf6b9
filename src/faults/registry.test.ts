import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { faultKinds } from './registry.ts';

describe('fault registry', () => {
  it('documents every registered kind in the catalogue of docs/scenarios.md', () => {
    const doc = readFileSync('docs/scenarios.md', 'utf8');
    for (const kind of faultKinds.values()) expect(doc, kind.kind).toContain(`| \`${kind.kind}\` | ${kind.layer} |`);
  });

  it('rejects odd settings before anything reaches Toxiproxy (which would accept them)', () => {
    const reject = (kind: string, settings: Record<string, unknown>) => faultKinds.get(kind)?.settings.safeParse(settings).success;
    expect(reject('latency', { latencyMs: -200 })).toBe(false);
    expect(reject('bandwidth', { rateKBps: 0 })).toBe(false);
    expect(reject('latency', { latencyMs: 200, toxicity: 1.5 })).toBe(false);
    expect(reject('latency', { latencyMs: 200, latency: 5 })).toBe(false);
    expect(reject('latency', { latencyMs: 200 })).toBe(true);
  });

  it('describes each kind in one line', () => {
    expect(faultKinds.get('latency')?.describe({ latencyMs: 200, jitterMs: 20, stream: 'downstream', toxicity: 0.5 })).toBe('latency 200 ms +/- 20 ms (downstream on 50% of connections)');
    expect(faultKinds.get('black-hole')?.describe({ closeAfterMs: 0, stream: 'upstream', toxicity: 1 })).toBe('black hole: no answer (upstream)');
  });
});
