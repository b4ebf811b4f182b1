/**
 * Conflict review: the conflicts push recorded, with both sides (the desk's event as it was sent,
 * and the server's current state of the appointment it did not fit), and a supervisor's
 * resolution with a note. A resolution is appended to `conflict_resolutions` (what, who, when,
 * kept forever), mirrored as the latest in `conflicts.resolved_*`, and written to the audit log,
 * all in one transaction. It changes no appointment: the log stays as the server decided it.
 */
import type { ConflictRecord } from '../../../shared/reports/supervision-api';
import type { Database, Queryable } from '../db/database';
import { recordAudit } from '../repositories/audit';

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
}

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const SELECT_CONFLICTS = `
  SELECT c.event_id, c.location_id, to_char(c.day, 'YYYY-MM-DD') AS day, ${iso('c.detected_at')} AS detected_at,
         e.body, c.error, s.state, ${iso('c.resolved_at')} AS resolved_at, c.resolved_by, c.resolution_note
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
    resolution: row.resolved_at ? { resolvedAt: row.resolved_at, resolvedBy: row.resolved_by!, note: row.resolution_note! } : null,
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

/** Records a resolution; returns the conflict as it now reads. */
export async function resolveConflict(
  db: Database,
  input: { eventId: string; locationId: string; accountId: string; note: string },
): Promise<ConflictRecord> {
  await db.transaction(async (tx) => {
    // Two supervisors resolving at once take turns; both notes are kept, the later one is current.
    await tx.query('SELECT 1 FROM conflicts WHERE event_id = $1 FOR UPDATE', [input.eventId]);
    await tx.query('INSERT INTO conflict_resolutions (event_id, location_id, resolved_by, note) VALUES ($1, $2, $3, $4)', [
      input.eventId, input.locationId, input.accountId, input.note,
    ]);
    await tx.query('UPDATE conflicts SET resolved_at = now(), resolved_by = $2, resolution_note = $3 WHERE event_id = $1', [
      input.eventId, input.accountId, input.note,
    ]);
    await recordAudit(tx, { accountId: input.accountId, deviceId: null, action: 'conflict-resolved', detail: { eventId: input.eventId, locationId: input.locationId } });
  });
  return (await findConflict(db, input.eventId))!;
}
