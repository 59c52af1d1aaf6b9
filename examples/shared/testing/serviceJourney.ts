import { correlationIdFor, correlationIdHeader } from '../../../src/contract/headers.ts';
import { idFrom, type StepAnswer } from './journeys.ts';

/**
 * Drives the OTP, ABHA and online-payment steps through a client as k6 would (docs/client-contract.md): send
 * an OTP, read it off the simulated phone (the SMS mock's inbox stands in for the patient), verify it; Scan and
 * Share; pay the OPD card fee online. For tests of the reference clients against the real mocks.
 */
export async function serviceJourney(args: { url: string; smsUrl: string; n: number; abhaNumber: string; visitId: string }): Promise<StepAnswer[]> {
  const entity = `pt-${String(args.n).padStart(6, '0')}`;
  const mobile = `+9198${String(20_000_000 + args.n).slice(-8)}`;
  const answers: StepAnswer[] = [];
  const step = async (step: string, path: string, body: unknown) => {
    const response = await fetch(`${args.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [correlationIdHeader]: correlationIdFor({ entity, step }) },
      body: JSON.stringify(body),
    });
    const answer = { step, status: response.status, body: (await response.json()) as Record<string, unknown> };
    answers.push(answer);
    return answer;
  };
  const sent = await step('sendOtp', '/opd/otp/send', { mobile, purpose: 'registration' });
  const otpId = idFrom(sent, 'otpId');
  const otp = otpId === undefined ? undefined : await readOtp({ smsUrl: args.smsUrl, mobile, otpId });
  if (otpId !== undefined && otp !== undefined) await step('verifyOtp', '/opd/otp/verify', { otpId, otp });
  await step('abhaShare', '/opd/abha-shares', { abhaNumber: args.abhaNumber, counterId: 'OPD-1' });
  await step('onlinePayment', '/opd/payments', { uhid: `UH-${args.n}`, visitId: args.visitId, amountInr: 10, purpose: 'opd-card' });
  return answers;
}

/** The OTP's code from the phone's inbox, polled for up to 2 s; undefined when it never arrives. */
export async function readOtp(args: { smsUrl: string; mobile: string; otpId: string }): Promise<string | undefined> {
  for (let tries = 0; tries < 100; tries++) {
    const inbox = (await (await fetch(`${args.smsUrl}/sms/v1/inbox/${encodeURIComponent(args.mobile)}`)).json()) as { messages: Array<{ messageId: string; text: string }> };
    const message = inbox.messages.find((m) => m.messageId === args.otpId);
    if (message) return /^(\d{6})/.exec(message.text)?.[1];
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return undefined;
}
