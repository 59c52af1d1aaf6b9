import type { Slip } from './scriptData.ts';

export interface ReadAnswer {
  outcome: 'done' | 'queued' | 'failed' | 'invalid';
  /** Ids to put on the slip: NIC's from a done answer, the provisional ones from a queued answer. */
  ids: Slip;
  /** A done write's claimed NIC id, URI-encoded and cut to 128 characters. */
  nicId?: string;
  /** A done write's claimed id that NIC issued later, in its callback (its step's `callbackLedgerId`), encoded as `nicId`. */
  callbackNicId?: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * Reads a client's answer (docs/client-contract.md): `done` or `queued` with the ids to keep; `failed` for a
 * failure answer; `invalid` for a 2xx answer that is not the contract's (not JSON, no done/queued status, or a
 * done write without the NIC ids its step's ledger lines carry). A done write also gives `nicId` (and
 * `callbackNicId` for a step with a `callbackLedgerId`), encoded so that no answer can break the sample's
 * metadata (`key=value&key=value`).
 */
export function readAnswer({ status, body, keep, ledgerId, callbackLedgerId }: { status: number; body: string | null; keep: string[]; ledgerId?: string; callbackLedgerId?: string }): ReadAnswer {
  const success = status >= 200 && status < 300;
  const notContract: ReadAnswer = { outcome: success ? 'invalid' : 'failed', ids: {} };
  let answer: unknown;
  try {
    answer = JSON.parse(body ?? '');
  } catch {
    return notContract;
  }
  if (!isObject(answer)) return notContract;
  if ((status === 200 || status === 201) && answer.status === 'done') return readDone({ nic: answer.nic, keep, ledgerId, callbackLedgerId });
  if (status === 202 && answer.status === 'queued') {
    const provisional = isObject(answer.provisional) ? answer.provisional : {};
    const ids: Slip = {};
    for (const key of keep) ids[key] = provisional[key] || answer.provisionalId;
    return { outcome: 'queued', ids };
  }
  return notContract;
}

/**
 * A done answer's NIC ids: those to keep, the one its ledger line carries and, for a step NIC finishes in its
 * callback, the one that callback's ledger line carries (`invalid` without either).
 */
export function readDone({ nic, keep, ledgerId, callbackLedgerId }: { nic: unknown; keep: string[]; ledgerId?: string; callbackLedgerId?: string }): ReadAnswer {
  if (!isObject(nic)) return { outcome: 'invalid', ids: {} };
  const claimed = ledgerId === undefined ? undefined : nic[ledgerId];
  const claimedLater = callbackLedgerId === undefined ? undefined : nic[callbackLedgerId];
  if ((ledgerId !== undefined && isMissing(claimed)) || (callbackLedgerId !== undefined && isMissing(claimedLater))) return { outcome: 'invalid', ids: {} };
  const ids: Slip = {};
  for (const key of keep) if (nic[key] !== undefined) ids[key] = nic[key];
  return {
    outcome: 'done',
    ids,
    ...(claimed === undefined ? {} : { nicId: encodeClaim(claimed) }),
    ...(claimedLater === undefined ? {} : { callbackNicId: encodeClaim(claimedLater) }),
  };
}

const isMissing = (id: unknown): boolean => id === undefined || id === null || id === '';

/** A claimed id as k6 records it: URI-encoded (no `&` or `=` to break the metadata) and cut to 128 characters. */
const encodeClaim = (id: unknown): string => encodeURIComponent(String(id)).slice(0, 128);
