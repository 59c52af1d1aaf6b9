/**
 * Writes per wall second the drain may send now. The total NIC write rate, the live path's writes plus the
 * drain's, stays within `multiple` x the client's normal write rate; the live path's share is what it sent
 * to NIC itself (`sentLive`), not every incoming write: a write the live path queued (it waits on a queued
 * parent, or met NIC's push-back) reaches NIC through the drain, inside the drain's share. Counting those
 * twice held O1's drain to 0.8 x normal while the counters were busy, and 869 writes missed the deadline.
 * For one rate window after NIC comes back (`justRecovered`) the live path's meter still shows the outage's
 * silence, so every incoming write is taken to go live, as it soon will.
 */
export function drainBudget(args: {
  multiple: number;
  /** The client's normal write rate (its busiest window of incoming writes). */
  normal: number;
  /** Writes offered at the counters now, per wall second. */
  incoming: number;
  /** Writes the live path sent to NIC now, per wall second (each attempt). */
  sentLive: number;
  justRecovered: boolean;
  /** The drain's floor, so a quiet night still drains. */
  min: number;
}): number {
  const live = args.justRecovered ? Math.max(args.incoming, args.sentLive) : args.sentLive;
  return Math.max(args.min, args.multiple * args.normal - live);
}
