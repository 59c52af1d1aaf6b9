import { createServer, type RequestListener } from 'node:http';
import { findFreePort } from '../../src/stack/findFreePort.ts';

/** A real HTTP server on a free loopback port for tests, answering with `handler`; `close()` ends it and its connections. */
export async function startLoopbackServer(handler: RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(handler);
  const port = await findFreePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
