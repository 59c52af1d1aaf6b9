import type { NicSession } from '../shared/nicSession.ts';
import type { JourneyStep, NicRequest } from '../shared/steps/journeyStep.ts';

/** One write the retry-storm client keeps in memory (and loses on restart). */
export interface PendingWrite {
  step: JourneyStep;
  correlationId: string;
  baseUrl: string;
  nicRequest: NicRequest;
  session: NicSession;
  provisionalId: string;
  rounds: number;
}

/** The retry-storm client's in-memory resend list: no durability, no order, no limit on how fast it is flushed. */
export class PendingQueue {
  private readonly items = new Map<string, PendingWrite>();
  private counter = 0;

  add(item: Omit<PendingWrite, 'provisionalId' | 'rounds'>): PendingWrite {
    this.counter += 1;
    const pending: PendingWrite = { ...item, provisionalId: `RS-${String(this.counter).padStart(6, '0')}`, rounds: 0 };
    this.items.set(item.correlationId, pending);
    return pending;
  }

  remove(correlationId: string): void {
    this.items.delete(correlationId);
  }

  all(): PendingWrite[] {
    return [...this.items.values()];
  }

  get size(): number {
    return this.items.size;
  }
}
