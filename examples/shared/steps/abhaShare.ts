import { randomUUID } from 'node:crypto';
import { callbackUrlFor } from '../callbacks/callbackInbox.ts';
import { field, pickIds, type JourneyStep } from './journeyStep.ts';

/** The hospital's HIP id at ABDM (synthetic). */
const HIP_ID = 'KGMU-HIP';

/** ABDM v3 headers on every gateway call: REQUEST-ID (a UUID), TIMESTAMP (ISO-8601 ms Z), X-CM-ID [14]. */
function abdmHeaders(): Record<string, string> {
  return { 'REQUEST-ID': randomUUID(), TIMESTAMP: new Date().toISOString(), 'X-CM-ID': 'sbx' };
}

/**
 * ABHA Scan and Share: `POST /opd/abha-shares` -> ABDM `POST /api/hiecm/patient-share/v3/share` (202 with the
 * requestId), then the token in the on-share callback, or from `GET .../requests/:requestId` when asked.
 */
export const abhaShareStep: JourneyStep = {
  step: 'abhaShare',
  route: 'POST /opd/abha-shares',
  service: 'abdm',
  refs: [],
  provides: ['requestId', 'tokenNumber'],
  queueable: false,
  whenUnavailable: 'registration proceeds without ABHA',
  toNic: ({ body }) => {
    const abhaNumber = field(body, 'abhaNumber');
    if (typeof abhaNumber !== 'string') return 'body must carry abhaNumber';
    const counterId = field(body, 'counterId') ?? 'OPD-1';
    return {
      method: 'POST',
      path: '/api/hiecm/patient-share/v3/share',
      headers: abdmHeaders(),
      body: { hipId: HIP_ID, counterId, abhaNumber, callbackUrl: callbackUrlFor('abdm-on-share') },
      write: true,
    };
  },
  fromNic: (body) => pickIds(body, ['requestId']),
  callback: {
    kind: 'abdm-on-share',
    keyOf: (ids) => String(ids.requestId),
    fromCallback: (body) => {
      const ids = pickIds(body, ['tokenNumber'], ['expiry']);
      if (typeof ids === 'string') return ids;
      const abhaAddress = field(field(body, 'context'), 'abhaAddress');
      return typeof abhaAddress === 'string' ? { ...ids, abhaAddress } : ids;
    },
    poll: (ids) => ({ method: 'GET', path: `/api/hiecm/patient-share/v3/requests/${encodeURIComponent(String(ids.requestId))}`, headers: abdmHeaders(), write: false }),
    fromPoll: (body) => {
      const ids = pickIds(body, ['tokenNumber'], ['expiry']);
      return typeof ids === 'string' ? undefined : ids;
    },
  },
};
