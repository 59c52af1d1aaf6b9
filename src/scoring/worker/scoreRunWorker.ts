/**
 * Worker-thread entry of scoreRunBounded: scores one run directory and posts back the report, or the error as
 * plain data (classes do not cross threads).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UserError, ValidationError } from '../../core/index.ts';
import { scoreRun } from '../scoreRun.ts';

const { runDir, gates, generatedAt, breakdown } = workerData as { runDir: string; gates?: string[]; generatedAt: string; breakdown: boolean };
try {
  const report = await scoreRun({ runDir, ...(gates ? { gates } : {}), now: () => new Date(generatedAt), breakdown });
  parentPort?.postMessage({ report });
} catch (error) {
  const e = error as Error;
  parentPort?.postMessage({
    error: {
      name: e.name,
      message: e.message,
      stack: e.stack,
      ...(error instanceof UserError ? { code: error.code, exitCode: error.exitCode } : {}),
      ...(error instanceof ValidationError ? { issues: error.issues } : {}),
    },
  });
}
