/**
 * The ICMR lab code thap's traffic names on SRFs and consignments, and the lab a reference client assumes
 * when a request names none. Synthetic: a made-up code in the contract's `labCode` form (2-32 of
 * `[A-Za-z0-9_-]`, src/contract/requests.ts), for the VRDL at KGMU Lucknow (nic-services.md).
 */
export const trafficLabCode = 'KGMU-VRDL';
