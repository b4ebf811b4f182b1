/**
 * Writes a decided batch: every event with its outcome in one multi-row insert, server sequence
 * numbers drawn in one go, conflicts recorded for review in another. Called under the location's
 * change lock.
 */
import type { DomainError } from '../../../shared/domain/messages';
import type { BalieEvent } from '../../../shared/sync/events';
import type { Queryable } from '../db/database';
import { unstorableReason } from '../db/database-text';
import type { PushingDevice } from './event-checks';

export interface Decision {
  address: { id: string; deviceSeq: number };
  body: unknown;
  outcome: 'accepted' | 'conflict' | 'rejected';
  reason: unknown;
  event: BalieEvent | null;
  day: string | null;
}

/** Stores the decisions; returns the server sequence number of each stored (non-rejected) event. */
export async function storeDecisions(
  tx: Queryable,
  device: PushingDevice,
  decisions: readonly Decision[],
  clientTime: string,
): Promise<Map<string, string>> {
  const serverSeqs = new Map<string, string>();
  if (decisions.length === 0) return serverSeqs;
  const sequenced = decisions.filter((decision) => decision.outcome !== 'rejected');
  // Drawn under the lock, so they are the next numbers of this location; ascending, in event order.
  const drawn = await tx.query<{ seq: string }>("SELECT nextval('server_seq_counter')::text AS seq FROM generate_series(1, $1::int)", [
    sequenced.length,
  ]);
  const numbers = drawn.map((row) => BigInt(row.seq)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  sequenced.forEach((decision, index) => serverSeqs.set(decision.address.id, numbers[index]!.toString()));

  const offset = Date.parse(clientTime) - Date.now();
  const rows = decisions.map((decision) => ({
    device_seq: decision.address.deviceSeq,
    id: decision.address.id,
    server_seq: serverSeqs.get(decision.address.id) ?? null,
    outcome: decision.outcome,
    reason: decision.reason ?? null,
    type: decision.event?.type ?? null,
    appointment_id: decision.event?.appointmentId ?? null,
    day: decision.day,
    occurred_at: decision.event?.occurredAt ?? null,
    body: storableBody(decision.body),
  }));
  await tx.query(
    `INSERT INTO events (device_id, device_seq, id, server_seq, outcome, reason, location_id, type, appointment_id, day,
                         occurred_at, clock_offset_ms, body)
     SELECT $1, r.device_seq, r.id, r.server_seq, r.outcome, r.reason, $2, r.type, r.appointment_id, r.day, r.occurred_at, $3, r.body
       FROM jsonb_to_recordset($4::jsonb) AS r(device_seq int, id text, server_seq bigint, outcome text, reason jsonb, type text,
                                                appointment_id text, day date, occurred_at timestamptz, body jsonb)`,
    [device.id, device.locationId, offset, JSON.stringify(rows)],
  );
  // One statement for all of them: a desk that was offline long can push a batch of conflicts.
  const conflicts = decisions.flatMap((decision) =>
    decision.outcome === 'conflict' && decision.event
      ? [{ event_id: decision.event.id, day: decision.day, appointment_id: decision.event.appointmentId ?? null, error: decision.reason as DomainError }]
      : [],
  );
  if (conflicts.length > 0) {
    await tx.query(
      `INSERT INTO conflicts (event_id, location_id, day, appointment_id, error)
       SELECT c.event_id, $1, c.day, c.appointment_id, c.error
         FROM jsonb_to_recordset($2::jsonb) AS c(event_id text, day date, appointment_id text, error jsonb)`,
      [device.locationId, JSON.stringify(conflicts)],
    );
  }
  return serverSeqs;
}

/** A rejected event is kept as it came, unless SQL cannot take it (db/database-text.ts): then why, instead. */
function storableBody(body: unknown): unknown {
  const unstorable = unstorableReason(body);
  return unstorable ? { unstorable } : body;
}
