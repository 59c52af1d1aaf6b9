import { attemptNic } from './attemptNic.ts';
import type { NicSession } from './nicSession.ts';
import type { NicRequest } from './steps/journeyStep.ts';

/** The NIC read that shows a write was stored, and how its answer says so. */
export interface ReadBack {
  request: NicRequest;
  /** Whether a 200 body shows the write (a collection read back as `labelled` was not stored). */
  shows: (body: unknown) => boolean;
}

/** What reading a write back found: NIC has it, NIC has not (404, or a record without it), or no answer. */
export type Confirmation = 'stored' | 'not-stored' | 'unknown';

const exists = (): boolean => true;
const get = (path: string): NicRequest => ({ method: 'GET', path, write: false });
const idOf = (nic: Record<string, unknown>, key: string): string | undefined => {
  const value = nic[key];
  return typeof value === 'string' ? encodeURIComponent(value) : undefined;
};

/**
 * The read that confirms a step's write, from NIC's ids in its answer (docs/nic-mocks.md), or undefined for a
 * write NIC offers no read of (a consignment, a result upload, a payment QR).
 */
export function readBackOf(step: string, nic: Record<string, unknown>): ReadBack | undefined {
  const byStep: Record<string, () => ReadBack | undefined> = {
    register: () => withId(nic, 'visitId', (id) => ({ request: get(`/ehospital/v1/visits/${id}`), shows: exists })),
    fee: () => withId(nic, 'billId', (id) => ({ request: get(`/ehospital/v1/bills/${id}`), shows: exists })),
    labOrder: () => withId(nic, 'orderId', (id) => ({ request: get(`/ehospital/v1/reports/${id}`), shows: exists })),
    barcode: () => withId(nic, 'barcode', (id) => ({ request: get(`/ehospital/v1/samples/${id}`), shows: exists })),
    collectSample: () =>
      withId(nic, 'sampleId', (id) => ({ request: get(`/ehospital/v1/samples/${id}`), shows: (body) => (body as { status?: unknown } | null)?.status === 'collected' })),
    createSrf: () => withId(nic, 'srfId', (id) => ({ request: get(`/icmr/v1/srfs/${id}`), shows: exists })),
  };
  return byStep[step]?.();
}

function withId(nic: Record<string, unknown>, key: string, build: (id: string) => ReadBack): ReadBack | undefined {
  const id = idOf(nic, key);
  return id === undefined ? undefined : build(id);
}

/**
 * Reads a write back from NIC (outages.md O4: a slow write path may answer 200 for writes it never stores).
 * `stored` when NIC shows it, `not-stored` when NIC answers 404 or a record without it, `unknown` when NIC gives
 * no usable answer (or offers no read for the step): the caller then trusts the write's own answer.
 */
export async function confirmStored(args: {
  baseUrl: string;
  step: string;
  nic: Record<string, unknown>;
  correlationId: string;
  timeoutMs: number;
  session?: NicSession;
}): Promise<Confirmation> {
  const readBack = readBackOf(args.step, args.nic);
  if (!readBack) return 'unknown';
  const attempt = await attemptNic({
    baseUrl: args.baseUrl,
    nicRequest: readBack.request,
    correlationId: args.correlationId,
    timeoutMs: args.timeoutMs,
    ...(args.session ? { session: args.session } : {}),
  });
  if (attempt.kind === 'ok') return readBack.shows(attempt.response.body) ? 'stored' : 'not-stored';
  return attempt.kind === 'error-status' && attempt.response.status === 404 ? 'not-stored' : 'unknown';
}
