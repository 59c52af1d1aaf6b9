import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Where the outbox lives: `$THAP_OUTBOX_DIR/resilient-outbox.ndjson` when thap (or the user) names a
 * state directory, which is what lets a restarted client find its queued work; otherwise a fresh temporary
 * directory, and then a restart starts empty (`durable: false` says so in the listening line).
 */
export function outboxFile(env: NodeJS.ProcessEnv = process.env): { file: string; durable: boolean } {
  const dir = env.THAP_OUTBOX_DIR;
  if (dir !== undefined && dir !== '') return { file: path.join(path.resolve(dir), 'resilient-outbox.ndjson'), durable: true };
  return { file: path.join(mkdtempSync(path.join(os.tmpdir(), 'thap-resilient-')), 'resilient-outbox.ndjson'), durable: false };
}
