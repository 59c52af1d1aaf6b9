import { attemptNic } from './attemptNic.ts';
import type { EventLogger } from './outcomeLog.ts';
import type { NicSession } from './nicSession.ts';
import { confirmStored, type Confirmation } from './readBack.ts';
import type { NicRequest } from './steps/journeyStep.ts';
import { WriteTrouble } from './writeTrouble.ts';

/** A write NIC answered 2xx, as it was sent: enough to read it back and to send it again under its key. */
export interface AnsweredWrite {
  baseUrl: string;
  step: string;
  nicRequest: NicRequest;
  correlationId: string;
  /** NIC's ids from its answer: the read-back looks the write up by them. */
  nic: Record<string, unknown>;
  session?: NicSession;
}

/** How many times a write NIC did not store is sent again and read back before the audit gives up on it. */
const RESENDS = 3;
/** Writes a look-back reads back at once. */
const LOOK_BACK_PARALLEL = 8;

/**
 * Checks, for one NIC service, that the writes NIC answers 2xx were stored (outages.md O4: a slow write path
 * answers 200 for 1-5% of writes it never stores). While its writes are in trouble (writeTrouble.ts), each
 * write NIC answers is read back before the client trusts it. NIC loses writes before it shows trouble too, so
 * when trouble begins, the writes the client trusted in the `holdMs` before are read back as well, and those
 * NIC did not store are sent again under their Idempotency-Key (NIC stored nothing for it, so it runs again).
 * The counter was already told the lost write's ids: the client's later requests to NIC that name them are
 * rewritten to the ids NIC gave the write sent again (`rewrite`).
 */
export class WriteAudit {
  private readonly trouble: WriteTrouble;
  /** Writes trusted without a read-back in the last `holdMs`, oldest first. */
  private readonly trusted: Array<{ at: number; write: AnsweredWrite }> = [];
  private readonly audits = new Set<Promise<void>>();
  /** NIC ids a write sent again replaced (the lost visit's id -> the stored visit's), for the requests that name them. */
  private readonly replaced = new Map<string, string>();

  constructor(private readonly args: { service: string; holdMs: number; timeoutMs: number; logEvent: EventLogger }) {
    this.trouble = new WriteTrouble(args.holdMs);
  }

  /** Notes one write attempt's answer (undefined when none came); audits the recent writes when trouble begins. */
  noteAttempt(answer: { status: number; retryAfterMs?: number } | undefined): void {
    if (!this.trouble.noteAttempt(answer)) return;
    const recent = this.trusted.splice(0).filter(({ at }) => at >= Date.now() - this.args.holdMs);
    if (recent.length > 0) this.track(this.lookBack(recent.map(({ write }) => write)));
  }

  /**
   * A write NIC answered 2xx: read back while in trouble (`not-stored`: the caller sends it again), otherwise
   * trusted (`unknown`) and remembered for a look back should trouble begin soon.
   */
  async confirm(write: AnsweredWrite): Promise<Confirmation> {
    if (!this.trouble.active()) {
      this.remember(write);
      return 'unknown';
    }
    const confirmation = await this.readBack(write);
    if (confirmation === 'not-stored') this.args.logEvent({ event: 'not-stored', service: this.args.service, step: write.step, correlationId: write.correlationId });
    return confirmation;
  }

  /**
   * The request with every NIC id a resent write replaced swapped for its replacement, in its path segments and
   * its body's top-level fields: the counter was told the lost write's ids, and its later steps name them.
   */
  rewrite(nicRequest: NicRequest): NicRequest {
    if (this.replaced.size === 0) return nicRequest;
    const swap = (value: string) => this.replaced.get(value) ?? value;
    const path = nicRequest.path
      .split('/')
      .map((segment) => {
        const replacement = this.replaced.get(decodeURIComponent(segment));
        return replacement === undefined ? segment : encodeURIComponent(replacement);
      })
      .join('/');
    const body = nicRequest.body;
    const rewritten = body !== null && typeof body === 'object' && !Array.isArray(body)
      ? Object.fromEntries(Object.entries(body).map(([key, value]) => [key, typeof value === 'string' ? swap(value) : value]))
      : body;
    return { ...nicRequest, path, ...(body !== undefined ? { body: rewritten } : {}) };
  }

  /** Waits for the look-back audits under way (a stopping client lets them finish). */
  async settled(): Promise<void> {
    while (this.audits.size > 0) await Promise.all([...this.audits]);
  }

  private remember(write: AnsweredWrite): void {
    const now = Date.now();
    while (this.trusted.length > 0 && this.trusted[0]!.at < now - this.args.holdMs) this.trusted.shift();
    this.trusted.push({ at: now, write });
  }

  private readBack(write: AnsweredWrite): Promise<Confirmation> {
    return confirmStored({ baseUrl: write.baseUrl, step: write.step, nic: write.nic, correlationId: write.correlationId, timeoutMs: this.args.timeoutMs, ...(write.session ? { session: write.session } : {}) });
  }

  private track(audit: Promise<void>): void {
    this.audits.add(audit);
    void audit.finally(() => this.audits.delete(audit));
  }

  /** Each string id of the lost write's answer that the resent write's answer gives anew. */
  private noteReplaced(lost: Record<string, unknown>, stored: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(lost)) {
      const replacement = stored[key];
      if (typeof value === 'string' && typeof replacement === 'string' && replacement !== value) this.replaced.set(value, replacement);
    }
  }

  /**
   * Reads back the writes trusted before trouble began, a few at a time, and sends again those NIC lost. Stops at
   * the first read NIC gives no usable answer: NIC cannot be checked now (it is down), and a look-back of
   * minutes of writes must not hold the client for a time-out each.
   */
  private async lookBack(writes: AnsweredWrite[]): Promise<void> {
    const queue = [...writes];
    const worker = async () => {
      for (let write = queue.shift(); write; write = queue.shift()) {
        if (!(await this.resendUntilStored(write))) queue.length = 0;
      }
    };
    await Promise.all(Array.from({ length: LOOK_BACK_PARALLEL }, worker));
  }

  /**
   * A trusted write read back after trouble began: sent again, under its key, until NIC shows it stored. False
   * when a read-back got no usable answer.
   */
  private async resendUntilStored(write: AnsweredWrite): Promise<boolean> {
    let current = write;
    for (let resend = 0; resend <= RESENDS; resend += 1) {
      const confirmation = await this.readBack(current);
      if (confirmation !== 'not-stored') return confirmation === 'stored';
      this.args.logEvent({ event: 'not-stored', service: this.args.service, step: write.step, correlationId: write.correlationId, found: 'looking back' });
      if (resend === RESENDS) break;
      const attempt = await attemptNic({
        baseUrl: write.baseUrl,
        nicRequest: write.nicRequest,
        correlationId: write.correlationId,
        idempotencyKey: write.correlationId,
        timeoutMs: this.args.timeoutMs,
        ...(write.session ? { session: write.session } : {}),
      });
      if (attempt.kind !== 'ok') continue;
      const answer = attempt.response.body !== null && typeof attempt.response.body === 'object' ? (attempt.response.body as Record<string, unknown>) : {};
      this.noteReplaced(write.nic, answer);
      current = { ...write, nic: { ...write.nic, ...answer } };
      this.args.logEvent({ event: 'resent', service: this.args.service, step: write.step, correlationId: write.correlationId });
    }
    this.args.logEvent({ event: 'abandoned', service: this.args.service, step: write.step, correlationId: write.correlationId, reason: `NIC did not store it after ${RESENDS} resends` });
    return true;
  }
}
