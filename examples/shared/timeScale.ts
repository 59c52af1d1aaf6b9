/**
 * Wall milliseconds for a duration given in simulated seconds: every reference-client timer goes through
 * here, so a scenario compressed with THAP_TIME_SCALE=60 sees a 30 s timeout as 0.5 s of wall time.
 * `floorMs` keeps a timer from shrinking below what loopback and the event loop can honour.
 */
export function wallMs(args: { simSeconds: number; timeScale: number; floorMs?: number }): number {
  return Math.max(args.floorMs ?? 0, (args.simSeconds * 1000) / args.timeScale);
}

/** Resolves after `ms` wall milliseconds, or at once when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
