/**
 * Slows down password guessing: after 5 failed sign-ins for one user name from one address within
 * 5 minutes, further tries are refused until the window has passed. Kept in memory per server
 * process: with several processes a guesser gets at most 5 tries per process per window.
 */
export interface SignInLimiter {
  /** Milliseconds until the next try is allowed, or 0. */
  retryAfterMs(key: string, now: number): number;
  recordFailure(key: string, now: number): void;
  recordSuccess(key: string): void;
}

export function createSignInLimiter(maxFailures = 5, windowMs = 5 * 60_000): SignInLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => (failures.get(key) ?? []).filter((at) => now - at < windowMs);
  return {
    retryAfterMs(key, now) {
      const tries = recent(key, now);
      failures.set(key, tries);
      if (tries.length < maxFailures) return 0;
      return windowMs - (now - tries[0]!);
    },
    recordFailure(key, now) {
      failures.set(key, [...recent(key, now), now]);
      // Forget quiet keys so the map cannot grow without bound.
      if (failures.size > 10_000) for (const [k] of failures) if (recent(k, now).length === 0) failures.delete(k);
    },
    recordSuccess(key) {
      failures.delete(key);
    },
  };
}
