import type { ServiceFindings as Findings } from '../reportSchema.ts';

const SAMPLE = 20;

/**
 * What NIC's ledger says about the OTP, ABHA and payment journeys beyond lost and duplicated records
 * (docs/scoring.md "Integrity"), from the lines the mocks write on their own (docs/nic-mocks.md "Ledger"):
 *
 * - callbacksNeverReceived: ABDM shares NIC accepted (`share-token`) whose token never reached the client: no
 *   on-share it answered 2xx, no status read (`share-token-received`). The patient at the counter has no token.
 * - paymentsCapturedTwice: orders (`capture|<orderRef>`) with two or more captures: a patient charged twice.
 * - otpVerifiedAfterExpiry: `verifyOtp` steps the client answered done for an OTP NIC refused as expired
 *   (`otp-expired-attempt`) and never verified: a mobile marked verified that NIC did not verify.
 */
export class ServiceFindingsAccumulator {
  private readonly shares = new Set<string>();
  private readonly received = new Set<string>();
  private readonly captures = new Map<string, number>();
  private readonly expiredRefs = new Set<string>();
  private readonly verifiedRefs = new Set<string>();
  private seen = false;

  /** `doneVerifications`: the `.verifyOtp` correlation ids the client answered done (taken before integrity consumes them). */
  constructor(private readonly doneVerifications: ReadonlySet<string>) {}

  add(line: Record<string, unknown>): void {
    const { entity, id, clientRef, businessKey } = line;
    if (typeof entity !== 'string' || typeof id !== 'string') return;
    const stored = !(line.stored === false || ('storedAt' in line && line.storedAt === null));
    switch (entity) {
      case 'share-token':
        if (stored) this.shares.add(id);
        break;
      case 'share-token-received':
        this.received.add(id.replace(/-received$/, ''));
        break;
      case 'payment-capture':
        if (typeof businessKey === 'string') this.captures.set(businessKey, (this.captures.get(businessKey) ?? 0) + 1);
        break;
      case 'otp-expired-attempt':
        if (typeof clientRef === 'string') this.expiredRefs.add(clientRef);
        break;
      case 'otp-verification':
        if (stored && typeof clientRef === 'string') this.verifiedRefs.add(clientRef);
        break;
      default:
        return;
    }
    this.seen = true;
  }

  /** The findings, or undefined when the run had none of these journeys. */
  result(): Findings | undefined {
    if (!this.seen) return undefined;
    const neverReceived = [...this.shares].filter((id) => !this.received.has(id));
    const twice = [...this.captures].filter(([, count]) => count > 1).map(([key]) => key);
    const afterExpiry = [...this.expiredRefs].filter((ref) => this.doneVerifications.has(ref) && !this.verifiedRefs.has(ref));
    return {
      callbacksNeverReceived: neverReceived.length,
      paymentsCapturedTwice: twice.length,
      otpVerifiedAfterExpiry: afterExpiry.length,
      samples: { callbacksNeverReceived: neverReceived.slice(0, SAMPLE), paymentsCapturedTwice: twice.slice(0, SAMPLE), otpVerifiedAfterExpiry: afterExpiry.slice(0, SAMPLE) },
    };
  }
}
