import { UserError } from '../../src/core/index.ts';
import type { CallbackThread } from './callbackPoster.ts';

/**
 * Where callbacks are sent from, from `THAP_MOCKS_CALLBACKS`: `worker` (default: a worker thread, so the
 * outgoing HTTP does not take the serving thread's CPU) or `inline` (the serving thread; no extra thread).
 */
export function callbackThreadFromEnv(env: NodeJS.ProcessEnv = process.env): CallbackThread {
  const value = env.THAP_MOCKS_CALLBACKS;
  if (value === undefined || value === '' || value === 'worker') return 'worker';
  if (value === 'inline') return 'inline';
  throw new UserError(`THAP_MOCKS_CALLBACKS must be worker or inline (got ${JSON.stringify(value)}); fix: unset it or set one of those`);
}
