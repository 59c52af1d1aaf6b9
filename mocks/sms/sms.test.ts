import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMocks, type RunningMocks } from '../index.ts';
import { call } from '../../test/support/mocks/httpClient.ts';

describe('SMS/OTP routes over HTTP (contract)', () => {
  let mocks: RunningMocks;
  let base: string;
  beforeAll(async () => {
    mocks = await startMocks({ services: ['sms'], seed: 11 });
    base = mocks.urls.sms;
  });
  afterAll(() => mocks.close());

  it('send OTP -> it reaches the inbox -> a wrong OTP is 400, the right one verifies', async () => {
    const sent = await call({ base, path: '/sms/v1/otp/send', body: { mobile: '+919876500001' } });
    expect(sent.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const inbox = await call({ base, path: '/sms/v1/inbox/9876500001' });
    const code = /^(\d{6}) is your OTP/.exec(inbox.body.messages[0].text)![1]!;
    const wrong = await call({ base, path: '/sms/v1/otp/verify', body: { otpId: sent.body.otpId, otp: code === '000000' ? '111111' : '000000' } });
    expect(wrong.status).toBe(400);
    const right = await call({ base, path: '/sms/v1/otp/verify', body: { otpId: sent.body.otpId, otp: code } });
    expect(right.status).toBe(200);
    expect(right.body.verified).toBe(true);
    expect((await call({ base, path: '/sms/v1/otp/verify', body: { otpId: 'OTP0', otp: code } })).status).toBe(404);
  });

  it('three wrong attempts lock the OTP (429)', async () => {
    const sent = await call({ base, path: '/sms/v1/otp/send', body: { mobile: '9876500002' } });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const code = /^(\d{6})/.exec((await call({ base, path: '/sms/v1/inbox/9876500002' })).body.messages[0].text)![1]!;
    const wrong = code === '123456' ? '654321' : '123456';
    for (let i = 0; i < 3; i++) expect((await call({ base, path: '/sms/v1/otp/verify', body: { otpId: sent.body.otpId, otp: wrong } })).status).toBe(400);
    expect((await call({ base, path: '/sms/v1/otp/verify', body: { otpId: sent.body.otpId, otp: code } })).status).toBe(429);
  });

  it('POST /sms/v1/messages: 202 queued, delivered to the inbox; bad mobile 400', async () => {
    const sent = await call({ base, path: '/sms/v1/messages', body: { mobile: '9876500003', text: 'Your token is MED-0042' } });
    expect(sent.status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect((await call({ base, path: '/sms/v1/inbox/9876500003' })).body.messages.map((m: { text: string }) => m.text)).toEqual(['Your token is MED-0042']);
    expect((await call({ base, path: '/sms/v1/messages', body: { mobile: '5876500003', text: 'x' } })).status).toBe(400);
  });
});
