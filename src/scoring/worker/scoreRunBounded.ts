import { stat } from 'node:fs/promises';
import { HarnessError, UserError, ValidationError, type ExitCode, type Issue } from '../../core/index.ts';
import { k6CsvFiles } from '../k6/k6CsvFiles.ts';
import type { Report } from '../reportSchema.ts';
import { scoreRun, type ScoreRunOptions } from '../scoreRun.ts';
import { startTsWorker } from '../../util/index.ts';

/** Bytes of k6.csv per client request: about 14 rows of ~125 bytes (bench/entries/scoring.ts measures 1,770). */
const CSV_BYTES_PER_REQUEST = 1500;
/**
 * Old-generation cap per request (estimated from the CSV as above): 10M samples (848k requests by that estimate)
 * score within a 256 MB cap, about 320 B each; the rest is room, so GC does not thrash near the cap and other
 * shapes of run fit too. Measured caps (bench entry `scoring`, peak RSS): 560 B 471-512 MB, 440 B 442-445 MB.
 */
const HEAP_BYTES_PER_REQUEST = 440;
const MIN_OLD_GENERATION_MB = 256;
const MAX_OLD_GENERATION_MB = 8192;

interface WorkerError {
  name: string;
  message: string;
  stack?: string;
  code?: string;
  exitCode?: ExitCode;
  issues?: Issue[];
}

/**
 * scoreRun in a worker thread whose old generation is capped to what the run needs (estimated from the size
 * of the k6 CSV files), so V8 collects garbage before it grows instead of letting peak memory drift far above the live
 * set: 10 million samples score in under 512 MB of RSS (bench entry `scoring`). A worker that runs out of
 * its cap is retried with twice the cap. Errors come back as the same classes (UserError, ValidationError).
 */
export async function scoreRunBounded({ runDir, gates, now = () => new Date(), breakdown = true }: ScoreRunOptions): Promise<Report> {
  let csvBytes = 0;
  for (const file of await k6CsvFiles({ runDir })) csvBytes += await stat(file).then((s) => s.size).catch(() => 0);
  let capMb = Math.max(MIN_OLD_GENERATION_MB, Math.ceil(((csvBytes / CSV_BYTES_PER_REQUEST) * HEAP_BYTES_PER_REQUEST) / 2 ** 20));
  const generatedAt = now().toISOString();
  for (;;) {
    const outcome = await runWorker({ runDir, gates, generatedAt, capMb, breakdown });
    if ('report' in outcome) return outcome.report;
    if ('outOfMemory' in outcome) {
      if (capMb >= MAX_OLD_GENERATION_MB) return scoreRun({ runDir, ...(gates ? { gates } : {}), now: () => new Date(generatedAt), breakdown });
      capMb = Math.min(MAX_OLD_GENERATION_MB, capMb * 2);
      continue;
    }
    throw rebuild(outcome.error);
  }
}

function runWorker({ runDir, gates, generatedAt, capMb, breakdown }: { runDir: string; gates?: string[]; generatedAt: string; capMb: number; breakdown: boolean }): Promise<{ report: Report } | { error: WorkerError } | { outOfMemory: true }> {
  return new Promise((resolve, reject) => {
    const worker = startTsWorker(new URL('./scoreRunWorker.ts', import.meta.url), { workerData: { runDir, gates, generatedAt, breakdown }, resourceLimits: { maxOldGenerationSizeMb: capMb } });
    let settled = false;
    worker.once('message', (message: { report: Report } | { error: WorkerError }) => {
      settled = true;
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', (error: Error & { code?: string }) => {
      if (settled) return;
      settled = true;
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') resolve({ outOfMemory: true });
      else reject(new HarnessError(`scoring worker failed: ${error.message}`, { cause: error }));
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new HarnessError(`scoring worker exited with code ${code} before answering`));
    });
  });
}

function rebuild(error: WorkerError): Error {
  if (error.issues) return new ValidationError(error.message.split('\n')[0] ?? 'invalid input', error.issues);
  if (error.name === 'HarnessError') return new HarnessError(error.message, { ...(error.code ? { code: error.code } : {}) });
  if (error.code !== undefined) return new UserError(error.message, { code: error.code, ...(error.exitCode !== undefined ? { exitCode: error.exitCode } : {}) });
  const bug = new Error(error.message);
  bug.name = error.name;
  if (error.stack) bug.stack = error.stack;
  return bug;
}
