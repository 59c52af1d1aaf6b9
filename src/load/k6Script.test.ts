import { describe, expect, it } from 'vitest';
import { contractSteps } from '../contract/steps.ts';
import { k6Script } from './k6Script.ts';

describe('k6Script', () => {
  const script = k6Script({ options: { scenarios: {} }, slipsNeeded: false });

  it('takes every step route from the client contract', () => {
    const embedded = JSON.parse(/const contract: [^=]+= (.*);\n/.exec(script)?.[1] ?? '{}') as Record<string, { method: string; path: string }>;
    for (const step of Object.values(contractSteps)) expect(embedded[step.name]).toEqual({ method: step.method, path: step.path });
  });

  it('fills path parameters from the slip (fetchReport: /lab/reports/:orderId)', () => {
    const pattern = /path\.replace\(\/(.+?)\/g,/.exec(script)?.[1];
    const filled = contractSteps.fetchReport.path.replace(new RegExp(pattern as string, 'g'), (_, name: string) => encodeURIComponent(String({ orderId: 'ORD 7' }[name])));
    expect(filled).toBe('/lab/reports/ORD%207');
  });

  it('keeps slips only when a later visit reads them', () => {
    expect(script).toContain('const slipsNeeded = false;');
    expect(k6Script({ options: {} })).toContain('const slipsNeeded = true;');
  });
});
