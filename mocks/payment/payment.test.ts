import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMocks, type RunningMocks } from '../index.ts';
import { call } from '../../test/support/mocks/httpClient.ts';
import { startSink } from '../../test/support/mocks/sink.ts';

describe('payment routes over HTTP (contract)', () => {
  let mocks: RunningMocks;
  let base: string;
  let sink: Awaited<ReturnType<typeof startSink>>;
  beforeAll(async () => {
    sink = await startSink();
    mocks = await startMocks({ services: ['payment'], seed: 13, config: { services: { payment: { autoPayMs: 100, callbackDelayMs: 10 } } } });
    base = mocks.urls.payment;
  });
  afterAll(async () => {
    await mocks.close();
    await sink.close();
  });

  it('POST /payment/v1/qr: a dynamic UPI QR, pending; paid automatically after autoPayMs with a webhook', async () => {
    const qr = await call({ base, path: '/payment/v1/qr', body: { orderRef: 'OPD-V1', amountPaise: 1000, callbackUrl: `${sink.url}/webhook` } });
    expect(qr.status).toBe(201);
    expect(qr.body.upiUri).toMatch(/^upi:\/\/pay\?pa=thap\.hospital@sbx&.*am=10\.00/);
    expect(qr.body.status).toBe('pending');
    const [webhook] = await sink.waitFor(1);
    expect(webhook!.body).toMatchObject({ event: 'payment.success', qrId: qr.body.qrId, status: 'paid', amountPaise: 1000 });
    const polled = await call({ base, path: `/payment/v1/qr/${qr.body.qrId}` });
    expect(polled.body.status).toBe('paid');
    expect(polled.body.utr).toMatch(/^\d{12}$/);
  });

  it('POST /payment/v1/qr/:qrId/pay pays at once; unknown QR 404; bad amount 400', async () => {
    const qr = await call({ base, path: '/payment/v1/qr', body: { orderRef: 'OPD-V2', amountPaise: 500 } });
    const paid = await call({ base, path: `/payment/v1/qr/${qr.body.qrId}/pay`, raw: '' });
    expect(paid.status).toBe(200);
    expect(paid.body.status).toBe('paid');
    expect((await call({ base, path: '/payment/v1/qr/QR0' })).status).toBe(404);
    expect((await call({ base, path: '/payment/v1/qr/QR0/pay', raw: '' })).status).toBe(404);
    expect((await call({ base, path: '/payment/v1/qr', body: { orderRef: 'x', amountPaise: -1 } })).status).toBe(400);
  });

  it("lets a QR lapse after 15 minutes of the incident clock, not of the wall: at 900x one second", async () => {
    const fast = await startMocks({ services: ['payment'], seed: 13, config: { services: { payment: { autoPayMs: null } }, clock: { startSim: 9 * 3_600_000, speed: 900 } } });
    try {
      const qr = await call({ base: fast.urls.payment, path: '/payment/v1/qr', body: { orderRef: 'OPD-V9', amountPaise: 700 } });
      const lifetimeMs = Date.parse(qr.body.expiresAt as string) - Date.now();
      expect(lifetimeMs).toBeGreaterThan(500);
      expect(lifetimeMs).toBeLessThanOrEqual(1_000);
      await new Promise((resolve) => setTimeout(resolve, lifetimeMs + 100));
      expect((await call({ base: fast.urls.payment, path: `/payment/v1/qr/${qr.body.qrId}` })).body.status).toBe('expired');
    } finally {
      await fast.close();
    }
  });
});
