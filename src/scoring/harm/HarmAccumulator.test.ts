import { describe, expect, it } from 'vitest';
import { TimelineAccumulator } from '../aggregate/TimelineAccumulator.ts';
import { HarmAccumulator } from './HarmAccumulator.ts';

const harmOf = () => new HarmAccumulator(new TimelineAccumulator(0, 10_000, 1_000));

describe('HarmAccumulator, kinds NIC records in two steps (docs/nic-mocks.md)', () => {
  it('counts an ABHA share as shared only once its token reached the client, not when ABDM accepted it', () => {
    const harm = harmOf();
    for (const id of ['pt-1.abhaShare', 'pt-2.abhaShare']) harm.addOffered({ id, step: 'abhaShare', at: 1_000, outcome: id === 'pt-1.abhaShare' ? 'done' : 'failed' });
    harm.addStored({ id: 'pt-1.abhaShare', at: 1_100, entity: 'share-token' });
    harm.addStored({ id: 'pt-2.abhaShare', at: 1_100, entity: 'share-token' });
    harm.addStored({ id: 'pt-1.abhaShare', at: 1_200, entity: 'share-token-received' });
    harm.finish();
    const shares = harm.kinds.get('abha-share');
    expect(shares).toMatchObject({ offered: 2, completed: 1 });
    expect(shares?.notCompletedBy.refused).toBe(1);
  });

  it('counts an online payment as captured only by its capture, not by the QR the gateway made', () => {
    const harm = harmOf();
    harm.addOffered({ id: 'pt-1.onlinePayment', step: 'onlinePayment', at: 1_000, outcome: 'done' });
    harm.addStored({ id: 'pt-1.onlinePayment', at: 1_000, entity: 'payment-qr' });
    expect(harm.isOpen('pt-1.onlinePayment')).toBe(true);
    harm.addStored({ id: 'pt-1.onlinePayment', at: 2_000, entity: 'payment-capture' });
    expect(harm.isOpen('pt-1.onlinePayment')).toBe(false);
  });

  it('completes a one-step kind with its first stored record, whatever its entity', () => {
    const harm = harmOf();
    harm.addOffered({ id: 'pt-1.verifyOtp', step: 'verifyOtp', at: 1_000, outcome: 'done' });
    harm.addOffered({ id: 'pt-1.register', step: 'register', at: 1_000, outcome: 'done' });
    harm.addStored({ id: 'pt-1.verifyOtp', at: 1_000, entity: 'otp-verification' });
    harm.addStored({ id: 'pt-1.register', at: 1_000 });
    expect([harm.isOpen('pt-1.verifyOtp'), harm.isOpen('pt-1.register')]).toEqual([false, false]);
  });

  it('leaves sending an OTP out: the verification is the work', () => {
    const harm = harmOf();
    harm.addOffered({ id: 'pt-1.sendOtp', step: 'sendOtp', at: 1_000, outcome: 'failed' });
    expect([...harm.kinds.keys()]).toEqual([]);
  });
});
