/**
 * Time intervals in epoch milliseconds, for desk time: how long open, paused, busy and idle.
 * Intervals are half-open [start, end); empty or reversed ones count as nothing.
 */

/** A stretch of time in epoch milliseconds. */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

/** The union of intervals as sorted, disjoint intervals. */
export function union(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((interval) => interval.end > interval.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, interval.end) };
    else merged.push(interval);
  }
  return merged;
}

/** Total length in milliseconds of the union of `intervals`. */
export function measure(intervals: readonly Interval[]): number {
  return union(intervals).reduce((total, interval) => total + (interval.end - interval.start), 0);
}

/** Length in milliseconds of the overlap between the unions of `a` and `b`. */
export function overlap(a: readonly Interval[], b: readonly Interval[]): number {
  const left = union(a);
  const right = union(b);
  let total = 0;
  for (const x of left) {
    for (const y of right) total += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
  }
  return total;
}
