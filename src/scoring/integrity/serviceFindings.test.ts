import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { claimKey } from './claimKey.ts';
import { computeIntegrity } from './computeIntegrity.ts';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

type Line = { service: string; entity: string; id: string; ref: string; key: string; storedAt?: number | null };

async function ledgerDir(lines: Line[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'thap-service-findings-'));
  dirs.push(dir);
  const text = lines.map((line, index) =>
    JSON.stringify({ seq: index + 1, service: line.service, entity: line.entity, id: line.id, idempotencyKey: null, clientRef: line.ref, clientId: '127.0.0.1', businessKey: line.key, acceptedAt: 1_000, storedAt: line.storedAt === undefined ? 1_000 : line.storedAt }),
  );
  await writeFile(join(dir, 'ledger.ndjson'), text.map((line) => `${line}\n`).join(''));
  return dir;
}

describe('computeIntegrity: OTP, ABHA and payment findings', () => {
  it('counts a share token that never reached the client, an order captured twice and a mobile called verified after its OTP expired', async () => {
    const runDir = await ledgerDir([
      // pt-1: the on-share reached the client; pt-2: it never did (and the client re-shared: two tokens lost).
      { service: 'abdm', entity: 'share-token', id: 'R1', ref: 'pt-1.abhaShare', key: 'share|KGMU|C1|a@sbx' },
      { service: 'abdm', entity: 'share-token-received', id: 'R1-received', ref: 'pt-1.abhaShare', key: 'share-received|R1' },
      { service: 'abdm', entity: 'share-token', id: 'R2', ref: 'pt-2.abhaShare', key: 'share|KGMU|C1|b@sbx' },
      { service: 'abdm', entity: 'share-token', id: 'R3', ref: 'pt-2.abhaShare', key: 'share|KGMU|C1|b@sbx' },
      // pt-3 paid once; pt-4's order was captured twice.
      { service: 'payment', entity: 'payment-capture', id: 'U1', ref: 'pt-3.onlinePayment', key: 'capture|V3:opd-card' },
      { service: 'payment', entity: 'payment-capture', id: 'U2', ref: 'pt-4.onlinePayment', key: 'capture|V4:opd-card' },
      { service: 'payment', entity: 'payment-capture', id: 'U3', ref: 'pt-4.onlinePayment', key: 'capture|V4:opd-card' },
      // pt-5 verified in time; pt-6 tried the code after expiry and answered done anyway; pt-7 did too but said failed.
      { service: 'sms', entity: 'otp-verification', id: 'VOTP5', ref: 'pt-5.verifyOtp', key: 'otpv|OTP5' },
      { service: 'sms', entity: 'otp-expired-attempt', id: 'OTP6-expired', ref: 'pt-6.verifyOtp', key: 'otpx|OTP6|1', storedAt: null },
      { service: 'sms', entity: 'otp-expired-attempt', id: 'OTP7-expired', ref: 'pt-7.verifyOtp', key: 'otpx|OTP7|2', storedAt: null },
    ]);
    const done = new Set(['pt-1.abhaShare', 'pt-5.verifyOtp', 'pt-6.verifyOtp']);
    const claims = new Map([['pt-6.verifyOtp', claimKey('VOTP6')]]);
    const { integrity } = await computeIntegrity({ runDir, done, queued: new Set(), backlog: new Set(), claims });
    expect(integrity.services).toEqual({
      callbacksNeverReceived: 2,
      paymentsCapturedTwice: 1,
      otpVerifiedAfterExpiry: 1,
      samples: { callbacksNeverReceived: ['R2', 'R3'], paymentsCapturedTwice: ['capture|V4:opd-card'], otpVerifiedAfterExpiry: ['pt-6.verifyOtp'] },
    });
    // The same answer is also a false claim and a lost write: NIC issued no verification for it.
    expect(integrity.falseClaims).toBe(1);
    expect(integrity.lostSample).toEqual(['pt-6.verifyOtp']);
  });

  it('leaves the findings out when the run had none of these journeys', async () => {
    const runDir = await ledgerDir([{ service: 'ehospital', entity: 'registration', id: 'V1', ref: 'pt-1.register', key: 'registration|1' }]);
    const { integrity } = await computeIntegrity({ runDir, done: new Set(['pt-1.register']), queued: new Set(), backlog: new Set() });
    expect(integrity.services).toBeUndefined();
  });
});
