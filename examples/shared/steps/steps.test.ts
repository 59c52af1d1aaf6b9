import { describe, expect, it } from 'vitest';
import { contractSteps, stepHeader, stepNames } from '../../../src/contract/steps.ts';
import { journeySteps } from './index.ts';
import { icmrSpecimen, nicTestCode } from './nicCodes.ts';

describe('reference client steps', () => {
  it('serve exactly the contract steps, on the contract routes', () => {
    expect(journeySteps.map((step) => step.step)).toEqual([...stepNames]);
    for (const step of journeySteps) {
      const contract = contractSteps[step.step as keyof typeof contractSteps];
      expect(step.route).toBe(stepHeader(contract));
      expect(step.queueable, step.step).toBe(contract.queueable && contract.write);
    }
  });

  it('map hospital names to NIC codes and refuse specimens the portal does not know', () => {
    expect(['CBC', 'lipid-profile', 'urine-routine', 'ESR'].map(nicTestCode)).toEqual(['CBC', 'LIPID', 'URINE_RE', 'ESR']);
    expect(icmrSpecimen('nasopharyngeal-oropharyngeal-swab')).toBe('nasopharyngeal');
    expect(icmrSpecimen('stool')).toBeUndefined();
  });

  it('explain an unusable request instead of sending it', () => {
    const fee = journeySteps.find((step) => step.step === 'fee');
    expect(fee?.toNic({ body: { uhid: 'U', visitId: 'V', purpose: 'lab-tests' }, params: {} })).toMatch(/lab-tests with tests/);
  });
});
