import { appendFile } from 'node:fs/promises';
import type { PlannedFault } from '../scenario/index.ts';
import type { FaultContext, RemoveFault } from './faultRuntime.ts';
import { faultRuntimes } from './registry.ts';
import { MAX_TIMER_MS } from '../util/index.ts';

export interface FaultEvent {
  faultId: string;
  kind: string;
  service: string;
  action: 'apply' | 'remove';
  plannedAt: number;
  actualAt: number;
  driftMs: number;
  ok: boolean;
  error?: string;
  reason?: string;
  describe: string;
  /** On a remove line: requests an app fault acted on while applied (the mocks' count). */
  hits?: number;
  /** On a remove line: bytes a network fault's proxies received while applied; null for a disabled proxy. */
  bytes?: number | null;
}

/**
 * Applies the planned faults at their wall times (t0 + offset) and removes each at its end, or earlier
 * when the run stops (`removeAll`): every fault it applies it also removes, whatever happens. Each action
 * is logged with planned and actual times to `faults.ndjson`.
 */
export class FaultDriver {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly active = new Map<string, { fault: PlannedFault; remove: RemoveFault }>();
  private readonly pending: Array<Promise<void>> = [];
  private stopped = false;
  readonly events: FaultEvent[] = [];

  constructor(
    private readonly options: {
      faults: PlannedFault[];
      context: (fault: PlannedFault) => FaultContext;
      eventLog: string;
      now?: () => number;
      /** Called with each event as it is logged (the worker thread posts them to the main thread). */
      onEvent?: (event: FaultEvent) => void;
    },
  ) {}

  /** Starts the timers; t0 is the wall time simulated offset 0 maps to. */
  schedule(t0: number): void {
    for (const fault of this.options.faults) {
      this.at(t0 + fault.startWallMs, () => this.apply(fault, t0 + fault.startWallMs, t0 + fault.endWallMs));
    }
  }

  /** Faults applied and not yet removed. */
  activeFaults(): PlannedFault[] {
    return [...this.active.values()].map((entry) => entry.fault);
  }

  /** Cancels what has not started and removes what is active; waits for actions in flight. */
  async removeAll(reason: string): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled(this.pending);
    await Promise.all([...this.active.keys()].map((id) => this.remove(id, this.now(), reason)));
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private at(when: number, action: () => Promise<void>): void {
    // A Node timer holds at most 2^31 - 1 ms (a longer one fires after 1 ms): a fault weeks into a long
    // run waits in hops.
    if (when - this.now() > MAX_TIMER_MS) {
      const hop = setTimeout(() => {
        this.timers.delete(hop);
        if (!this.stopped) this.at(when, action);
      }, MAX_TIMER_MS);
      this.timers.add(hop);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.stopped) return;
      // Failures are already in the event log; the promise is kept so removeAll can wait for it.
      this.pending.push(action().catch(() => undefined));
    }, Math.max(0, when - this.now()));
    this.timers.add(timer);
  }

  private async apply(fault: PlannedFault, plannedAt: number, plannedEnd: number): Promise<void> {
    const runtime = faultRuntimes.get(fault.kind);
    try {
      if (!runtime) throw new Error(`unknown fault kind ${fault.kind}`);
      const remove = await runtime.apply(this.options.context(fault), fault.settings);
      this.active.set(fault.id, { fault, remove });
      await this.log(fault, 'apply', plannedAt, { ok: true });
      // Stopped while applying: removeAll waits for this apply, then removes it with the run's reason.
      if (this.stopped) return;
      this.at(plannedEnd, () => this.remove(fault.id, plannedEnd));
    } catch (error) {
      await this.log(fault, 'apply', plannedAt, { ok: false, error: (error as Error).message });
    }
  }

  private async remove(id: string, plannedAt: number, reason?: string): Promise<void> {
    const entry = this.active.get(id);
    if (!entry) return;
    this.active.delete(id);
    try {
      const touched = await entry.remove();
      await this.log(entry.fault, 'remove', plannedAt, { ok: true, reason, ...touched });
    } catch (error) {
      await this.log(entry.fault, 'remove', plannedAt, { ok: false, error: (error as Error).message, reason });
      throw error;
    }
  }

  private async log(fault: PlannedFault, action: FaultEvent['action'], plannedAt: number, outcome: Pick<FaultEvent, 'ok' | 'error' | 'reason' | 'hits' | 'bytes'>): Promise<void> {
    const actualAt = this.now();
    const event: FaultEvent = {
      faultId: fault.id,
      kind: fault.kind,
      service: fault.service,
      action,
      plannedAt,
      actualAt,
      driftMs: actualAt - plannedAt,
      ...outcome,
      describe: fault.describe,
    };
    if (event.reason === undefined) delete event.reason;
    if (event.error === undefined) delete event.error;
    this.events.push(event);
    this.options.onEvent?.(event);
    await appendFile(this.options.eventLog, `${JSON.stringify(event)}\n`);
  }
}
