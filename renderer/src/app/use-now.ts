import { useEffect, useState } from 'react';

/** The time now, refreshed every `everyMs`, so waiting times on screen move on by themselves. */
export function useNow(clock: () => Date, everyMs = 15_000): Date {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), everyMs);
    return () => clearInterval(timer);
  }, [clock, everyMs]);
  return now;
}
