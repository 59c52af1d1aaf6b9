import { describe, expect, it } from 'vitest';
import { readAnswer } from './readAnswer.ts';

const done = (nic: unknown) => JSON.stringify({ status: 'done', correlationId: 'pt-1.register', nic });

describe('readAnswer', () => {
  it('gives a done write the NIC id its step\'s ledger line carries (register: visitId) and the ids to keep', () => {
    expect(readAnswer({ status: 200, body: done({ uhid: 'UH1', visitId: 'V48540001' }), keep: ['uhid', 'visitId'], ledgerId: 'visitId' })).toEqual({
      outcome: 'done',
      ids: { uhid: 'UH1', visitId: 'V48540001' },
      nicId: 'V48540001',
    });
    expect(readAnswer({ status: 201, body: done({ resultId: 17 }), keep: [], ledgerId: 'resultId' }).nicId).toBe('17');
  });

  it('encodes the claimed id so that it cannot break the metadata column, and cuts it to 128 characters', () => {
    expect(readAnswer({ status: 200, body: done({ visitId: 'V1&nic=V2' }), keep: [], ledgerId: 'visitId' }).nicId).toBe('V1%26nic%3DV2');
    expect(readAnswer({ status: 200, body: done({ visitId: 'x'.repeat(500) }), keep: [], ledgerId: 'visitId' }).nicId).toHaveLength(128);
  });

  it('calls a done write without its NIC id invalid, and gives reads no claim', () => {
    expect(readAnswer({ status: 200, body: done({ uhid: 'UH1' }), keep: ['uhid'], ledgerId: 'visitId' })).toEqual({ outcome: 'invalid', ids: {} });
    expect(readAnswer({ status: 200, body: done({ visitId: '' }), keep: [], ledgerId: 'visitId' }).outcome).toBe('invalid');
    expect(readAnswer({ status: 200, body: JSON.stringify({ status: 'done' }), keep: [] }).outcome).toBe('invalid');
    expect(readAnswer({ status: 200, body: done({ orderId: 'LO1', reportStatus: 'final' }), keep: [] })).toEqual({ outcome: 'done', ids: {} });
  });

  it('gives a done payment the id NIC issued later (its utr) beside its qrId, encoded the same way, and calls one without it invalid', () => {
    const payment = { keep: [], ledgerId: 'qrId', callbackLedgerId: 'utr' };
    expect(readAnswer({ status: 201, body: done({ qrId: 'QR0000000001', utr: '123456789012' }), ...payment })).toEqual({
      outcome: 'done',
      ids: {},
      nicId: 'QR0000000001',
      callbackNicId: '123456789012',
    });
    expect(readAnswer({ status: 200, body: done({ qrId: 'QR1', utr: 9876 }), ...payment }).callbackNicId).toBe('9876');
    expect(readAnswer({ status: 200, body: done({ qrId: 'QR1', utr: 'U1&nic=QR2' }), ...payment }).callbackNicId).toBe('U1%26nic%3DQR2');
    expect(readAnswer({ status: 200, body: done({ qrId: 'QR1', utr: 'u'.repeat(300) }), ...payment }).callbackNicId).toHaveLength(128);
    // Paid, says the client, but the gateway's confirmation never came.
    expect(readAnswer({ status: 201, body: done({ qrId: 'QR1' }), ...payment })).toEqual({ outcome: 'invalid', ids: {} });
    expect(readAnswer({ status: 201, body: done({ qrId: 'QR1', utr: null }), ...payment }).outcome).toBe('invalid');
    expect(readAnswer({ status: 201, body: done({ qrId: 'QR1', utr: '' }), ...payment }).outcome).toBe('invalid');
    // A step without a callbackLedgerId gives none.
    expect(readAnswer({ status: 201, body: done({ visitId: 'V1', utr: 'U1' }), keep: [], ledgerId: 'visitId' })).not.toHaveProperty('callbackNicId');
  });

  it('keeps the provisional ids of a queued answer (one per field, or the one provisionalId for all)', () => {
    const queued = (extra: object) => JSON.stringify({ status: 'queued', correlationId: 'pt-1.register', ...extra });
    expect(readAnswer({ status: 202, body: queued({ provisionalId: 'P1' }), keep: ['uhid'], ledgerId: 'visitId' })).toEqual({ outcome: 'queued', ids: { uhid: 'P1' } });
    expect(readAnswer({ status: 202, body: queued({ provisional: { uhid: 'PU', visitId: 'PV' } }), keep: ['uhid', 'visitId'] }).ids).toEqual({ uhid: 'PU', visitId: 'PV' });
  });

  it('calls a 2xx that is not the contract\'s invalid and any other answer failed', () => {
    expect(readAnswer({ status: 200, body: 'OK', keep: [] }).outcome).toBe('invalid');
    expect(readAnswer({ status: 200, body: 'null', keep: [] }).outcome).toBe('invalid');
    expect(readAnswer({ status: 202, body: done({ visitId: 'V1' }), keep: [], ledgerId: 'visitId' }).outcome).toBe('invalid');
    expect(readAnswer({ status: 503, body: JSON.stringify({ status: 'failed' }), keep: [] }).outcome).toBe('failed');
    expect(readAnswer({ status: 0, body: null, keep: [] }).outcome).toBe('failed');
  });
});
