import type { RunRecord } from './runRecord.ts';

/**
 * After a harness process failed mid-run (run.json `harness.failures`), what depended on it fails too
 * (removing a fault from a dead mocks process or Toxiproxy): that is recorded as an event, not a second
 * error, so the run ends `completed` and its validity names the harness failure. Without a recorded harness
 * failure the error stands.
 */
export function excuseAfterHarnessFailure({ record, log, what, error }: { record: RunRecord; log: (line: string) => void; what: string; error: Error }): void {
  if (record.harnessFailures().length === 0) throw error;
  const line = `${what} failed after a harness failure: ${error.message}`;
  record.event(line);
  log(line);
}
