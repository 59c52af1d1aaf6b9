import { ClientConfigError, readClientConfig, type ClientConfig } from './config.ts';
import type { RunningServer } from './jsonServer.ts';
import { watchLifeline } from '../../src/stack/lifeline/watchLifeline.ts';

/**
 * The entry point of a reference client: reads the environment, starts the client, prints one
 * `listening` line, and closes on SIGTERM/SIGINT, or when thap, which started it, is gone (its lifeline ends).
 * A bad environment prints every problem and exits 2.
 */
export async function runClient(args: { name: string; start: (config: ClientConfig) => Promise<RunningServer & { stop?: () => Promise<void> }> }): Promise<void> {
  let config: ClientConfig;
  try {
    config = readClientConfig(process.env);
  } catch (error) {
    if (error instanceof ClientConfigError) {
      process.stderr.write(`${args.name}: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
  const server = await args.start(config);
  process.stdout.write(`${JSON.stringify({ t: new Date().toISOString(), event: 'listening', client: args.name, url: server.url, timeScale: config.timeScale })}\n`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${JSON.stringify({ t: new Date().toISOString(), event: 'stopping', client: args.name, signal })}\n`);
    void (server.stop ?? server.close)().finally(() => process.exit(0));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  watchLifeline();
}
