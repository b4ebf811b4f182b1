/**
 * One push pass: sends the outbox's pending events in device order, in batches, and records the
 * server's answer for each event in one transaction per batch. An event leaves the outbox only on
 * the server's word: `accepted` and `duplicate` (stored), `conflict` (stored and flagged: the
 * conflict is kept to show). `rejected` stays with its reason and is not sent again. `gap`: the
 * server misses earlier numbers; the pass resends from `expectedSeq`. `sequence-used`: this
 * desk's counter fell behind the server's; the unsent events are numbered after the server's last.
 *
 * The shown rows are not rebuilt here: the pull that follows every push brings the server's state
 * of the acknowledged events, and rebuilds the view in the transaction that stores it.
 */
import type { DomainError } from '../../../../shared/domain/messages';
import { MAX_PUSH_BATCH, type PushResult } from '../../../../shared/sync/push-pull';
import type { DeskDatabase, OutboxEntry, StoredConflict } from '../../db/desk-db';
import { writeMeta } from '../../db/desk-meta';
import { pushEvents, type SyncConnection, type SyncFailure } from './sync-api';

export interface PushPassOptions {
  readonly deviceId: string;
  readonly batchSize?: number;
  readonly now?: () => Date;
}

export interface PushPassReport {
  readonly ok: true;
  readonly sent: number;
  readonly conflicts: number;
  readonly rejected: number;
  /** Desk clock minus server clock at the last answer (ms), or null when nothing was sent. */
  readonly clockOffsetMs: number | null;
}

export type PushPassResult = PushPassReport | SyncFailure | { ok: false; reason: 'gap'; detail: string };

/** The most the server takes in one push: an offline day's backlog goes in few round trips. */
const DEFAULT_BATCH = MAX_PUSH_BATCH;

function conflictError(reason: unknown): DomainError {
  const candidate = reason as Partial<DomainError> | null;
  if (candidate && typeof candidate.code === 'string' && candidate.message && typeof candidate.message.nl === 'string') return candidate as DomainError;
  const text = JSON.stringify(reason ?? null);
  return { code: 'conflict', message: { nl: text, en: text } };
}

function conflictOf(entry: OutboxEntry, reason: unknown, receivedAt: string): StoredConflict {
  const { event } = entry;
  return { eventId: event.id, type: event.type, appointmentId: event.appointmentId ?? null, deskId: event.deskId, clerkId: event.clerkId, occurredAt: event.occurredAt, error: conflictError(reason), receivedAt };
}

const isSequenceUsed = (reason: unknown) => (reason as { code?: unknown } | null)?.code === 'sequence-used';

/**
 * The server already holds these numbers for this device under other events: this desk's counter
 * fell behind (e.g. its IndexedDB was cleared while the device credential stayed). Such events were
 * not stored, so they and every pending event are numbered again after the server's last one.
 */
async function renumberAfter(db: DeskDatabase, lastDeviceSeq: number): Promise<void> {
  const movable = await db.outbox.orderBy('deviceSeq').filter((entry) => entry.state === 'pending' || isSequenceUsed(entry.reason)).toArray();
  await db.outbox.bulkDelete(movable.map((entry) => entry.deviceSeq));
  const renumbered = movable.map((entry, index): OutboxEntry => {
    const deviceSeq = lastDeviceSeq + 1 + index;
    return { ...entry, deviceSeq, state: 'pending', reason: null, event: { ...entry.event, deviceSeq } };
  });
  await db.outbox.bulkAdd(renumbered);
  await writeMeta(db.meta, 'nextDeviceSeq', lastDeviceSeq + 1 + movable.length);
}

/**
 * Deletes these device numbers from the outbox, each run of consecutive numbers in one request:
 * an acknowledged batch is mostly one run of 500, which one delete per number made 500 requests.
 * A run holds only numbers given here (no other entry can lie inside it), so a rejected event
 * between two runs stays.
 */
async function deleteSequences(db: DeskDatabase, deviceSeqs: readonly number[]): Promise<void> {
  const sorted = [...deviceSeqs].sort((a, b) => a - b);
  let runStart = 0;
  for (let index = 1; index <= sorted.length; index++) {
    if (index < sorted.length && sorted[index] === sorted[index - 1]! + 1) continue;
    const [first, last] = [sorted[runStart]!, sorted[index - 1]!];
    await db.outbox.where('deviceSeq').between(first, last, true, true).delete();
    runStart = index;
  }
}

