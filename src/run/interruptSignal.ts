/**
 * Turns the first SIGINT or SIGTERM into an abort of the run (cleanup then runs in order); a second one
 * while cleaning up is ignored so that faults are still removed. Returns a function that unhooks.
 */
export function onInterrupt(abort: (signal: NodeJS.Signals) => void): () => void {
  const handler = (signal: NodeJS.Signals) => abort(signal);
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
