/**
 * What the follow-up list shows, as pure functions: the default period, which registrations a view
 * holds and in what order (overdue first: those are the ones to chase), the counts, and a row after
 * a BSN day was recorded, judged by the same shared rule the server and the steering report use.
 */
import { workingDaysBetween } from '../../../../shared/calendar/working-days';
import { addMonths, isCalendarDate } from '../../../../shared/domain/calendar-date';
import { FAST_TRACK_STATES, fastTrackStateOf, type FastTrackRegistration, type FastTrackState } from '../../../../shared/fast-track/fast-track-api';
import type { Language } from '../../i18n/i18n';
import type { FastTrackPeriod } from './fast-track-client';

/** `open`: the registrations still without a BSN, the work list; `all`: every state. */
export const FAST_TRACK_VIEWS = ['open', 'all'] as const;
export type FastTrackView = (typeof FAST_TRACK_VIEWS)[number];

/** Open registrations older than this are rare; a longer period is one filter away. */
const DEFAULT_MONTHS = 3;

export function defaultPeriod(today: string): FastTrackPeriod {
  return { from: addMonths(today, -DEFAULT_MONTHS), to: today };
}

export type PeriodProblem = 'bad-date' | 'order';

/** A typed period, or why the server would refuse it. */
export function checkPeriod(from: string, to: string): { ok: true; period: FastTrackPeriod } | { ok: false; problem: PeriodProblem } {
  if (!isCalendarDate(from) || !isCalendarDate(to)) return { ok: false, problem: 'bad-date' };
  if (to < from) return { ok: false, problem: 'order' };
  return { ok: true, period: { from, to } };
}

const OPEN_STATES: readonly FastTrackState[] = ['overdue', 'pending'];
/** The order of the work list: what is late first, then what still runs, then the finished ones. */
const RANK: Record<FastTrackState, number> = { overdue: 0, pending: 1, late: 2, within: 3 };

export const isOpen = (state: FastTrackState) => OPEN_STATES.includes(state);

/**
 * The registrations a view shows, in the order of the work list (by state, then oldest registration
 * first). The panel applies it to the list as loaded, so a row recorded since stays where it was: the
 * user sees it change and can take a wrong entry back.
 */
export function rowsOfView(registrations: readonly FastTrackRegistration[], view: FastTrackView): FastTrackRegistration[] {
  const shown = view === 'all' ? [...registrations] : registrations.filter((row) => isOpen(row.state));
  return shown.sort((a, b) => RANK[a.state] - RANK[b.state] || a.registeredOn.localeCompare(b.registeredOn) || a.personName.localeCompare(b.personName));
}

/** How many registrations of the period stand in each state. */
export function countsOf(registrations: readonly FastTrackRegistration[]): Record<FastTrackState, number> {
  const counts = Object.fromEntries(FAST_TRACK_STATES.map((state) => [state, 0])) as Record<FastTrackState, number>;
  for (const row of registrations) counts[row.state] += 1;
  return counts;
}

/** The row as the server has it once its BSN day is stored (or taken back, `null`), seen on `today`. */
export function withBsnDay(row: FastTrackRegistration, bsnIssuedOn: string | null, today: string): FastTrackRegistration {
  return {
    ...row,
    bsnIssuedOn,
    workingDays: bsnIssuedOn === null ? null : workingDaysBetween(row.registeredOn, bsnIssuedOn),
    state: fastTrackStateOf(row.registeredOn, bsnIssuedOn, today),
  };
}

/** A calendar date as the reader writes it: 20-11-2026 in Dutch, 20/11/2026 in English. */
export function formatDay(date: string, language: Language): string {
  const [year, month, day] = date.split('-');
  return language === 'nl' ? `${day}-${month}-${year}` : `${day}/${month}/${year}`;
}
