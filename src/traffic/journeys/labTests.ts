/** OPD lab tests a doctor orders, with relative weights (assumption: a general hospital's common panel). */
export const opdLabTests: ReadonlyArray<{ name: string; weight: number }> = [
  { name: 'CBC', weight: 25 },
  { name: 'blood-sugar', weight: 15 },
  { name: 'KFT', weight: 12 },
  { name: 'LFT', weight: 12 },
  { name: 'urine-routine', weight: 10 },
  { name: 'lipid-profile', weight: 8 },
  { name: 'thyroid-profile', weight: 7 },
  { name: 'HbA1c', weight: 5 },
  { name: 'serum-electrolytes', weight: 4 },
  { name: 'ESR', weight: 2 },
];

/**
 * Tests of an SRF sample (ICMR specimen referral form) with relative weights: an assumption for a 2021
 * RT-PCR lab's mix (rapid antigen tests are done at the point of care and never consigned, so are left out).
 */
export const sampleTests: ReadonlyArray<{ name: string; specimen: string; weight: number }> = [
  { name: 'RT-PCR', specimen: 'nasopharyngeal-oropharyngeal-swab', weight: 88 },
  { name: 'TrueNat', specimen: 'nasopharyngeal-swab', weight: 8 },
  { name: 'CBNAAT', specimen: 'nasopharyngeal-swab', weight: 4 },
];
