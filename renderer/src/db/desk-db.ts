/**
 * The desk's IndexedDB database: the source of truth for everything the desk shows. Schema changes
 * are new Dexie versions with upgrade functions; a version never drops data.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { DayAppointment } from '../../../shared/sync/day';

/** Small facts about this desk's copy of the data, e.g. when a day was last loaded. */
export interface MetaEntry {
  key: string;
  value: unknown;
}

export type DeskDatabase = Dexie & {
  appointments: EntityTable<DayAppointment, 'id'>;
  meta: EntityTable<MetaEntry, 'key'>;
};

export function openDeskDatabase(name = 'balie-desk'): DeskDatabase {
  const db = new Dexie(name) as DeskDatabase;
  db.version(1).stores({
    // The agenda reads a day in slot order; the queue and search use the other indexes.
    appointments: 'id, [date+slotStart], bookingId, status, deskId, personName, vNumber, appointmentCode',
    meta: 'key',
  });
  return db;
}
