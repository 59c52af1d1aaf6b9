/**
 * Worker-thread entry of WorkerPoster: POSTs the callbacks the serving thread hands over and posts back how
 * each went. Protocol (flat arrays, cheap to structured-clone):
 * - in: `[ref, origin, path, payload, headers | null, ref, origin, ...]`, one message per tick of the serving thread;
 * - out: `{ ready: true }` once loaded, then `{ done: [ref, status, ...], failed: [[ref, status | null, error], ...] }`, one message per tick here.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Agent } from 'undici';
import { postCallback } from './postCallback.ts';

const port = parentPort!;
const { timeoutMs } = workerData as { timeoutMs: number };
/** undici keep-alive pools (up to 64 connections per origin), driven by `dispatch`: see postCallback. */
const agent = new Agent({ connections: 64 });

let done: number[] = [];
let failed: Array<[number, number | null, string]> = [];
let flushScheduled = false;

function flush(): void {
  flushScheduled = false;
  port.postMessage({ done, failed });
  done = [];
  failed = [];
}

port.on('message', (batch: Array<number | string | Record<string, string> | null>) => {
  for (let i = 0; i < batch.length; i += 5) {
    const ref = batch[i] as number;
    postCallback({
      dispatcher: agent,
      target: { origin: batch[i + 1] as string, path: batch[i + 2] as string },
      payload: batch[i + 3] as string,
      headers: (batch[i + 4] as Record<string, string> | null) ?? {},
      timeoutMs,
      onDone: (outcome) => {
        if (outcome.error === null) done.push(ref, outcome.status ?? -1);
        else failed.push([ref, outcome.status, outcome.error]);
        if (!flushScheduled) {
          flushScheduled = true;
          setImmediate(flush);
        }
      },
    });
  }
});

port.postMessage({ ready: true });
