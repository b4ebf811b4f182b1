/**
 * One clerk action = one Dexie transaction: the shared command runs against the day as the desk
 * shows it, and in the same transaction its events join the outbox with the next device sequence
 * numbers and the shown rows take the command's new day. Either all of it is stored or none.
 *
 * When the disk is full the transaction aborts whole, nothing is lost, and later actions are
 * refused with a clear message until there is room (storage-guard.ts).
 *
 * A double submit cannot make two events: transactions over the same tables take turns, so the
 * second run sees the day after the first and the shared rules refuse it (e.g. "already checked
 * in"), exactly as the server's reducer would.
 *
 * The day comes from memory when nothing else wrote it since the last action (day-cache.ts), so an
 * action reads two meta rows and writes only what it changed.
 */
import type { ChecklistDefinition } from '../../../shared/checklists/definition-schema';
import type { CommandContext, CommandResult } from '../../../shared/domain/command-support';
import type { DayState } from '../../../shared/domain/day-state';
import type { Failure } from '../../../shared/domain/messages';
import { formatUuidV7 } from '../../../shared/domain/uuid-v7';
import type { BalieEvent } from '../../../shared/sync/events';
import { projectionTables, writeLocalDay } from './day-projection';
import { readProjectionStamp, rememberDay, rememberDayAfterCommit, shownDay, type RememberedDay } from './day-cache';
import { deskChecklists } from './desk-checklists';
import type { DeskDatabase, OutboxEntry } from './desk-db';
import { readMeta, writeMeta } from './desk-meta';
import { stampWrittenIn } from './projection-stamp';
import { guardStorage } from './storage-guard';

/** A shared command (shared/domain/commands-*.ts) with its input already bound. */
export type DeskCommand = (state: DayState, context: CommandContext) => CommandResult;

/** Who acts, where and when; the device sequence comes from the database, not the caller. */
export interface DeskCommandContext {
  /** The day the command acts on (its appointments' date). */
  readonly date: string;
  readonly now: string;
  readonly deviceId: string;
  readonly deskId: string;
  readonly clerkId: string;
  readonly locationId: string;
  readonly newId?: () => string;
  /** The definitions to check against; without them, the ones this desk knows (read in the action's transaction). */
  readonly checklists?: readonly ChecklistDefinition[];
}

export type PerformResult = { readonly ok: true; readonly events: readonly BalieEvent[] } | Failure;

/** A UUIDv7 from the desk's clock and WebCrypto. */
export function newEventId(): string {
  return formatUuidV7(Date.now(), crypto.getRandomValues(new Uint8Array(10)));
}

export async function performCommand(db: DeskDatabase, command: DeskCommand, context: DeskCommandContext): Promise<PerformResult> {
  return guardStorage(db, () => storeCommand(db, command, context));
}

async function storeCommand(db: DeskDatabase, command: DeskCommand, context: DeskCommandContext): Promise<PerformResult> {
  let dayAfter: RememberedDay | null = null;
  // One transaction for everything the action reads and writes: no other transaction's callbacks in between.
  const performed = await db.transaction('rw', [...projectionTables(db), db.checklists], async (transaction): Promise<PerformResult> => {
    const { date, newId = newEventId, checklists: given, ...who } = context;
    const [nextDeviceSeq = 1, stamp, checklists] = await Promise.all([readMeta(db.meta, 'nextDeviceSeq'), readProjectionStamp(db), given ?? deskChecklists(db)]);
    const before = await shownDay(db, date, stamp);
    const result = command(before, { ...who, newId, nextDeviceSeq, checklists });
    if (!result.ok) {
      dayAfter = { date, stamp, state: before };
      return result;
    }
    const entries: OutboxEntry[] = result.events.map((event) => ({ deviceSeq: event.deviceSeq, id: event.id, event, date, state: 'pending', reason: null }));
    // Issued together: IndexedDB runs them in order, and the action waits for one round trip, not two.
    await Promise.all([
      db.outbox.bulkAdd(entries),
      writeMeta(db.meta, 'nextDeviceSeq', nextDeviceSeq + result.events.length),
      writeLocalDay(db, result.state, before),
    ]);
    // The stamp this transaction stored (projection-stamp.ts); the stored one if it wrote no row of the day.
    const stampAfter = stampWrittenIn(transaction.idbtrans) ?? stamp;
    rememberDayAfterCommit(db, stampAfter);
    dayAfter = { date, stamp: stampAfter, state: result.state };
    return { ok: true, events: result.events };
  });
  if (dayAfter) rememberDay(db, dayAfter);
  return performed;
}
