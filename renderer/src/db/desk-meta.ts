/**
 * The desk's own facts in the `meta` table: which registered device it is, its next device
 * sequence number, the pull cursor, the last successful sync and who is signed in (a summary only:
 * the session token never goes into IndexedDB, it stays with the DeskBridge).
 */
import type { Role } from '../../../shared/sync/auth-api';
import type { DeskDatabase } from './desk-db';

/** Who is signed in on this desk, for the screen and for making events. Never the token. */
export interface SessionSummary {
  accountId: string;
  username: string;
  displayName: string;
  role: Exclude<Role, 'municipality'>;
  /** The registered device the session is bound to (the events' `deviceId`). */
  deviceId: string;
  deskId: string;
  locationId: string;
  expiresAt: string;
  signedInAt: string;
}

/**
 * The desk is locked (idle, or at start with a kept session): the screen shows only the lock until
 * the clerk unlocks. Kept in IndexedDB, so reloading the page does not unlock it.
 */
export interface DeskLock {
  lockedAt: string;
  /** Wrong PINs since the lock; at the limit only the password unlocks. */
  failedPins: number;
}

/** What the last retention run did: purged days, and old days kept because of unsent or refused events. */
export interface RetentionReport {
  ranAt: string;
  /** The desk's date when it ran: it runs again once the date changes. */
  today: string;
  retentionDays: number;
  purgedDates: string[];
  keptDates: { date: string; pending: number; rejected: number }[];
}

/** The keys of the meta table and the type of each value. */
export interface MetaValues {
  /** The server's id of this registered desk device. */
  deviceId: string;
  /** The device sequence number the next event gets (1 on a new device). */
  nextDeviceSeq: number;
  /** The pull cursor: stored in the same transaction as the changes it covers. */
  pullCursor: string;
  /** When the last push and pull both succeeded (ISO). */
  lastSyncAt: string;
  session: SessionSummary;
  lock: DeskLock;
  /** Minutes without keyboard or mouse input before the desk locks itself (setting, default 5). */
  idleLockMinutes: number;
  /** Days a synced day stays on the desk (setting, default 7). */
  retentionDays: number;
  lastRetention: RetentionReport;
  /** Changes with every write to the shown day's tables (projection-stamp.ts). */
  projectionStamp: string;
}

export type MetaKey = keyof MetaValues;

export async function readMeta<Key extends MetaKey>(meta: DeskDatabase['meta'], key: Key): Promise<MetaValues[Key] | undefined> {
  return (await meta.get(key))?.value as MetaValues[Key] | undefined;
}

export async function writeMeta<Key extends MetaKey>(meta: DeskDatabase['meta'], key: Key, value: MetaValues[Key]): Promise<void> {
  await meta.put({ key, value });
}
