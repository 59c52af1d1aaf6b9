import type { Server } from 'node:http';

/**
 * Listens on a random free port in 20000-32000 (outside the ephemeral range) and prints the one line the
 * bench runner waits for: `{"url":"http://127.0.0.1:PORT"}`. BENCH_PORT fixes the port.
 */
export function listenAndAnnounce(server: Server): void {
  const fixed = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : undefined;
  const attempt = (tries: number) => {
    const port = fixed ?? 20000 + Math.floor(Math.random() * 12000);
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' && fixed === undefined && tries < 50) attempt(tries + 1);
      else throw error;
    });
    server.listen(port, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`));
  };
  attempt(0);
}
