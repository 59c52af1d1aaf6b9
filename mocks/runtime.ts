import type { CallbackSender } from './callbacks/callbackSender.ts';
import type { ServiceTimes } from './clock/serviceTimes.ts';
import type { ServiceConfig } from './config.ts';
import type { SessionStore } from './sessions/sessionStore.ts';
import type { RequestMeta } from './http/requestMeta.ts';
import type { Ledger } from './ledger/ledger.ts';
import type { Rng } from './shared/rng.ts';
import type { ServiceName } from '../src/contract/index.ts';

/** What a service's handlers may use: its config, seeded randomness, the clock and the ledger. */
export interface ServiceRuntime {
  service: ServiceName;
  config: ServiceConfig;
  rng: Rng;
  now(): number;
  /** Turns the config's time figures into the wall values to apply now (one-speed: as given). */
  times: ServiceTimes;
  sessions: SessionStore;
  callbacks: CallbackSender;
  /**
   * Records one accepted write in the ledger. Returns false when the write must not be stored (the
   * `not-stored` fault): the handler then answers as if it had stored it but keeps no state.
   */
  recordWrite(args: { meta: RequestMeta; entity: string; id: string; businessKey: string }): boolean;
  /**
   * Records something NIC did on its own for an earlier write (a token reached the client, a payment was
   * captured, an OTP was tried after its expiry) under that write's clientRef, so that integrity can
   * reconcile it (docs/nic-mocks.md "Ledger"). `stored: false` marks what NIC refused (kept for the record).
   */
  recordEvent(args: { clientRef: string | null; clientId: string; entity: string; id: string; businessKey: string; stored?: boolean }): void;
}

export function createServiceRuntime(args: {
  service: ServiceName;
  config: ServiceConfig;
  rng: Rng;
  times: ServiceTimes;
  ledger: Ledger;
  sessions: SessionStore;
  callbacks: CallbackSender;
}): ServiceRuntime {
  const { service, ledger } = args;
  return {
    service,
    config: args.config,
    rng: args.rng,
    now: Date.now,
    times: args.times,
    sessions: args.sessions,
    callbacks: args.callbacks,
    recordWrite({ meta, entity, id, businessKey }) {
      const acceptedAt = Date.now();
      const stored = !meta.dropWrite;
      if (!stored) meta.wroteNothing = true;
      ledger.record({
        service,
        entity,
        id,
        idempotencyKey: meta.idempotencyKey,
        clientRef: meta.clientRef,
        clientId: meta.clientId,
        businessKey,
        acceptedAt,
        storedAt: stored ? acceptedAt : null,
      });
      return stored;
    },
    recordEvent({ clientRef, clientId, entity, id, businessKey, stored = true }) {
      const at = Date.now();
      ledger.record({ service, entity, id, idempotencyKey: null, clientRef, clientId, businessKey, acceptedAt: at, storedAt: stored ? at : null });
    },
  };
}
