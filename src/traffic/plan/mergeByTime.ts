/**
 * Merges streams that are each sorted by `time` into one sorted stream; ties go to the earlier stream, so the
 * result is deterministic. Holds one pending item per stream.
 */
export function* mergeByTime<T>({ streams, time }: { streams: Iterable<T>[]; time: (item: T) => number }): Generator<T> {
  const iterators = streams.map((s) => s[Symbol.iterator]());
  const heads: Array<IteratorResult<T>> = iterators.map((it) => it.next());
  for (;;) {
    let best = -1;
    for (let i = 0; i < heads.length; i += 1) {
      const head = heads[i] as IteratorResult<T>;
      if (head.done) continue;
      const bestHead = best < 0 ? undefined : (heads[best] as IteratorResult<T>);
      if (bestHead === undefined || time(head.value) < time(bestHead.value as T)) best = i;
    }
    if (best < 0) return;
    yield (heads[best] as IteratorYieldResult<T>).value;
    heads[best] = (iterators[best] as Iterator<T>).next();
  }
}
