/** Test fixture for workerPoster.test.ts: a callback worker that says it is ready, then dies on its first batch. */
import { parentPort } from 'node:worker_threads';

parentPort!.on('message', () => {
  throw new Error('crashed on purpose');
});
parentPort!.postMessage({ ready: true });
