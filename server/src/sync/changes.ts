/**
 * The change feed desks pull. Every writer of a location first takes the location's change lock
 * (a transaction-scoped advisory lock) and only then draws sequence numbers; it holds the lock
 * until it commits. So within one location, a change with a higher number can only become visible
 * after every lower one has, and a pull that has seen number N has seen everything below N:
 * the cursor never skips a change that commits late.
 */
import type { Change } from '../../../shared/sync/push-pull';
import type { Queryable } from '../db/database';
import { notifyChanges } from './poke-hub';

export type NewChange = Omit<Change, 'seq'>;

/** Takes the location's change lock until the end of the transaction (re-entrant). */
export async function lockLocationChanges(tx: Queryable, locationId: string): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtext('balie-changes:' || $1))", [locationId]);
}

/**
 * Appends changes to the feed under the location's change lock. Each change carries the entity's
 * whole new state, so only the last change of an entity in one call is kept: the order of numbers
 * within one call then does not matter. Returns the highest number drawn.
 */
export async function publishChanges(tx: Queryable, locationId: string, changes: readonly NewChange[]): Promise<string | null> {
  if (changes.length === 0) return null;
  const latest = new Map(changes.map((change) => [`${change.entity}/${change.id}`, change]));
  await lockLocationChanges(tx, locationId);
  // The same statement keeps `appointment_states` (each appointment's current state, for reports
  // and supervisors' SQL) in step with the feed.
  const rows = await tx.query<{ seq: string }>(
    `WITH inserted AS (
       INSERT INTO changes (seq, location_id, entity, entity_id, data)
       SELECT nextval('server_seq_counter'), $1, change.entity, change.id, change.data
         FROM jsonb_to_recordset($2::jsonb) AS change(entity text, id text, data jsonb)
       RETURNING seq, location_id, entity, entity_id, data
     ), projected AS (
       INSERT INTO appointment_states (appointment_id, location_id, day, state, last_server_seq)
       SELECT entity_id, location_id, (data->>'date')::date, data, seq FROM inserted WHERE entity = 'appointment'
       ON CONFLICT (appointment_id) DO UPDATE
         SET state = EXCLUDED.state, day = EXCLUDED.day, last_server_seq = EXCLUDED.last_server_seq
       RETURNING 1
     )
     SELECT seq::text AS seq FROM inserted`,
    [locationId, JSON.stringify([...latest.values()])],
  );
  await notifyChanges(tx, locationId);
  return rows.map((row) => BigInt(row.seq)).reduce((a, b) => (a > b ? a : b)).toString();
}

/** The newest change number of a location ('0' when none): a version of everything the desks see. */
export async function latestChangeSeq(tx: Queryable, locationId: string): Promise<string> {
  const rows = await tx.query<{ seq: string }>(
    'SELECT coalesce(max(seq), 0)::text AS seq FROM changes WHERE location_id = $1',
    [locationId],
  );
  return rows[0]!.seq;
}

/** One page of changes after `since`, in sequence order. */
export async function changesSince(
  db: Queryable,
  locationId: string,
  since: string,
  limit: number,
): Promise<{ changes: Change[]; hasMore: boolean }> {
  const rows = await db.query<{ seq: string; entity: Change['entity']; id: string; data: unknown }>(
    // Order by the column, not the text alias: '10' sorts before '9'.
    `SELECT seq::text AS seq, entity, entity_id AS id, data FROM changes
      WHERE location_id = $1 AND seq > $2::bigint ORDER BY changes.seq LIMIT $3`,
    [locationId, since, limit + 1],
  );
  return { changes: rows.slice(0, limit), hasMore: rows.length > limit };
}
