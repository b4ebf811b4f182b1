/**
 * Summary statistics of durations: count, mean, median, 90th percentile and maximum. Percentiles
 * interpolate linearly between the closest ranks (type 7: Excel's PERCENTILE.INC and MEDIAN, so an
 * exported report matches a spreadsheet). Figures are rounded to the millisecond (3 decimals of a
 * second). An empty set gives nulls, never NaN.
 */

/** Durations in seconds, summarised. */
export interface DurationStats {
  readonly count: number;
  readonly mean: number | null;
  readonly median: number | null;
  readonly p90: number | null;
  readonly max: number | null;
}

/** The `p`-th percentile (0-1) of ascending `sorted` values, linear between closest ranks. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = (sorted.length - 1) * Math.min(Math.max(p, 0), 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (rank - lower);
}

function toMilliseconds(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

/** Summarises durations in seconds (negative or non-finite inputs are bugs upstream: clamped to 0). */
export function summarize(values: readonly number[]): DurationStats {
  const sorted = values.map((value) => (Number.isFinite(value) && value > 0 ? value : 0)).sort((a, b) => a - b);
  if (sorted.length === 0) return { count: 0, mean: null, median: null, p90: null, max: null };
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    mean: toMilliseconds(total / sorted.length),
    median: toMilliseconds(percentile(sorted, 0.5) as number),
    p90: toMilliseconds(percentile(sorted, 0.9) as number),
    max: sorted[sorted.length - 1] as number,
  };
}

/** `part / whole`, or null when `whole` is 0. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
