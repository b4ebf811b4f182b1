/**
 * Calendar dates as the counter sees them: `YYYY-MM-DD` in Europe/Amsterdam, whatever the machine's
 * own time zone. Pure: the caller passes the instant in.
 */

/** The date in Amsterdam at the given instant, as `YYYY-MM-DD`. */
export function amsterdamDateOf(instant: Date): string {
  return new Date(instant.getTime() + amsterdamOffsetAt(instant.getTime())).toISOString().slice(0, 10);
}

/** True when `value` is a real calendar date written as `YYYY-MM-DD` (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A date split into numbers: month 1-12. */
interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function partsOf(value: string): DateParts {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/**
 * A person's age in whole years and months on a calendar date, by calendar arithmetic (no time
 * zones, no milliseconds). Someone born on 29 February turns a year older on 1 March in years
 * without a 29 February. Both dates must be `YYYY-MM-DD`; a date before birth gives negative years.
 */
export function ageOn(dateOfBirth: string, onDate: string): { years: number; months: number } {
  const born = partsOf(dateOfBirth);
  const on = partsOf(onDate);
  let months = (on.year - born.year) * 12 + (on.month - born.month);
  if (on.day < born.day) months -= 1;
  return { years: Math.floor(months / 12), months };
}

/** Whole years between the date of birth and `onDate` (see {@link ageOn}). */
export function ageInYearsOn(dateOfBirth: string, onDate: string): number {
  return ageOn(dateOfBirth, onDate).years;
}

/** The calendar date `days` days after (or before, when negative) `date`, both `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  const { year, month, day } = partsOf(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** The calendar date `months` whole months after `date`, clamped to the month's last day. */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = partsOf(date);
  const firstOfTarget = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(day, lastDay));
  return firstOfTarget.toISOString().slice(0, 10);
}

const HOUR_MS = 3_600_000;

/**
 * Milliseconds that Amsterdam's wall clock is ahead of UTC at the given instant: Central European
 * Time (UTC+1), and summer time (UTC+2) from 01:00 UTC on the last Sunday of March until 01:00 UTC
 * on the last Sunday of October, the EU's rule since 1996 (a test holds it to the time zone
 * database from 1996 to 2060, around every change of the clocks). Worked out rather than asked of
 * Intl: a window's first formatter with a time zone loads ICU's zone data, about 20 ms of every
 * desk start, and a queue asks hundreds of times per render.
 */
function amsterdamOffsetAt(epochMs: number): number {
  const year = new Date(epochMs).getUTCFullYear();
  const summer = epochMs >= lastSundayAtOneUtc(year, 3) && epochMs < lastSundayAtOneUtc(year, 10);
  return summer ? 2 * HOUR_MS : HOUR_MS;
}

/** 01:00 UTC on the last Sunday of `month` (1-12) of `year`, when the EU's clocks change. */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month, 0));
  return Date.UTC(year, month - 1, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/**
 * The instant (epoch milliseconds) at which Amsterdam's wall clock shows `date` `time`
 * (`YYYY-MM-DD`, `HH:MM`). Used to turn a booked slot into an instant for waiting times.
 */
export function amsterdamInstant(date: string, time: string): number {
  const { year, month, day } = partsOf(date);
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const firstGuess = wall - amsterdamOffsetAt(wall);
  return wall - amsterdamOffsetAt(firstGuess);
}

/** The hour (0-23) on Amsterdam's wall clock at the given instant. */
export function amsterdamHourOf(instant: Date): number {
  const offset = amsterdamOffsetAt(instant.getTime());
  return new Date(instant.getTime() + offset).getUTCHours();
}

/** The time on Amsterdam's wall clock at the given instant, as `HH:MM`. */
export function amsterdamTimeOf(instant: Date): string {
  const wall = new Date(instant.getTime() + amsterdamOffsetAt(instant.getTime()));
  return wall.toISOString().slice(11, 16);
}
