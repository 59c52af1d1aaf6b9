import type { Slip } from './scriptData.ts';

export interface ReadAnswer {
  outcome: 'done' | 'queued' | 'failed' | 'invalid';
  /** Ids to put on the slip: NIC's from a done answer, the provisional ones from a queued answer. */
  ids: Slip;
  /** A done write's claimed NIC id, URI-encoded and cut to 128 characters. */
  nicId?: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * Reads a client's answer (docs/client-contract.md): `done` or `queued` with the ids to keep; `failed` for a
 * failure answer; `invalid` for a 2xx answer that is not the contract's (not JSON, no done/queued status, or a
 * done write without the NIC id its step's ledger line carries). A done write also gives `nicId`, encoded so
 * that no answer can break the sample's metadata (`key=value&key=value`).
 */
export function readAnswer({ status, body, keep, ledgerId }: { status: number; body: string | null; keep: string[]; ledgerId?: string }): ReadAnswer {
  const success = status >= 200 && status < 300;
  const notContract: ReadAnswer = { outcome: success ? 'invalid' : 'failed', ids: {} };
  let answer: unknown;
  try {
    answer = JSON.parse(body ?? '');
  } catch {
    return notContract;
  }
  if (!isObject(answer)) return notContract;
  if ((status === 200 || status === 201) && answer.status === 'done') return readDone(answer.nic, keep, ledgerId);
  if (status === 202 && answer.status === 'queued') {
    const provisional = isObject(answer.provisional) ? answer.provisional : {};
    const ids: Slip = {};
    for (const key of keep) ids[key] = provisional[key] || answer.provisionalId;
    return { outcome: 'queued', ids };
  }
  return notContract;
}

/** A done answer's NIC ids: those to keep, and the one its ledger line carries (`invalid` without it). */
export function readDone(nic: unknown, keep: string[], ledgerId: string | undefined): ReadAnswer {
  if (!isObject(nic)) return { outcome: 'invalid', ids: {} };
  const claimed = ledgerId === undefined ? undefined : nic[ledgerId];
  if (ledgerId !== undefined && (claimed === undefined || claimed === null || claimed === '')) return { outcome: 'invalid', ids: {} };
  const ids: Slip = {};
  for (const key of keep) if (nic[key] !== undefined) ids[key] = nic[key];
  return claimed === undefined ? { outcome: 'done', ids } : { outcome: 'done', ids, nicId: encodeURIComponent(String(claimed)).slice(0, 128) };
}
