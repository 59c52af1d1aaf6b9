import { describe, expect, it } from 'vitest';
import type { Load } from './buildLoad.ts';
import { contractStepsSent } from './contractStepsSent.ts';

const visit = (entity: string, steps: string[]) => ({ entity, simMs: 0, wallMs: 0, steps: steps.map((name) => ({ name, thinkMs: 0 })) });
const loadOf = (series: Load['series']): Load => ({ scenarios: {}, replays: {}, series, counts: {} });

describe('contractStepsSent', () => {
  it('names the contract step of every visit step, once, without lookups', () => {
    const load = loadOf({ registration: [visit('pt-1', ['lookup', 'register', 'fee']), visit('pt-2', ['revisit', 'token'])], report: [visit('pt-1', ['report'])] });
    expect(contractStepsSent(load)).toEqual(['fee', 'fetchReport', 'register', 'token']);
  });

  it('counts a resend wherever an OTP is verified: the patient asks for one when no code came', () => {
    expect(contractStepsSent(loadOf({ registration: [visit('pt-1', ['otp-send', 'otp-verify', 'register'])] }))).toEqual(['register', 'resendOtp', 'sendOtp', 'verifyOtp']);
  });
});
