import type { ServiceName } from '../../src/contract/index.ts';

export interface Session {
  token: string;
  service: ServiceName;
  subject: string;
  createdAt: number;
  expiresAt: number;
}

export type SessionCheck = { ok: true; session?: Session } | { ok: false; code: 'session_required' | 'session_unknown' | 'session_expired' };

/**
 * Login sessions of every service in one mocks process. A session expires after its TTL, or when the
 * `session-expiry` fault expires every session created before a moment.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly expiredBefore = new Map<ServiceName, number>();
  private counter = 0;

  create(args: { service: ServiceName; subject: string; ttlSec: number; now: number; rng: () => number }): Session {
    const random = Math.floor(args.rng() * 0xffffffff).toString(16).padStart(8, '0');
    const token = `${args.service}-${++this.counter}-${random}`;
    const session = { token, service: args.service, subject: args.subject, createdAt: args.now, expiresAt: args.now + args.ttlSec * 1000 };
    this.sessions.set(token, session);
    return session;
  }

  /** Checks the `Authorization: Bearer TOKEN` of a request; without a token, ok unless sessions are required. */
  check(args: { service: ServiceName; authorization: string | null; required: boolean; now: number }): SessionCheck {
    if (!args.authorization) return args.required ? { ok: false, code: 'session_required' } : { ok: true };
    const token = args.authorization.replace(/^Bearer\s+/i, '');
    const session = this.sessions.get(token);
    if (!session || session.service !== args.service) return { ok: false, code: 'session_unknown' };
    if (args.now >= session.expiresAt || session.createdAt <= (this.expiredBefore.get(args.service) ?? -Infinity)) return { ok: false, code: 'session_expired' };
    return { ok: true, session };
  }

  expireAll(service: ServiceName, before: number): void {
    this.expiredBefore.set(service, before);
  }
}
