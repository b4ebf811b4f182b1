/**
 * The shown day kept in memory between a clerk's actions, so that an action does not read the whole
 * day from IndexedDB first (on a day of 5,000 appointments that read was 300 ms of a 310 ms action).
 *
 * The copy is used only while the projection stamp it was taken with is still the stored one
 * (projection-stamp.ts): any other write to the day's tables, in this window or another, changes
 * the stamp and the next action reads the day afresh. Commands never change the state they are
 * given (shared/domain is pure), so the copy can be handed to them as it is.
 */
import type { AppointmentState } from '../../../shared/domain/appointment-state';
import { withAppointmentsReplaced } from '../../../shared/domain/appointment-trail';
import type { DayState } from '../../../shared/domain/day-state';
import { appointmentOf, readLocalDay } from './day-projection';
import type { DeskDatabase, LocalAppointment } from './desk-db';
import { readMeta } from './desk-meta';
import { onCommittedAppointments, type CommittedAppointments } from './projection-stamp';

/** A day as it was shown when the stored stamp was `stamp`. */
export interface RememberedDay {
  readonly date: string;
  readonly stamp: string | undefined;
  readonly state: DayState;
}

const rememberedDays = new WeakMap<DeskDatabase, RememberedDay>();

/** The stamp of the action whose whole day rememberDay will take once it commits. */
const actionStamps = new WeakMap<DeskDatabase, string>();

/** The stored stamp; read it inside the transaction that uses or writes the day. */
export async function readProjectionStamp(db: DeskDatabase): Promise<string | undefined> {
  return readMeta(db.meta, 'projectionStamp');
}

/** The day as shown: the remembered copy when `stamp` says it is current, else read from the tables. */
export async function shownDay(db: DeskDatabase, date: string, stamp: string | undefined): Promise<DayState> {
  const remembered = rememberedDays.get(db);
  if (remembered && remembered.date === date && remembered.stamp === stamp) return remembered.state;
  return readLocalDay(db, date);
}

/**
 * Keeps `day` for the next action. Call it only after the transaction that read or wrote it has
 * committed: a day from an aborted transaction was never shown.
 */
export function rememberDay(db: DeskDatabase, day: RememberedDay): void {
  actionStamps.delete(db);
  followCommits(db);
  // A fresh read knows no event ids or conflicts either: the next command sees the same day.
  rememberedDays.set(db, { ...day, state: { ...day.state, seenEvents: {}, conflicts: [] } });
}

/**
 * Says, inside an action's transaction, that rememberDay will be given its day after the commit:
 * following that commit row by row first would copy the day's 5,000 appointments for nothing.
 */
export function rememberDayAfterCommit(db: DeskDatabase, stamp: string | undefined): void {
  if (stamp) actionStamps.set(db, stamp);
}

const followed = new WeakSet<DeskDatabase>();

/**
 * Takes in what this window's committed transactions wrote: after a pull that stored the answer to
 * a check-in (one row), the next action need not read the whole day again (400 ms on a day of 5,000
 * appointments). Another window's writes are not reported; their new stamp makes the next action
 * read the day, as before.
 */
function followCommits(db: DeskDatabase): void {
  if (followed.has(db)) return;
  followed.add(db);
  onCommittedAppointments(db, (change) => {
    const remembered = rememberedDays.get(db);
    if (!remembered || change.stamp === actionStamps.get(db)) return;
    const next = dayAfterCommit(remembered, change);
    if (next) rememberedDays.set(db, next);
    else rememberedDays.delete(db);
  });
}

/** The remembered day with a commit's rows in it; null when the commit cannot be followed row by row. */
function dayAfterCommit(day: RememberedDay, change: CommittedAppointments): RememberedDay | null {
  if (change.untracked || change.othersWritten) return null;
  const { state } = day;
  if (change.deletedIds.some((id) => state.appointments[id] !== undefined)) return null;
  const changed: AppointmentState[] = [];
  for (const row of change.rows as LocalAppointment[]) {
    if (row.date !== day.date) {
      // An appointment moved to another day leaves this one: rare, so read the day again.
      if (state.appointments[row.id] !== undefined) return null;
      continue;
    }
    // A new appointment of a person this day does not hold yet: the person is not in the commit.
    if (state.persons[row.personId] === undefined) return null;
    changed.push(appointmentOf(row));
  }
  return { date: day.date, stamp: change.stamp, state: { ...state, appointments: withAppointmentsReplaced(state.appointments, changed) } };
}
