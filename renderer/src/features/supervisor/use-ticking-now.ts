import { useEffect, useState } from 'react';

/** The client's time (ms), refreshed every `everyMs`, so durations on screen move on by themselves. */
export function useTickingNow(everyMs = 5_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
