/**
 * The municipality records the day a fast-track registration's BSN was issued (or takes a wrong
 * entry back). Answers are values, so the route says 400/403/404 in one place.
 */
import type { Principal } from '../auth/principal';
import { mayAccessLocation } from '../auth/principal';
import type { Database, Queryable } from '../db/database';
import { recordAudit } from '../repositories/audit';

/** Stores (or corrects) a registration's BSN day; the caller has checked the registration and the day. */
export async function storeBsnDay(tx: Queryable, entry: { appointmentId: string; locationId: string; bsnIssuedOn: string; accountId: string }): Promise<void> {
  await tx.query(
    `INSERT INTO fast_track_completions (appointment_id, location_id, bsn_issued_on, recorded_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (appointment_id) DO UPDATE SET bsn_issued_on = EXCLUDED.bsn_issued_on, recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
    [entry.appointmentId, entry.locationId, entry.bsnIssuedOn, entry.accountId],
  );
}

export type RecordResult = { ok: true } | { ok: false; status: 400 | 403 | 404; error: string; message: string };

export async function recordBsnIssued(
  db: Database,
  principal: Pick<Principal, 'accountId' | 'role' | 'locationId'>,
  input: { appointmentId: string; bsnIssuedOn: string | null; today: string },
): Promise<RecordResult> {
  return db.transaction(async (tx) => {
    const [registration] = await tx.query<{ location_id: string; registered_on: string }>(
      `SELECT location_id, to_char(day, 'YYYY-MM-DD') AS registered_on FROM appointment_states
        WHERE appointment_id = $1 AND state->>'service' = 'BRP' AND state->>'status' = 'completed'`,
      [input.appointmentId],
    );
    if (!registration) return { ok: false, status: 404, error: 'not-found', message: 'No completed fast-track registration with this id.' };
    if (!mayAccessLocation(principal, registration.location_id)) {
      return { ok: false, status: 403, error: 'forbidden', message: 'This account works at another location.' };
    }
    const issued = input.bsnIssuedOn;
    if (issued !== null && (issued < registration.registered_on || issued > input.today)) {
      return {
        ok: false,
        status: 400,
        error: 'bad-request',
        message: `The BSN date must lie between the registration (${registration.registered_on}) and today (${input.today}).`,
      };
    }
    if (issued === null) await tx.query('DELETE FROM fast_track_completions WHERE appointment_id = $1', [input.appointmentId]);
    else await storeBsnDay(tx, { appointmentId: input.appointmentId, locationId: registration.location_id, bsnIssuedOn: issued, accountId: principal.accountId });
    await recordAudit(tx, { accountId: principal.accountId, deviceId: null, action: 'fast-track-bsn-issued', detail: { appointmentId: input.appointmentId, bsnIssuedOn: issued } });
    return { ok: true };
  });
}
