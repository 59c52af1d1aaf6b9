import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { contractSteps, type StepName } from '../../src/contract/index.ts';
import { dropSettings, forgets } from '../../examples/bad/forgets.ts';
import { madeUpReason } from '../../examples/bad/madeUpIds.ts';
import { k6CsvFiles } from '../../src/scoring/k6/k6CsvFiles.ts';
import { tagValue } from '../../src/scoring/k6/parseTags.ts';
import { streamK6Csv } from '../../src/scoring/k6/streamK6Csv.ts';
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
 * environment's share and seed) forgets. Only answers the load generator heard count (k6 recorded that outcome
 * for that correlation id): an answer given after k6 had timed the request out told the counter nothing, as
 * O8's made-up answers behind ICMR's 6-59 s black hole did. Undefined for a client without a flaw, or without
 * a log to read.
 */
export async function flawsCommitted(args: { runDir: string; client: Pick<CalibrationClient, 'flaw' | 'env'> }): Promise<number | undefined> {
  const { flaw } = args.client;
  if (flaw === undefined) return undefined;
  const logs = (await readdir(args.runDir).catch(() => [] as string[])).filter((file) => file.startsWith('client') && file.endsWith('.log'));
  if (logs.length === 0) return undefined;
  const lines = (await Promise.all(logs.map((file) => readFile(path.join(args.runDir, file), 'utf8')))).flatMap((text) => text.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as OutcomeLine));
  const drop = dropSettings(args.client.env ?? {});
  const flawed = lines.filter((line) =>
    flaw === 'made-up-ids'
      ? line.outcome === 'done' && line.reason?.startsWith(madeUpReason)
      : line.outcome === 'queued' && isWrite(line.step) && line.correlationId !== undefined && forgets({ ...drop, correlationId: line.correlationId }),
  );
  // k6.csv is read only when the client's log shows the flaw at all (it is the run's largest file).
  if (flawed.length === 0) return 0;
  const heard = await outcomesHeard(args.runDir);
  return new Set(flawed.filter((line) => heard.has(`${line.correlationId}|${line.outcome}`)).map((line) => line.correlationId)).size;
}

/** `correlationId|outcome` of every outcome k6 recorded in the run (its `thap_outcome` samples). */
async function outcomesHeard(runDir: string): Promise<Set<string>> {
  const heard = new Set<string>();
  await streamK6Csv({
    file: await k6CsvFiles({ runDir }),
    optional: true,
    metrics: new Set(['thap_outcome']),
    onRow: (record, columns) => {
      const entity = tagValue(record[columns.metadata], 'entity');
      const outcome = tagValue(record[columns.extraTags], 'outcome');
      if (entity !== undefined && outcome !== undefined) heard.add(`${entity}|${outcome}`);
    },
  });
  return heard;
}

function isWrite(step: string | undefined): boolean {
  return step !== undefined && step in contractSteps && contractSteps[step as StepName].write;
}
