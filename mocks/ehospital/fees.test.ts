import { describe, expect, it } from 'vitest';
import { nicTestCode } from '../../examples/shared/steps/nicCodes.ts';
import { opdLabTests } from '../../src/traffic/journeys/labTests.ts';
import { TEST_CODES } from './fees.ts';

describe('e-Hospital test catalogue', () => {
  it('has a code for every test the traffic model orders, as the reference clients name it', () => {
    for (const test of opdLabTests) expect(TEST_CODES, test.name).toContain(nicTestCode(test.name));
  });
});
