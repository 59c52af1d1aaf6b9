import { createServer } from 'node:net';

/**
 * A free TCP port on 127.0.0.1, drawn at random from 20000-32000: below Linux's ephemeral range
 * (32768-60999), so a port thap listens on is never one the kernel hands to an outgoing connection
 * (TOOLS.md). Ports already handed out by this process are not given twice.
 */
const handedOut = new Set<number>();

export async function findFreePort({ low = 20_000, high = 32_000, attempts = 50 } = {}): Promise<number> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const port = low + Math.floor(Math.random() * (high - low));
    if (handedOut.has(port)) continue;
    if (await canListen(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`no free port found in ${low}-${high} after ${attempts} attempts`);
}

/** Whether a TCP port on 127.0.0.1 is free to listen on now. */
export function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}
