import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMocks, type RunningMocks } from './index.ts';
import { call } from '../test/support/mocks/httpClient.ts';
import { abdmHeaders, ABHA_WITH_ACCOUNT } from '../test/support/mocks/fixtures.ts';
import { startSink } from '../test/support/mocks/sink.ts';

/** The ledger lines NIC writes on its own for OTP, ABDM and payment writes, which integrity reconciles. */
describe('ledger lines of the SMS, ABDM and payment journeys', () => {
  let mocks: RunningMocks;
  let runDir: string;
  let sink: Awaited<ReturnType<typeof startSink>>;
  const ledger = async () => {
    await mocks.close();
    const text = await readFile(join(runDir, 'ledger.ndjson'), 'utf8');
    return text.trim().split('\n').map((line) => JSON.parse(line) as { entity: string; id: string; clientRef: string | null; businessKey: string; storedAt: number | null });
  };
  beforeAll(async () => {
    runDir = await mkdtemp(join(tmpdir(), 'thap-ledger-events-'));
    sink = await startSink();
    mocks = await startMocks({
      services: ['sms', 'abdm', 'payment'],
      seed: 17,
      runDir,
      config: { services: { sms: { otpTtlMs: 1500 }, abdm: { callbackDelayMs: 10 }, payment: { autoPayMs: 20, callbackDelayMs: 5 } } },
    });
  });
  afterAll(async () => {
    await sink.close();
    await rm(runDir, { recursive: true, force: true });
  });

  it('records an OTP verification, an expired attempt (kept, not stored), a received token and each capture', async () => {
    const sms = mocks.urls.sms;
    const codeOf = async (mobile: string, otpId: string) => {
      const inbox = await call({ base: sms, path: `/sms/v1/inbox/${mobile}` });
      const message = inbox.body.messages.find((m: { messageId: string }) => m.messageId === otpId);
      return /^(\d{6})/.exec(message.text)![1]!;
    };
    const fresh = await call({ base: sms, path: '/sms/v1/otp/send', body: { mobile: '9876500011' }, headers: { 'x-correlation-id': 'pt-1.sendOtp' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const verified = await call({ base: sms, path: '/sms/v1/otp/verify', body: { otpId: fresh.body.otpId, otp: await codeOf('9876500011', fresh.body.otpId) }, headers: { 'x-correlation-id': 'pt-1.verifyOtp' } });
    expect(verified.status).toBe(200);
    expect(verified.body.verificationId).toBe(`V${fresh.body.otpId}`);

    const stale = await call({ base: sms, path: '/sms/v1/otp/send', body: { mobile: '9876500012' }, headers: { 'x-correlation-id': 'pt-2.sendOtp' } });
    const staleCode = await (async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return codeOf('9876500012', stale.body.otpId);
    })();
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const late = await call({ base: sms, path: '/sms/v1/otp/verify', body: { otpId: stale.body.otpId, otp: staleCode }, headers: { 'x-correlation-id': 'pt-2.verifyOtp' } });
    expect(late.status).toBe(410);

    const requestHeaders = abdmHeaders({ 'x-correlation-id': 'pt-3.abhaShare' });
    await call({ base: mocks.urls.abdm, path: '/api/hiecm/patient-share/v3/share', body: { hipId: 'KGMU', counterId: 'C1', abhaNumber: ABHA_WITH_ACCOUNT, callbackUrl: `${sink.url}/on-share` }, headers: requestHeaders });
    await sink.waitFor(1);

    for (const attempt of [1, 2]) {
      await call({ base: mocks.urls.payment, path: '/payment/v1/qr', body: { orderRef: 'V1-opd-card', amountPaise: 1000 }, headers: { 'x-correlation-id': 'pt-4.onlinePayment', 'x-attempt': String(attempt) } });
    }
    await new Promise((resolve) => setTimeout(resolve, 150));

    const lines = await ledger();
    const of = (entity: string) => lines.filter((line) => line.entity === entity);
    expect(of('otp-verification')).toMatchObject([{ clientRef: 'pt-1.verifyOtp', id: `V${fresh.body.otpId}` }]);
    expect(of('otp-expired-attempt')).toMatchObject([{ clientRef: 'pt-2.verifyOtp', storedAt: null }]);
    expect(of('share-token-received')).toMatchObject([{ clientRef: 'pt-3.abhaShare', businessKey: `share-received|${requestHeaders['REQUEST-ID']}` }]);
    expect(of('payment-capture').map((line) => line.businessKey)).toEqual(['capture|V1-opd-card', 'capture|V1-opd-card']);
  });
});
