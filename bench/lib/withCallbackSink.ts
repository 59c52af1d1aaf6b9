import { startServer, type BenchServer } from './startServer.ts';

/**
 * Runs `measure` with a bare node:http server that receives the mocks' callbacks (ABDM on-share, payment
 * webhook), so that receiving them is not counted against the mock; stops it whatever happens.
 */
export async function withCallbackSink<T>(measure: (sink: BenchServer) => Promise<T>): Promise<T> {
  const sink = await startServer('bare');
  try {
    return await measure(sink);
  } finally {
    await sink.stop();
  }
}
