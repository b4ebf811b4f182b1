/**
 * Dutch working days, for the fast track's "within 3 working days" and any other deadline the
 * partners count in working days. Pure calendar arithmetic on `YYYY-MM-DD` dates: no clock, no
 * time zones (a date is already the Amsterdam date, see shared/domain/calendar-date.ts).
 *
 * A working day is Monday to Friday and not one of the national holidays below. The list is the
 * one the national government uses for its own offices (and so for the IND and the municipalities
 * in the one stop shop):
 * - New Year's Day (1 January);
 * - Easter Sunday and Easter Monday;
 * - King's Day, 27 April, or 26 April when the 27th is a Sunday;
 * - Liberation Day, 5 May, EVERY year. Many private-sector agreements give it off only every fifth
 *   year (2025, 2030, ...); the national government and the public sector give it off every year,
 *   and the desks are public-sector offices, so the pilot's figures count it every year;
 * - Ascension Day (Easter + 39 days);
 * - Whit Sunday and Whit Monday (Easter + 49 and + 50 days);
 * - Christmas Day and Boxing Day (25 and 26 December).
 * Good Friday is NOT a general day off in the Netherlands and is a working day here.
 */
import { addDays, isCalendarDate } from '../domain/calendar-date';

/**
 * Easter Sunday of a Gregorian year as `YYYY-MM-DD`, by the anonymous Gregorian algorithm
 * (Meeus/Jones/Butcher): exact for every year of the Gregorian calendar, no tables.
 */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** A date that is not `YYYY-MM-DD` would count silently wrong: a bug in the caller, so it throws. */
function checkDate(date: string): void {
  if (!isCalendarDate(date)) throw new RangeError(`expected a calendar date written as YYYY-MM-DD, got "${date}"`);
}

/** 0 = Sunday … 6 = Saturday, for a `YYYY-MM-DD` date. */
function weekdayOf(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The national holidays of a year (see the module comment), as `YYYY-MM-DD` → English name. */
export function dutchHolidays(year: number): ReadonlyMap<string, string> {
  const y = String(year).padStart(4, '0');
  const easter = easterSunday(year);
  const kingsDay = weekdayOf(`${y}-04-27`) === 0 ? `${y}-04-26` : `${y}-04-27`;
  return new Map([
    [`${y}-01-01`, "New Year's Day"],
    [easter, 'Easter Sunday'],
    [addDays(easter, 1), 'Easter Monday'],
    [kingsDay, "King's Day"],
    [`${y}-05-05`, 'Liberation Day'],
    [addDays(easter, 39), 'Ascension Day'],
    [addDays(easter, 49), 'Whit Sunday'],
    [addDays(easter, 50), 'Whit Monday'],
    [`${y}-12-25`, 'Christmas Day'],
    [`${y}-12-26`, 'Boxing Day'],
  ]);
}

// Holidays per year, computed once: reports count working days for many visits over few years.
const holidaysByYear = new Map<number, ReadonlyMap<string, string>>();

function holidaysOf(year: number): ReadonlyMap<string, string> {
  let holidays = holidaysByYear.get(year);
  if (holidays === undefined) {
    holidays = dutchHolidays(year);
    holidaysByYear.set(year, holidays);
  }
  return holidays;
}

/** True when `date` (`YYYY-MM-DD`) is Monday to Friday and not a national holiday. */
export function isWorkingDay(date: string): boolean {
  checkDate(date);
  const weekday = weekdayOf(date);
  if (weekday === 0 || weekday === 6) return false;
  return !holidaysOf(Number(date.slice(0, 4))).has(date);
}

/**
 * The date `n` working days after `date` (before it when `n` is negative). The start date itself
 * never counts, so a registration on Friday plus 1 working day is the next Monday (or later when
 * that is a holiday). `n = 0` gives `date` back, working day or not.
 */
export function addWorkingDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays needs a whole number of days, got ${n}`);
  checkDate(date);
  const step = n < 0 ? -1 : 1;
  let current = date;
  for (let left = Math.abs(n); left > 0; ) {
    current = addDays(current, step);
    if (isWorkingDay(current)) left -= 1;
  }
  return current;
}

/**
 * The number of working days after `from` up to and including `to`: how many working days it took
 * from a start on `from` to a completion on `to`. Same date → 0; a `to` before `from` gives the
 * negative count. The inverse of {@link addWorkingDays} going forward: for `n >= 0`,
 * `workingDaysBetween(a, addWorkingDays(a, n))` is `n`.
 */
export function workingDaysBetween(from: string, to: string): number {
  checkDate(from);
  checkDate(to);
  if (to < from) return 0 - workingDaysBetween(to, from); // 0 - x, not -x: no -0 for equal counts
  let count = 0;
  for (let current = addDays(from, 1); current <= to; current = addDays(current, 1)) {
    if (isWorkingDay(current)) count += 1;
  }
  return count;
}
