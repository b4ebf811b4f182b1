/**
 * Exponential backoff with jitter (docs/sync-protocol.md §5): 2 s doubling to a ceiling of a
 * minute, each wait randomised by ±50 %, so desks that lost the server together do not come back
 * in one burst. Reset after a success.
 */
export interface Backoff {
  /** The wait before the next attempt (ms); each call counts one more failure. */
  next(): number;
  reset(): void;
  /** Failures since the last success. */
  readonly attempts: number;
}

export function createBackoff(options: { baseMs?: number; maxMs?: number; random?: () => number } = {}): Backoff {
  const { baseMs = 2_000, maxMs = 60_000, random = Math.random } = options;
  let attempts = 0;
  return {
    next() {
      const ceiling = Math.min(maxMs, baseMs * 2 ** attempts);
      attempts++;
      return Math.round(ceiling * (0.5 + random()));
    },
    reset() {
      attempts = 0;
    },
    get attempts() {
      return attempts;
    },
  };
}
