/**
 * The events of a period as rows for the CSV export: every stored event of the locations whose day
 * falls in the period (accepted and conflicting ones), and the rejected ones received in it (they
 * have no day), in server order, then by device.
 */
import type { EventRow } from '../../../shared/reports/report-columns';
import type { Queryable } from '../db/database';

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export async function eventRows(db: Queryable, locationIds: readonly string[], from: string, to: string): Promise<EventRow[]> {
  return db.query<EventRow>(
    `SELECT e.server_seq::text AS "serverSeq", e.id, e.location_id AS "locationId", to_char(e.day, 'YYYY-MM-DD') AS day,
            ${iso('e.occurred_at')} AS "occurredAt", ${iso('e.received_at')} AS "receivedAt", e.outcome, e.type,
            e.body->>'deskId' AS "deskId", e.body->>'clerkId' AS "clerkId", e.appointment_id AS "appointmentId",
            e.device_id AS "deviceId", e.device_seq AS "deviceSeq", (e.body->'payload')::text AS payload
       FROM events e JOIN locations l ON l.id = e.location_id
      WHERE e.location_id = ANY($1::text[])
        AND (e.day BETWEEN $2::date AND $3::date
             OR (e.day IS NULL AND (e.received_at AT TIME ZONE l.time_zone)::date BETWEEN $2::date AND $3::date))
      ORDER BY e.server_seq NULLS LAST, e.device_id, e.device_seq`,
    [[...locationIds], from, to],
  );
}
