import type { ValidityCheck } from '../reportSchema.ts';
import type { DrainTail } from './drainTail.ts';
import type { HostSample } from './hostSample.ts';
import { MIN_HOST_SAMPLES } from './checkMachineBusy.ts';

/**
 * How long, per wall second of the drain's last tenth, the run's threads may wait for a CPU while the client is
 * still delivering, ms. From measurement (docs/scoring.md "Run validity"): the drains on this 2-core machine
 * with the cores under half busy waited 130 to 350 ms/s over the whole drain, the two O1 drains cut off at 120x
 * while still delivering 1,375 and 1,539 ms/s in their last tenth; 500 ms/s is half a thread standing runnable
 * the whole time.
 */
export const DRAIN_WAIT_BOUND_MS = 500;

const round1 = (value: number) => Math.round(value * 10) / 10;
const minutes = (simMs: number) => round1(simMs / 60_000);

/** What the drain left, from integrity: accepted writes not at NIC by the deadline, and those NIC stored in the drain's last tenth. */
export interface DrainOutcome {
  undelivered: number;
  deliveredInTail: number;
  tail: DrainTail;
  /** What the client's own outbox said was still pending when thap stopped waiting (run.json `drain`); undefined without an outbox. */
  clientPending?: number;
}

/**
 * machine.drainCapacity: writes left undelivered at the drain deadline are the client's, not this machine's.
 * Figure: the undelivered writes the machine is to blame for (bound 0); the CPU wait that decides it is in the
 * message with its own bound.
 * The deadline is simulated time, so at 120x an hour of drain is 30 wall seconds in which the client must put
 * its queue through on a machine it shares with NIC's mocks, Toxiproxy and thap. When the client was still
 * delivering in the drain's last tenth (NIC stored some of its accepted writes there) and the run's threads
 * waited for a CPU beyond the bound there, the CPU ran out before the client did (a client with an outbox must
 * also have said it still had writes pending: one whose outbox was empty had finished, and what it left is its
 * own; the claim can only narrow what is excused, never widen it): the undelivered count
 * measures the machine at this speed, so the run is invalid and names the fix (a lower `--speed`). A client
 * that had stopped delivering, or left writes behind on a machine with CPU to spare, is judged. The wait counts
 * every thread of the run, the client's included: whoever used the CPU, a real deployment gives the client
 * its own; a client that burns it needlessly gets no pass from this, only a run at a lower speed that judges it.
 */
export function checkDrainCapacity({ samples, drain, waitBound = DRAIN_WAIT_BOUND_MS }: { samples: HostSample[]; drain: DrainOutcome | undefined; waitBound?: number }): ValidityCheck {
  const base = { name: 'machine.drainCapacity', unit: 'writes', bound: 0 } as const;
  const clients = (left: number, why: string): ValidityCheck => ({ ...base, passed: true, figure: 0, message: `${left} accepted writes were not at NIC by the drain deadline and ${why}` });
  if (drain === undefined) return { ...base, passed: true, figure: null, message: 'not measured: the run has no drain deadline (plan.json `drain`)' };
  const { undelivered, deliveredInTail, tail } = drain;
  const tailText = `the drain's last ${minutes(tail.simMs)} simulated minutes`;
  if (undelivered === 0) return { ...base, passed: true, figure: 0, message: 'every accepted write was at NIC by the drain deadline' };
  if (drain.clientPending === 0) return clients(undelivered, "the client's outbox said nothing was pending when thap stopped waiting: it had finished delivering, so they are its own");
  if (deliveredInTail === 0) return clients(undelivered, `the client delivered none of its writes in ${tailText}: it had stopped delivering, so they are its own`);
  // Samples whose interval overlaps the tail; never fewer than the last 3 that began before the deadline, as a
  // tail of a few wall seconds on a saturated machine (samples stretched past a second) may hold only one or two.
  const begunBefore = samples.filter((sample) => sample.t - sample.wallMs < tail.to);
  const overlapping = begunBefore.filter((sample) => sample.t > tail.from);
  const inTail = overlapping.length >= MIN_HOST_SAMPLES ? overlapping : begunBefore.slice(-MIN_HOST_SAMPLES);
  if (inTail.length < MIN_HOST_SAMPLES) return { ...base, passed: true, figure: null, message: `not measured: the client was still delivering in ${tailText} and ${inTail.length} host samples cover it (${MIN_HOST_SAMPLES} needed; host.ndjson is written on Linux)` };
  const wall = inTail.reduce((sum, sample) => sum + sample.wallMs, 0);
  const busy = inTail.reduce((sum, sample) => sum + sample.busyMs, 0);
  const capacity = inTail.reduce((sum, sample) => sum + sample.busyMs + sample.idleMs, 0);
  const waited = round1((inTail.reduce((sum, sample) => sum + sample.runWaitMs, 0) * 1_000) / wall);
  const text = `the client was still delivering when the drain deadline came (NIC stored ${deliveredInTail} of its writes in ${tailText}; ${undelivered} were not there by the deadline); the run's threads waited ${waited} ms per wall second for a CPU then (bound ${waitBound} ms/s), the machine's ${(inTail[inTail.length - 1] as HostSample).cores} cores ${round1((busy / capacity) * 100)}% busy (${inTail.length} samples)`;
  if (waited <= waitBound) return { ...base, passed: true, figure: 0, message: `${text}: the machine had CPU to spare, so the writes left are the client's` };
  return { ...base, passed: false, figure: undelivered, message: `${text}: the machine's CPU, not the client, bounded the drain at this speed, so its ${undelivered} undelivered writes are not the client's to answer for; run it at a lower --speed (or on more cores) to judge the drain` };
}
