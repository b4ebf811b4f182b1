/**
 * Conflict review: the conflicts push recorded, with both sides (the desk's event as it was sent,
 * and the server's current state of the appointment it did not fit), and a supervisor's
 * resolution with a note. A resolution is a `conflictResolved` event in the log like any other
 * (made by the location's server device for the supervisor), pulled by the desks as the resolved
 * conflict; `conflicts.resolved_*` mirror it for the review, and the audit log records who did it.
 * It changes no appointment: the log stays as the server decided it. `conflict_resolutions` holds
 * only the resolutions made before they were events (migration 007).
 */
import { randomBytes } from 'node:crypto';
import { resolveConflict as resolveConflictCommand } from '../../../shared/domain/commands-supervision';
import type { DayState } from '../../../shared/domain/day-state';
import { domainError, type DomainError } from '../../../shared/domain/messages';
import { formatUuidV7 } from '../../../shared/domain/uuid-v7';
import type { ConflictRecord } from '../../../shared/reports/supervision-api';
import { serverDeviceId } from '../../../shared/sync/events';
import type { Database, Queryable } from '../db/database';
import { recordAudit } from '../repositories/audit';
import { latestChangeSeq, lockLocationChanges, publishChanges } from '../sync/changes';
import type { DayStateStore } from '../sync/day-state-store';
import { storeDecisions, type Decision } from '../sync/ingest-store';

const LIST_LIMIT = 500;

interface ConflictRow {
  event_id: string;
  location_id: string;
  day: string;
  detected_at: string;
  body: Record<string, unknown>;
  error: ConflictRecord['error'];
  state: Record<string, unknown> | null;
  resolved_at: string | null;
  resolved_by: string | null;
  resolution_note: string | null;
  resolution_event_id: string | null;
}

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const SELECT_CONFLICTS = `
  SELECT c.event_id, c.location_id, to_char(c.day, 'YYYY-MM-DD') AS day, ${iso('c.detected_at')} AS detected_at,
         e.body, c.error, s.state, ${iso('c.resolved_at')} AS resolved_at, c.resolved_by, c.resolution_note, c.resolution_event_id
    FROM conflicts c
    JOIN events e ON e.id = c.event_id
    LEFT JOIN appointment_states s ON s.appointment_id = c.appointment_id`;

function recordOf(row: ConflictRow): ConflictRecord {
  return {
    eventId: row.event_id,
    locationId: row.location_id,
    day: row.day,
    detectedAt: row.detected_at,
    event: row.body,
    error: row.error,
    serverState: row.state,
    resolution: row.resolved_at
      ? { resolvedAt: row.resolved_at, resolvedBy: row.resolved_by!, note: row.resolution_note!, eventId: row.resolution_event_id }
      : null,
  };
}

/** The newest conflicts (at most 500) of the locations, open, resolved or all. */
export async function listConflicts(db: Queryable, locationIds: readonly string[], state: 'open' | 'resolved' | 'all'): Promise<ConflictRecord[]> {
  const rows = await db.query<ConflictRow>(
    `${SELECT_CONFLICTS}
      WHERE c.location_id = ANY($1::text[])
        AND ($2 = 'all' OR ($2 = 'open') = (c.resolved_at IS NULL))
      ORDER BY c.detected_at DESC, c.event_id
      LIMIT ${LIST_LIMIT}`,
    [[...locationIds], state],
  );
  return rows.map(recordOf);
}

/** One conflict, or null. */
export async function findConflict(db: Queryable, eventId: string): Promise<ConflictRecord | null> {
  const rows = await db.query<ConflictRow>(`${SELECT_CONFLICTS} WHERE c.event_id = $1`, [eventId]);
  return rows[0] ? recordOf(rows[0]) : null;
}

/** Why a resolution was refused: 409 with the reducer's reason (unknown, or already resolved). */
export type ResolveOutcome = { ok: true; conflict: ConflictRecord } | { ok: false; error: DomainError };

/**
 * Resolves a conflict as an event: under the location's change lock, the location's server device
 * makes a `conflictResolved` event with its next device number, the shared reducer checks it against
 * the conflict's day, and the event goes into the log with a server sequence number, the resolved
 * conflict into the change feed (so desks pull it), the review's columns and the audit log, all in
 * one transaction. A second resolution is refused by the reducer; nothing is stored then.
 */
