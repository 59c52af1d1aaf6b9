/**
 * Fees in rupees. OPD card Rs 10 as at AIIMS (nic-services.md [11]); the test fees are assumptions in the
 * range of UP government hospital price lists. The catalogue covers every test the traffic model orders
 * (src/traffic/journeys/labTests.ts), as the reference clients name them (examples/shared/steps/nicCodes.ts).
 */
export const FEES: Readonly<Record<string, number>> = {
  OPD_CARD: 10,
  CBC: 100,
  LFT: 250,
  KFT: 250,
  LIPID: 300,
  HBA1C: 350,
  TSH: 200,
  URINE_RE: 50,
  BLOOD_SUGAR: 40,
  SERUM_ELECTROLYTES: 200,
  ESR: 50,
  XRAY_CHEST: 150,
  RTPCR_COVID: 0,
};

export const TEST_CODES = Object.keys(FEES).filter((code) => code !== 'OPD_CARD');
