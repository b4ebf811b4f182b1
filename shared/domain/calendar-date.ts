/**
 * Calendar dates as the counter sees them: `YYYY-MM-DD` in Europe/Amsterdam, whatever the machine's
 * own time zone. Pure: the caller passes the instant in.
 */

const amsterdamDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The date in Amsterdam at the given instant, as `YYYY-MM-DD`. */
export function amsterdamDateOf(instant: Date): string {
  return amsterdamDate.format(instant);
}

/** True when `value` is a real calendar date written as `YYYY-MM-DD` (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
