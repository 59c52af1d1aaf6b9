import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { contractSteps, type StepName } from '../../src/contract/index.ts';
import { dropSettings, forgets } from '../../examples/bad/forgets.ts';
import { madeUpReason } from '../../examples/bad/madeUpIds.ts';
import type { CalibrationClient } from './clients.ts';

/** One line of a client's outcome log (examples/shared/outcomeLog.ts), as far as the count reads it. */
interface OutcomeLine {
  step?: string;
  correlationId?: string;
  outcome?: string;
  reason?: string;
}

/**
 * How many times a bad client did what it is bad at in one run, counted from its own outcome log (every
 * `client*.log` of the run directory: one per region in a partitioned run), not from thap's report: the ground
 * truth the claims check thap against. `made-up-ids`: `done` answers logged with examples/bad/madeUpIds.ts's
 * reason; `drops-queued`: writes answered `queued` that the client's seeded drop (examples/bad/forgets.ts, its
 * environment's share and seed) forgets. Undefined for a client without a flaw, or without a log to read.
 */
export async function flawsCommitted(args: { runDir: string; client: Pick<CalibrationClient, 'flaw' | 'env'> }): Promise<number | undefined> {
  const { flaw } = args.client;
  if (flaw === undefined) return undefined;
  const logs = (await readdir(args.runDir).catch(() => [] as string[])).filter((file) => file.startsWith('client') && file.endsWith('.log'));
  if (logs.length === 0) return undefined;
  const lines = (await Promise.all(logs.map((file) => readFile(path.join(args.runDir, file), 'utf8')))).flatMap((text) => text.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as OutcomeLine));
  if (flaw === 'made-up-ids') return lines.filter((line) => line.outcome === 'done' && line.reason?.startsWith(madeUpReason)).length;
  const drop = dropSettings(args.client.env ?? {});
  const dropped = new Set(lines.filter((line) => line.outcome === 'queued' && isWrite(line.step) && line.correlationId !== undefined && forgets({ ...drop, correlationId: line.correlationId })).map((line) => line.correlationId));
  return dropped.size;
}

function isWrite(step: string | undefined): boolean {
  return step !== undefined && step in contractSteps && contractSteps[step as StepName].write;
}
