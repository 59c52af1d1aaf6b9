import { join } from 'node:path';
import { z } from 'zod';
import { UserError } from '../../core/index.ts';
import { readJsonFile } from '../runFiles/readJsonFile.ts';

/** plan.json's `drain` (src/scenario/plan.ts) and the clock's speed: all the deadline needs. */
const planSchema = z.looseObject({
  clock: z.looseObject({ speed: z.number().positive() }).optional(),
  drain: z.looseObject({ deadlineSim: z.number(), deadlineWallMs: z.number().min(0) }).optional(),
});

export interface DrainDeadline {
  /** Wall epoch ms. */
  at: number;
  /** The same instant in simulated ms of the day (the incident's clock). */
  simMs: number;
}

/**
 * The drain deadline of a run: the scenario's `client.drainDeadline` after the planned end of the load
 * (plan.json `drain`), counted from t0; never before the load's last answer (`loadEndAt`: k6 may finish
 * its last visits after the planned end, and a write accepted then is judged at that moment). Null for a run
 * whose plan has no deadline (older runs): integrity then judges at the end of the run.
 */
export async function readDrainDeadline({ runDir, t0, loadEndAt }: { runDir: string; t0: number; loadEndAt: number | null }): Promise<DrainDeadline | null> {
  const file = join(runDir, 'plan.json');
  const parsed = planSchema.safeParse(await readJsonFile({ file }));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(`${file}: ${issue?.path.join('.')}: ${issue?.message}; write the plan with thap (src/scenario/plan.ts) or leave drain out`, { code: 'THAP_RUN_DIR' });
  }
  const { drain } = parsed.data;
  if (drain === undefined) return null;
  const planned = t0 + drain.deadlineWallMs;
  const at = loadEndAt === null ? planned : Math.max(planned, loadEndAt);
  return { at, simMs: drain.deadlineSim + (at - planned) * (parsed.data.clock?.speed ?? 1) };
}
