/**
 * What the queue screen shows, computed from the desk's shown rows with the shared queue rules
 * (`queueAmong`: longest wait first, so a late arrival waits behind the clients who came on time).
 * Pure functions over the screen's rows (shown-day-rows.ts); they return those same row objects.
 */
import { amsterdamInstant } from '../../../../shared/domain/calendar-date';
import type { ServiceCode } from '../../../../shared/domain/codes';
import { atDeskAmong, queueAmong } from '../../../../shared/domain/day-queries';
import type { LocalAppointment } from '../../db/desk-db';

/** Maastricht's citizens' charter: a client with an appointment is helped within 5 minutes. */
export const WAITING_TARGET_MINUTES = 5;

/** The persons this desk may call for `services`, in the order the shared rules call them. */
export function waitingQueue(rows: readonly LocalAppointment[], deskId: string, services: readonly ServiceCode[]): LocalAppointment[] {
  return queueAmong(rows, { deskId, services });
}

/** The persons called to, or served at, this desk now. */
export function calledToDesk(rows: readonly LocalAppointment[], deskId: string): LocalAppointment[] {
  return atDeskAmong(rows, deskId);
}

/** The persons this desk parked (filling in a form): they wait to be called again here. */
export function parkedAtDesk(rows: readonly LocalAppointment[], deskId: string): LocalAppointment[] {
  return rows.filter((row) => row.status === 'parked' && row.deskId === deskId);
}

/** Whole minutes waited so far (never negative: a client who came early waits from the slot). */
export function minutesWaited(row: Pick<LocalAppointment, 'waitingSince'>, now: Date): number {
  if (!row.waitingSince) return 0;
  return Math.max(0, Math.floor((now.getTime() - Date.parse(row.waitingSince)) / 60_000));
}

/** True once the wait is longer than the target. */
export function pastTarget(minutes: number): boolean {
  return minutes >= WAITING_TARGET_MINUTES;
}

/** Checked in after the booked slot had begun (a person added at the desk had no slot to miss). */
export function arrivedLate(row: Pick<LocalAppointment, 'checkedInAt' | 'date' | 'slotStart' | 'transferredFrom' | 'walkIn'>): boolean {
  if (!row.checkedInAt || row.transferredFrom || row.walkIn) return false;
  return Date.parse(row.checkedInAt) > amsterdamInstant(row.date, row.slotStart);
}
