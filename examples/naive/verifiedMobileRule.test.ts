import { describe, expect, it } from 'vitest';
import type { StepStrategy } from '../shared/journeyRoute.ts';
import { doneReply } from '../shared/replies.ts';
import { registerStep } from '../shared/steps/register.ts';
import { sendOtpStep, verifyOtpStep } from '../shared/steps/otpSteps.ts';
import type { JourneyStep } from '../shared/steps/journeyStep.ts';
import { requireVerifiedMobile, unverifiedMobileReason } from './verifiedMobileRule.ts';

const mobile = '+919876500001';
let sent = 0;
/** NIC as a fake: every call succeeds; an OTP send answers a new otpId. */
const nicAlwaysDone: StepStrategy = async ({ step, correlationId }) => {
  sent += 1;
  return doneReply({ correlationId, nic: step.step === 'sendOtp' ? { otpId: `OTP${sent}` } : { id: `N${sent}` } });
};

function call(strategy: StepStrategy, step: JourneyStep, body: unknown) {
  return strategy({ step, correlationId: `pt-1.${step.step}`, baseUrl: 'http://127.0.0.1:1', nicRequest: { method: 'POST', path: '/', write: true }, session: {} as never, request: { body, params: {} } });
}

const newPatient = { patient: { name: 'Asha Yadav', mobile }, department: 'medicine', visitType: 'new' };

describe('the naive counter registers a new patient only with a verified mobile (nic-services.md [8])', () => {
  it('sends the patient away when the OTP it sent was never verified', async () => {
    const strategy = requireVerifiedMobile(nicAlwaysDone);
    await call(strategy, sendOtpStep, { mobile });
    const before = sent;
    const reply = await call(strategy, registerStep, newPatient);
    expect(reply.status).toBe(503);
    expect(reply.body).toMatchObject({ status: 'failed', reason: unverifiedMobileReason });
    expect(sent).toBe(before);
  });

  it('registers once NIC verified the OTP, and registers patients it sent no OTP to', async () => {
    const strategy = requireVerifiedMobile(nicAlwaysDone);
    const otp = await call(strategy, sendOtpStep, { mobile });
    const otpId = (otp.body as { nic: { otpId: string } }).nic.otpId;
    await call(strategy, verifyOtpStep, { otpId, otp: '123456' });
    expect((await call(strategy, registerStep, newPatient)).status).toBe(200);
    expect((await call(strategy, registerStep, { ...newPatient, patient: { name: 'Ram Yadav', mobile: '+919876500002' } })).status).toBe(200);
  });

  it('keeps a follow-up visit out of it: the patient is registered already', async () => {
    const strategy = requireVerifiedMobile(nicAlwaysDone);
    await call(strategy, sendOtpStep, { mobile });
    expect((await call(strategy, registerStep, { ...newPatient, visitType: 'followup' })).status).toBe(200);
  });
});