export async function resolveConflict(
  db: Database,
  days: DayStateStore,
  input: { eventId: string; locationId: string; accountId: string; note: string },
): Promise<ResolveOutcome> {
  let remembered: { day: string; state: DayState; changeSeq: string } | null = null;
  const outcome = await db.transaction(async (tx): Promise<{ ok: true } | { ok: false; error: DomainError }> => {
    // One writer per location: the server device's numbers and the change numbers stay gap-free and in order.
    await lockLocationChanges(tx, input.locationId);
    const [conflict] = await tx.query<{ day: string; resolved_at: string | null; resolution_note: string | null }>(
      "SELECT to_char(day, 'YYYY-MM-DD') AS day, resolved_at, resolution_note FROM conflicts WHERE event_id = $1",
      [input.eventId],
    );
    if (conflict!.resolved_at !== null) {
      // Resolved before resolutions were events (conflict_resolutions): the reducer never saw it.
      const note = conflict!.resolution_note ?? '';
      return { ok: false, error: domainError('conflict-already-resolved', `Dit conflict is al opgelost, met de notitie: ${note}`, `This conflict was already resolved, with the note: ${note}`) };
    }
    const device = await serverDevice(tx, input.locationId);
    const startSeq = await latestChangeSeq(tx, input.locationId);
    const before = await days.load(tx, input.locationId, conflict!.day, startSeq);
    const result = resolveConflictCommand(
      before,
      { conflictEventId: input.eventId, note: input.note },
      {
        now: new Date().toISOString(),
        deviceId: device.id,
        deskId: device.id,
        clerkId: input.accountId,
        locationId: input.locationId,
        nextDeviceSeq: device.lastSeq + 1,
        newId: () => formatUuidV7(Date.now(), randomBytes(10)),
      },
    );
    if (!result.ok) return result;
    const event = result.events[0]!;
    const resolved = result.state.conflicts.find((entry) => entry.eventId === input.eventId)!;
    // Stored as a push stores an accepted event; its clock is the server's own (an offset of a few ms).
    const decision: Decision = { address: { id: event.id, deviceSeq: event.deviceSeq }, body: event, outcome: 'accepted', reason: null, event, day: conflict!.day };
    await storeDecisions(tx, { id: device.id, locationId: input.locationId, deskId: null }, [decision], event.occurredAt);
    await tx.query('UPDATE conflicts SET resolved_at = $2, resolved_by = $3, resolution_note = $4, resolution_event_id = $5 WHERE event_id = $1', [
      input.eventId, event.occurredAt, input.accountId, resolved.resolution!.note, event.id,
    ]);
    const changeSeq = (await publishChanges(tx, input.locationId, [{ entity: 'conflict', id: input.eventId, data: resolved }]))!;
    await recordAudit(tx, { accountId: input.accountId, deviceId: null, action: 'conflict-resolved', detail: { eventId: input.eventId, locationId: input.locationId, resolutionEventId: event.id } });
    remembered = { day: conflict!.day, state: result.state, changeSeq };
    return { ok: true };
  });
  if (!outcome.ok) return outcome;
  const committed = remembered as { day: string; state: DayState; changeSeq: string } | null;
  if (committed) days.remember(input.locationId, committed.day, committed.state, committed.changeSeq);
  return { ok: true, conflict: (await findConflict(db, input.eventId))! };
}

/**
 * The location's server device (`server-<location>`), made on first use, and the last device number
 * it used. It has no secret anyone could present (sign-in and pushes need a desk), and its numbers
 * are drawn under the location's change lock, so they count 1, 2, 3... without gaps.
 */
async function serverDevice(tx: Queryable, locationId: string): Promise<{ id: string; lastSeq: number }> {
  const id = serverDeviceId(locationId);
  await tx.query(
    `INSERT INTO devices (id, location_id, kind, desk_id, name, secret_hash) VALUES ($1, $2, 'server', NULL, $3, '')
     ON CONFLICT (id) DO NOTHING`,
    [id, locationId, `Server (${locationId})`],
  );
  const [row] = await tx.query<{ seq: number }>('SELECT coalesce(max(device_seq), 0)::int AS seq FROM events WHERE device_id = $1', [id]);
  return { id, lastSeq: row!.seq };
}
