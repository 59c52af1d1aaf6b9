import type { FaultScope } from '../runFiles/faultScopesOf.ts';
import type { LoggedFault } from '../runFiles/readFaults.ts';

/** One applied fault's scope and its window on the wall clock. */
export interface FaultTarget extends FaultScope {
  faultId: string;
  from: number;
  to: number;
  /**
   * Which of the requests in scope the fault can act on, as the mocks apply its kind (`appliesTo`): all of them
   * (unset), only writes (`not-stored`: a read is never stored or lost), or only the writes NIC accepted (a
   * `callback` fault acts on the callbacks NIC sends, and NIC sends one only for a write it took: a share NIC
   * refused with 400 asks for none). A write is any method but GET.
   */
  counts?: 'writes' | 'accepted-writes';
}

/**
 * Counts, per fault, the requests the NIC mocks received (upstream.ndjson) within the fault's scope and window,
 * touched by the fault or not: a fault that touched nothing while requests in its scope arrived did not do its
 * job (the harness's doing), while one that saw no request at all was given nothing to act on by the client.
 * A fault the mocks apply only to writes, or only to callbacks, counts only the writes (accepted ones) in scope.
 */
export class FaultTargetCounter {
  private readonly counts = new Map<string, number>();
  /**
   * Whether upstream.ndjson was there to read: without it nothing says what reached the mocks. An empty one says
   * that nothing did: the client sent NIC nothing, which its score judges (a client that answers without calling
   * NIC was called invalid under 11.1.0, as if the harness had failed).
   */
  private measured = false;

  constructor(private readonly targets: readonly FaultTarget[]) {
    for (const target of targets) this.counts.set(target.faultId, 0);
  }

  /** upstream.ndjson is there: from now on its lines, however few, are what reached the mocks. */
  upstreamFound(): void {
    this.measured = true;
  }

  add({ service, method, route, at, status }: { service: string; method: string; route: string; at: number; status: number }): void {
    this.measured = true;
    const write = method.toUpperCase() !== 'GET';
    const acceptedWrite = write && status >= 200 && status < 300;
    for (const target of this.targets) {
      if (at < target.from || at > target.to || service !== target.service) continue;
      if ((target.counts === 'writes' && !write) || (target.counts === 'accepted-writes' && !acceptedWrite)) continue;
      if (target.route !== undefined && route !== target.route) continue;
      if (target.method !== undefined && method.toUpperCase() !== target.method) continue;
      this.counts.set(target.faultId, (this.counts.get(target.faultId) ?? 0) + 1);
    }
  }

  /**
   * The chance that the fault touched none of the requests it could act on by its own roll: (1 - rate) to the
   * power of their number (1 when none came; 0 for a fault on every request that some reached). Undefined when
   * not counted.
   */
  chanceUntouched(faultId: string): number | undefined {
    const requests = this.requestsTo(faultId);
    if (requests === undefined) return undefined;
    const rate = this.targets.find((target) => target.faultId === faultId)?.rate ?? 1;
    return (1 - rate) ** requests;
  }

  /** Requests received in the fault's scope and window; undefined for a fault not counted, or no upstream.ndjson. */
  requestsTo(faultId: string): number | undefined {
    return this.measured ? this.counts.get(faultId) : undefined;
  }
}

/**
 * The targets worth counting: applied faults the mocks counted hits for (app faults), each in its scenario scope
 * (else its service) from its apply to its remove (else the run's end), over the requests its kind acts on.
 */
export function faultTargetsOf({ faults, scopes, end }: { faults: readonly LoggedFault[]; scopes: Readonly<Record<string, FaultScope>>; end: number }): FaultTarget[] {
  return faults
    .filter((fault) => fault.appliedAt !== null && fault.hits !== undefined)
    .map((fault) => ({
      faultId: fault.faultId,
      ...(scopes[fault.faultId] ?? { service: fault.service }),
      from: fault.appliedAt ?? end,
      to: fault.removedAt ?? end,
      ...countsOf(fault.kind),
    }));
}

/**
 * The scenario fault kinds the mocks apply to fewer than every request in scope (their `appliesTo`, in
 * src/scenario/faultCatalogue; a test beside this file keeps the two in step): `not-stored` to writes, `callback`
 * to the callbacks of accepted writes.
 */
export const kindsActingOn: Readonly<Record<string, NonNullable<FaultTarget['counts']>>> = { 'not-stored': 'writes', callback: 'accepted-writes' };

/** The requests in scope a fault kind can act on (FaultTarget.counts); every request for the other kinds. */
function countsOf(kind: string): Pick<FaultTarget, 'counts'> {
  const counts = kindsActingOn[kind];
  return counts === undefined ? {} : { counts };
}
