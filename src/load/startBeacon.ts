import { createServer } from 'node:http';
import type { CleanupStack } from '../stack/cleanupStack.ts';
import { findFreePort } from '../stack/findFreePort.ts';

/**
 * A one-shot loopback endpoint the k6 script calls from `setup()`, right before its scenarios start:
 * the wall time of that call is the run's t0, the moment simulated offset 0 maps to.
 */
export async function startBeacon({ cleanup }: { cleanup: CleanupStack }): Promise<{ url: string; fired: Promise<number> }> {
  let fire: (at: number) => void = () => undefined;
  const fired = new Promise<number>((resolve) => (fire = resolve));
  const server = createServer((_request, response) => {
    fire(Date.now());
    response.end('ok');
  });
  const port = await findFreePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  cleanup.defer('stop k6 beacon', () => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${port}/t0`, fired };
}
