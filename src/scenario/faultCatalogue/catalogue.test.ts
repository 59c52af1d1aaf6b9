import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { faultCatalogue, knownFaultKinds } from './catalogue.ts';

describe('fault catalogue', () => {
  it('documents every kind in the catalogue of docs/scenarios.md', () => {
    const doc = readFileSync('docs/scenarios.md', 'utf8');
    for (const config of faultCatalogue.values()) expect(doc, config.kind).toContain(`| \`${config.kind}\` | ${config.layer} |`);
  });

  it('lists its kinds sorted, for the message that names them', () => {
    expect(knownFaultKinds()).toEqual([...faultCatalogue.keys()].sort());
    expect(knownFaultKinds()).toContain('regional-partition');
  });

  it('rejects odd settings before anything reaches Toxiproxy (which would accept them)', () => {
    const accepts = (kind: string, settings: Record<string, unknown>) => faultCatalogue.get(kind)?.settings.safeParse(settings).success;
    expect(accepts('latency', { latencyMs: -200 })).toBe(false);
    expect(accepts('bandwidth', { rateKBps: 0 })).toBe(false);
    expect(accepts('latency', { latencyMs: 200, toxicity: 1.5 })).toBe(false);
    expect(accepts('latency', { latencyMs: 200, latency: 5 })).toBe(false);
    expect(accepts('latency', { latencyMs: 200 })).toBe(true);
  });

  it('describes each kind in one line, app kinds in the mocks own words', () => {
    expect(faultCatalogue.get('latency')?.describe({ latencyMs: 200, jitterMs: 20, stream: 'downstream', toxicity: 0.5 })).toBe('latency 200 ms +/- 20 ms (downstream on 50% of connections)');
    expect(faultCatalogue.get('black-hole')?.describe({ closeAfterMs: 0, stream: 'upstream', toxicity: 1 })).toBe('black hole: no answer (upstream)');
    expect(faultCatalogue.get('http-status')?.describe({ status: 502 })).toBe('answer 502');
    expect(faultCatalogue.get('http-status')?.layer).toBe('app');
  });
});
