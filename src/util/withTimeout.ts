import { MAX_TIMER_MS } from './timerBounds.ts';

/** Races a promise against a timer; the timer never keeps the process alive. */
export async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    // Capped at what a timer holds (2^31 - 1 ms, about 24.8 days): a longer timer would fire after 1 ms.
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${timeoutMs} ms`)), Math.min(timeoutMs, MAX_TIMER_MS));
    timer.unref();
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
