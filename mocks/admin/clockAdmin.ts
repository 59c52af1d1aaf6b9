import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { ServiceTimes } from '../clock/serviceTimes.ts';
import { writeJson } from '../http/writeResponse.ts';
import type { ServiceName } from '../../src/contract/index.ts';

const startSchema = z.strictObject({ elapsedMs: z.number().nonnegative() });

/**
 * `POST /__admin/clock {"elapsedMs": N}`: the incident clock started N ms ago (the run's t0; a span rather than
 * an instant, so that another machine's clock does not shift it); `GET /__admin/clock`: where the clock is.
 * One clock for the whole mocks process, whichever service's port is asked (docs/nic-mocks.md "Incident clock").
 */
export function createClockAdmin(deps: { service: ServiceName; times: ServiceTimes }) {
  return (req: IncomingMessage, res: ServerResponse, path: string, body: string): boolean => {
    if (path !== '/__admin/clock') return false;
    if (req.method === 'GET') {
      writeJson(res, 200, deps.times.describe());
      return true;
    }
    if (req.method !== 'POST') return false;
    let parsed: ReturnType<typeof startSchema.safeParse>;
    try {
      parsed = startSchema.safeParse(JSON.parse(body));
    } catch (error) {
      writeJson(res, 400, { error: { code: 'invalid_body', service: deps.service, message: `malformed JSON body: ${(error as Error).message}` } });
      return true;
    }
    if (!parsed.success) {
      writeJson(res, 400, { error: { code: 'invalid_body', service: deps.service, message: 'give {"elapsedMs": N}: how long ago the incident clock started, in wall ms', fields: parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message })) } });
      return true;
    }
    deps.times.start(Date.now() - parsed.data.elapsedMs);
    writeJson(res, 200, deps.times.describe());
    return true;
  };
}
