/**
 * Builds a picker that maps a uniform number in [0, 1) to an item with probability proportional to its
 * weight (cumulative table, binary search). Weights must be finite and non-negative with a positive sum.
 */
export function weightedPicker<T>({ items, weight }: { items: readonly T[]; weight: (item: T) => number }): (u: number) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) {
    const w = weight(item);
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`weightedPicker: weight ${w} is not a finite number >= 0`);
    total += w;
    cumulative.push(total);
  }
  if (!(total > 0)) throw new RangeError('weightedPicker: the weights sum to 0; give at least one item a positive weight');
  return (u: number): T => {
    const target = u * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return items[lo] as T;
  };
}
