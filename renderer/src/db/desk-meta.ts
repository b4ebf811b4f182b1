/**
 * The desk's own facts in the `meta` table: which registered device it is, its next device
 * sequence number, the pull cursor, the last successful sync and who is signed in (a summary only:
 * the session token never goes into IndexedDB, it stays with the DeskBridge).
 */
import type { DeskDatabase } from './desk-db';

/** Who is signed in on this desk, for the screen and for making events. Never the token. */
export interface SessionSummary {
  accountId: string;
  username: string;
  displayName: string;
  role: 'clerk' | 'supervisor' | 'admin';
  /** The registered device the session is bound to (the events' `deviceId`). */
  deviceId: string;
  deskId: string;
  locationId: string;
  expiresAt: string;
  signedInAt: string;
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
}

export type MetaKey = keyof MetaValues;

export async function readMeta<Key extends MetaKey>(meta: DeskDatabase['meta'], key: Key): Promise<MetaValues[Key] | undefined> {
  return (await meta.get(key))?.value as MetaValues[Key] | undefined;
}

export async function writeMeta<Key extends MetaKey>(meta: DeskDatabase['meta'], key: Key, value: MetaValues[Key]): Promise<void> {
  await meta.put({ key, value });
}
