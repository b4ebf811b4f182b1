import { useEffect, useState } from 'react';
import { amsterdamDateOf } from '../../../shared/domain/calendar-date';

const systemClock = () => new Date();

/**
 * Today's date in Amsterdam, moving on by itself after midnight: a desk PC left on overnight shows
 * the new day's agenda in the morning, not yesterday's. Looked at every `everyMs` rather than timed
 * to midnight, so a PC woken from sleep catches up within that time as well. A `fixed` day (tests)
 * is returned as it is.
 */
export function useToday(fixed?: string, clock: () => Date = systemClock, everyMs = 30_000): string {
  const [today, setToday] = useState(() => amsterdamDateOf(clock()));
  useEffect(() => {
    if (fixed !== undefined) return;
    const timer = setInterval(() => setToday(amsterdamDateOf(clock())), everyMs);
    return () => clearInterval(timer);
  }, [fixed, clock, everyMs]);
  return fixed ?? today;
}
