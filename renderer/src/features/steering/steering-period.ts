/**
 * The steering page's periods: the quick choices a steering group asks for (this quarter, last
 * quarter, this year) and the check of a typed period, the same rules the server applies, so a
 * mistake is said on the form in the user's words.
 */
import { addDays, isCalendarDate } from '../../../../shared/domain/calendar-date';
import { MAX_REPORT_DAYS } from '../../../../shared/reports/report-api';
import type { SteeringPeriod } from './steering-client';

export const QUICK_PERIODS = ['thisQuarter', 'lastQuarter', 'thisYear'] as const;
export type QuickPeriod = (typeof QUICK_PERIODS)[number];

function quarterStarting(year: number, quarter: number): SteeringPeriod {
  const from = `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
  const next = quarter === 3 ? `${year + 1}-01-01` : `${year}-${String(quarter * 3 + 4).padStart(2, '0')}-01`;
  return { from, to: addDays(next, -1) };
}

/** A quick choice's whole calendar period around `today` (YYYY-MM-DD). */
export function quickPeriod(choice: QuickPeriod, today: string): SteeringPeriod {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  switch (choice) {
    case 'thisQuarter': return quarterStarting(year, quarter);
    case 'lastQuarter': return quarter === 0 ? quarterStarting(year - 1, 3) : quarterStarting(year, quarter - 1);
    case 'thisYear': return { from: `${year}-01-01`, to: `${year}-12-31` };
  }
}

export type PeriodProblem = 'bad-date' | 'order' | 'too-long';

/** A typed period, or why the server would refuse it. */
export function checkPeriod(from: string, to: string): { ok: true; period: SteeringPeriod } | { ok: false; problem: PeriodProblem } {
  if (!isCalendarDate(from) || !isCalendarDate(to)) return { ok: false, problem: 'bad-date' };
  if (to < from) return { ok: false, problem: 'order' };
  if (to > addDays(from, MAX_REPORT_DAYS - 1)) return { ok: false, problem: 'too-long' };
  return { ok: true, period: { from, to } };
}
