import { callNic, NicUnreachableError } from './nicCall.ts';

/**
 * A login session with one NIC service (`POST /<service>/v1/sessions`, token in `Authorization: Bearer`),
 * as the portals' counter users have. The client logs in only when NIC asks for it (401), and once per
 * expiry however many requests hit the 401 together.
 */
export class NicSession {
  private token: string | undefined;
  private renewing: Promise<boolean> | undefined;

  constructor(
    private readonly args: { baseUrl: string; service: string; username?: string; password?: string },
  ) {}

  /** The Authorization header to send, if logged in. */
  headers(): Record<string, string> {
    return this.token ? { Authorization: `Bearer ${this.token}` } : {};
  }

  /** Logs in again; false when NIC refused or could not be reached. */
  renew(signal?: AbortSignal): Promise<boolean> {
    this.renewing ??= this.login(signal).finally(() => {
      this.renewing = undefined;
    });
    return this.renewing;
  }

  private async login(signal?: AbortSignal): Promise<boolean> {
    try {
      const response = await callNic({
        baseUrl: this.args.baseUrl,
        method: 'POST',
        path: `/${this.args.service}/v1/sessions`,
        body: { username: this.args.username ?? 'thap-counter', password: this.args.password ?? 'synthetic' },
        ...(signal ? { signal } : {}),
      });
      const token = response.body !== null && typeof response.body === 'object' ? (response.body as { token?: unknown }).token : undefined;
      if (response.status >= 300 || typeof token !== 'string') return false;
      this.token = token;
      return true;
    } catch (error) {
      if (error instanceof NicUnreachableError) return false;
      throw error;
    }
  }
}

/** One session per service base URL, shared by every request of a client. */
export class NicSessions {
  private readonly sessions = new Map<string, NicSession>();

  for(args: { baseUrl: string; service: string }): NicSession {
    let session = this.sessions.get(args.baseUrl);
    if (!session) this.sessions.set(args.baseUrl, (session = new NicSession(args)));
    return session;
  }
}
