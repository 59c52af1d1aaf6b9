import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BodyTransform } from '../faults/types.ts';
import type { StoredAnswer } from '../http/idempotencyStore.ts';

/** Writes an answer, through a fault's body transform when there is one. */
export async function deliverAnswer(res: ServerResponse, answer: StoredAnswer, transform: BodyTransform | undefined): Promise<void> {
  if (!transform) {
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
    return;
  }
  const bytes = Buffer.from(answer.body);
  if (transform.type === 'malformed') {
    const broken = Buffer.from(`${answer.body.slice(0, Math.floor(answer.body.length / 2))}<<not json`);
    res.writeHead(answer.status, { ...answer.headers, 'content-length': String(broken.length) });
    res.end(broken);
    return;
  }
  res.writeHead(answer.status, answer.headers);
  if (transform.type === 'truncate') {
    // Flush the part that is sent, then drop the connection: the client sees a short body.
    await new Promise<void>((resolve) => res.write(bytes.subarray(0, Math.floor(bytes.length * transform.keepFraction)), () => resolve()));
    res.destroy();
    return;
  }
  for (let at = 0; at < bytes.length; at += transform.chunkBytes) {
    if (res.destroyed) return;
    res.write(bytes.subarray(at, at + transform.chunkBytes));
    if (at + transform.chunkBytes < bytes.length) await sleep(transform.chunkDelayMs, undefined, { ref: false });
  }
  res.end();
}
