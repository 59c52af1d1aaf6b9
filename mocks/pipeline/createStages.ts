import type { IncomingMessage, ServerResponse } from 'node:http';
import { createAdminStage } from '../admin/adminStage.ts';
import { createClockAdmin } from '../admin/clockAdmin.ts';
import { createFaultAdmin } from '../admin/faultAdmin.ts';
import type { CallbackSender } from '../callbacks/callbackSender.ts';
import { CapacityGate } from '../capacity/capacityGate.ts';
import type { ServiceTimes } from '../clock/serviceTimes.ts';
import type { RetryAfterTracker } from '../capacity/retryAfterTracker.ts';
import type { ServiceConfig } from '../config.ts';
import type { FaultStore } from '../faults/faultStore.ts';
import type { Exchange } from '../http/exchange.ts';
import type { RouteTable } from '../http/routeTable.ts';
import type { ServiceStages } from '../http/serveService.ts';
import { createUpstreamLogger } from '../http/upstreamLog.ts';
import type { NdjsonAppender } from '../ledger/ndjsonAppender.ts';
import type { Ledger } from '../ledger/ledger.ts';
import type { SessionStore } from '../sessions/sessionStore.ts';
import type { ServiceName } from '../../src/contract/index.ts';
import { deliverAnswer } from './deliverAnswer.ts';
import { headerKeys } from '../http/headerNames.ts';

export interface SharedParts {
  ledger: Ledger;
  upstream: NdjsonAppender;
  faults: FaultStore;
  sessions: SessionStore;
  retryAfter: RetryAfterTracker;
  callbacks: CallbackSender;
  /** The incident clock's conversion of the config's time figures (mocks/clock/serviceTimes.ts). */
  times: ServiceTimes;
}

/**
 * The stages around one service's handlers, in order: Retry-After accounting and capacity (admit), faults
 * and the session check (intercept), body faults and Retry-After bookkeeping (deliver), the upstream log.
 * With no capacity set and no fault targeting the service, each stage is a few property reads.
 */
export function createStages(args: { service: ServiceName; config: ServiceConfig; routes: RouteTable; shared: SharedParts }): ServiceStages {
  const { service, config, routes, shared } = args;
  const gate = config.capacity && (config.capacity.ratePerSec || config.capacity.concurrency) ? new CapacityGate(config.capacity, shared.times) : undefined;
  const serviceTimeMs = config.capacity?.serviceTimeMs ?? 0;
  const faultAdmin = createFaultAdmin({ service, faults: shared.faults, retryAfter: shared.retryAfter, callbacks: shared.callbacks });
  const clockAdmin = createClockAdmin({ service, times: shared.times });
  return {
    async admit(exchange: Exchange) {
      exchange.outcome.retryAfterHonoured = shared.retryAfter.observe(exchange.meta.clientId, service, exchange.meta.receivedAt);
      if (!gate) return noRelease;
      const admission = await gate.admit(exchange.meta.receivedAt);
      if (!admission.admitted) {
        exchange.outcome.fault = 'capacity';
        return {
          status: 503,
          body: { error: { code: 'over_capacity', service, message: `${service} is over capacity (queue full); retry after ${admission.retryAfterSec} s` } },
          headers: { [headerKeys.retryAfter]: String(admission.retryAfterSec) },
        };
      }
      exchange.outcome.queuedMs = admission.queuedMs;
      if (serviceTimeMs > 0) await new Promise((resolve) => setTimeout(resolve, shared.times.delayMs(serviceTimeMs, exchange.meta.receivedAt)).unref());
      return admission.release;
    },
    async intercept(exchange: Exchange) {
      if (shared.faults.has(service)) {
        const answer = await shared.faults.intercept(exchange);
        if (answer) return answer;
      }
      if (!exchange.route.session) return undefined;
      const check = shared.sessions.check({ service, authorization: exchange.meta.authorization, required: config.requireSession, now: Date.now() });
      if (check.ok) return undefined;
      return { status: 401, body: { error: { code: check.code, service, message: `${check.code.replace('_', ' ')}: log in again (POST ${loginPath(service)})` } } };
    },
    async deliver(exchange: Exchange, res: ServerResponse, answer) {
      const retryAfter = answer.headers[headerKeys.retryAfter];
      if (retryAfter) shared.retryAfter.given(exchange.meta.clientId, service, Number(retryAfter), Date.now());
      const transform = shared.faults.has(service) ? shared.faults.deliverTransform(exchange) : undefined;
      await deliverAnswer(res, answer, transform);
    },
    admin: createAdminStage({
      service,
      ledger: shared.ledger,
      routes: () => routes.routes.map(({ method, path, summary, write, session }) => ({ method, path, summary, write, session })),
      extra: (req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams, body: string) => clockAdmin(req, res, path, body) || faultAdmin(req, res, path, query, body),
    }),
    log: createUpstreamLogger(service, shared.upstream),
  };
}

const noRelease = (): void => undefined;

function loginPath(service: ServiceName): string {
  return service === 'abdm' ? '/api/hiecm/gateway/v3/sessions' : `/${service}/v1/sessions`;
}
