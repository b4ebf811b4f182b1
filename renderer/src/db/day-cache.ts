/**
 * The shown day kept in memory between a clerk's actions, so that an action does not read the whole
 * day from IndexedDB first (on a day of 5,000 appointments that read was 300 ms of a 310 ms action).
 *
 * The copy is used only while the projection stamp it was taken with is still the stored one
 * (projection-stamp.ts): any other write to the day's tables, in this window or another, changes
 * the stamp and the next action reads the day afresh. Commands never change the state they are
 * given (shared/domain is pure), so the copy can be handed to them as it is.
 */
import type { DayState } from '../../../shared/domain/day-state';
import { readLocalDay } from './day-projection';
import type { DeskDatabase } from './desk-db';
import { readMeta } from './desk-meta';

/** A day as it was shown when the stored stamp was `stamp`. */
export interface RememberedDay {
  readonly date: string;
  readonly stamp: string | undefined;
  readonly state: DayState;
}

const rememberedDays = new WeakMap<DeskDatabase, RememberedDay>();

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
  // A fresh read knows no event ids or conflicts either: the next command sees the same day.
  rememberedDays.set(db, { ...day, state: { ...day.state, seenEvents: {}, conflicts: [] } });
}
