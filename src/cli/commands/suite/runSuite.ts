import { InterruptedError } from '../../../core/index.ts';
import { findDoneRun } from './findDoneRun.ts';
import type { SuiteSlot } from './suiteSlots.ts';

/** Runs one slot (thap run's runScenario in the command; a fake in the tests). */
export type RunSlot = (slot: SuiteSlot) => Promise<{ interruptedBy?: string }>;

export interface SuiteOutcome {
  /** Per slot, in order: its scored run directory, or why it has none. */
  runs: Array<{ slot: SuiteSlot; runDir?: string; skipped: boolean; problem?: string }>;
  /** Set when a signal ended the suite: the run it hit keeps its partial results, and no later run starts. */
  interruptedBy?: string;
  /** Slots left for a later call after `maxRuns` runs were started. */
  left?: number;
}

export const slotName = (slot: SuiteSlot) => `${slot.scenario.name} x ${slot.client.name}, repeat ${slot.repeat}`;

/**
 * Runs a suite's slots one after another. A slot that already holds a scored run is skipped (so a suite
 * resumes after an interrupt or a failure); a run that fails or is invalid is named and the suite goes on;
 * an interrupt (during a run, or `stopped()` between runs) ends the suite with nothing left running. With
 * `maxRuns`, no more runs than that start (a caller that takes a lock per run calls again for the rest).
 */
export async function runSuite({ slots, runSlot, stopped, log, maxRuns = Infinity }: { slots: SuiteSlot[]; runSlot: RunSlot; stopped: () => string | undefined; log: (line: string) => void; maxRuns?: number }): Promise<SuiteOutcome> {
  const runs: SuiteOutcome['runs'] = [];
  let started = 0;
  for (const [index, slot] of slots.entries()) {
    const done = await findDoneRun(slot.dir);
    if (done) {
      log(`suite: ${index + 1}/${slots.length} ${slotName(slot)}: done before (${done})`);
      runs.push({ slot, runDir: done, skipped: true });
      continue;
    }
    const signal = stopped();
    if (signal) return { runs, interruptedBy: signal };
    if (started === maxRuns) return { runs, left: slots.length - index };
    started += 1;
    log(`suite: ${index + 1}/${slots.length} ${slotName(slot)}: running`);
    try {
      const result = await runSlot(slot);
      if (result.interruptedBy) return { runs, interruptedBy: result.interruptedBy };
    } catch (error) {
      if (error instanceof InterruptedError) return { runs, interruptedBy: stopped() ?? 'SIGINT' };
      log(`suite: ${slotName(slot)} failed: ${(error as Error).message.split('\n')[0]}`);
    }
    const runDir = await findDoneRun(slot.dir);
    runs.push({ slot, ...(runDir ? { runDir } : { problem: 'no valid, scored run (see its run directory under ' + slot.dir + '); run the suite again to repeat it' }), skipped: false });
  }
  return { runs };
}