/** Records the answers of one batch; returns the sequence to resend from after a gap, if any. */
async function recordResults(db: DeskDatabase, batch: OutboxEntry[], results: PushResult[], receivedAt: string, lastDeviceSeq: number) {
  let sequenceUsed = false;
  let conflicts = 0;
  let rejected = 0;
  let gapFrom: number | null = null;
  await db.transaction('rw', db.outbox, db.conflicts, db.meta, async () => {
    // Written in bulk: an offline day's backlog is thousands of answers.
    const stored: number[] = [];
    const newConflicts: StoredConflict[] = [];
    for (const [index, result] of results.entries()) {
      const entry = batch[index];
      if (!entry) break;
      const status = result.status === 'duplicate' ? result.original : result.status;
      if (result.status === 'gap') {
        gapFrom = result.expectedSeq;
        break;
      }
      if (status === 'rejected') {
        sequenceUsed ||= 'reason' in result && isSequenceUsed(result.reason);
        rejected++;
        await db.outbox.update(entry.deviceSeq, { state: 'rejected', reason: 'reason' in result ? (result.reason ?? null) : null });
        continue;
      }
      if (status === 'conflict') newConflicts.push(conflictOf(entry, 'reason' in result ? result.reason : null, receivedAt));
      stored.push(entry.deviceSeq);
    }
    conflicts = newConflicts.length;
    // A conflict the feed already brought (whole, perhaps resolved by a supervisor) is the server's
    // word: a resent event's answer must not turn it back into an open one.
    const known = await db.conflicts.bulkGet(newConflicts.map((conflict) => conflict.eventId));
    await db.conflicts.bulkPut(newConflicts.filter((_, index) => !known[index]));
    await deleteSequences(db, stored);
    // The server holds nothing from the gap on: events it refused there must go again.
    if (gapFrom !== null) await db.outbox.where('deviceSeq').aboveOrEqual(gapFrom).modify({ state: 'pending', reason: null });
    else if (sequenceUsed) await renumberAfter(db, lastDeviceSeq);
  });
  return { conflicts, rejected, gapFrom: gapFrom as number | null, renumbered: gapFrom === null && sequenceUsed };
}

export async function pushOutbox(db: DeskDatabase, connection: SyncConnection, options: PushPassOptions): Promise<PushPassResult> {
  const now = options.now ?? (() => new Date());
  const totals = { sent: 0, conflicts: 0, rejected: 0 };
  let clockOffsetMs: number | null = null;
  let lastGap: number | null = null;
  let renumbered = false;
  for (;;) {
    // Through the state index: its entries of one state lie in device order (an index sorts equal
    // keys by primary key), and a read without a filter is one request, not a cursor step per event.
    const batch = await db.outbox
      .where('state')
      .equals('pending')
      .limit(options.batchSize ?? DEFAULT_BATCH)
      .toArray();
    if (batch.length === 0) return { ok: true, ...totals, clockOffsetMs };
    const answer = await pushEvents(connection, { deviceId: options.deviceId, clientTime: now().toISOString(), events: batch.map((entry) => entry.event) });
    if (!answer.ok) return answer;
    const receivedAt = now();
    clockOffsetMs = receivedAt.getTime() - Date.parse(answer.answer.serverTime);
    const recorded = await recordResults(db, batch, answer.answer.results, receivedAt.toISOString(), answer.answer.lastDeviceSeq);
    totals.sent += batch.length;
    totals.conflicts += recorded.conflicts;
    if (recorded.renumbered) {
      if (renumbered) return { ok: false, reason: 'gap', detail: 'device sequence numbers keep colliding' };
      renumbered = true;
      continue;
    }
    totals.rejected += recorded.rejected;
    if (recorded.gapFrom !== null) {
      const lowest = batch[0]!.deviceSeq;
      // Resending cannot help when the server wants numbers this desk no longer holds.
      if (recorded.gapFrom < lowest && (await db.outbox.get(recorded.gapFrom)) === undefined) {
        return { ok: false, reason: 'gap', detail: `the server expects event ${recorded.gapFrom}, the outbox starts at ${lowest}` };
      }
      if (lastGap === recorded.gapFrom) return { ok: false, reason: 'gap', detail: `the server keeps expecting event ${recorded.gapFrom}` };
      lastGap = recorded.gapFrom;
    }
  }
}
