/**
 * Checks a pushed item before the reducer sees it: is it addressable (an id and a device sequence),
 * is it a well-formed event, and may this device send it? Failures are reasons a person can read.
 */
import { z } from 'zod';
import { amsterdamDateOf } from '../../../shared/domain/calendar-date';
import { parseEvent, SERVER_EVENT_TYPES, type BalieEvent } from '../../../shared/sync/events';
import type { Queryable } from '../db/database';
import { unstorableReason } from '../db/database-text';

/** The two fields every pushed item needs before anything else can be said about it (and to store it by). */
const addressSchema = z.object({ id: z.string().min(1).max(128).refine((id) => !id.includes('\u0000')), deviceSeq: z.int().min(1) });

export function addressOf(raw: unknown): { id: string; deviceSeq: number } | null {
  const parsed = addressSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export interface PushingDevice {
  id: string;
  locationId: string;
  deskId: string | null;
}

export type EventCheck = { ok: true; event: BalieEvent } | { ok: false; reason: { code: string; problems: string[] } };

/** Schema, then the envelope against the pushing device; clerks must be accounts of the location. */
export async function checkPushedEvent(
  db: Queryable,
  raw: unknown,
  device: PushingDevice,
  knownClerks: Map<string, boolean>,
): Promise<EventCheck> {
  const unstorable = unstorableReason(raw);
  if (unstorable) return { ok: false, reason: { code: 'malformed', problems: [`(event): ${unstorable}`] } };
  const parsed = parseEvent(raw);
  if (!parsed.ok) return { ok: false, reason: { code: 'malformed', problems: parsed.problems } };
  const { event } = parsed;
  const problems: string[] = [];
  if ((SERVER_EVENT_TYPES as readonly string[]).includes(event.type)) problems.push(`type: only the server makes ${event.type} events`);
  if (event.deviceId !== device.id) problems.push('deviceId: not the device that pushes it');
  if (event.locationId !== device.locationId) problems.push("locationId: not this device's location");
  if (device.deskId !== null && event.deskId !== device.deskId) problems.push("deskId: not this device's desk");
  if (!(await isClerkOfLocation(db, event.clerkId, device.locationId, knownClerks))) {
    problems.push('clerkId: no account that works at this location');
  }
  return problems.length ? { ok: false, reason: { code: 'not-allowed', problems } } : { ok: true, event };
}

async function isClerkOfLocation(db: Queryable, clerkId: string, locationId: string, known: Map<string, boolean>): Promise<boolean> {
  const cached = known.get(clerkId);
  if (cached !== undefined) return cached;
  const rows = await db.query('SELECT 1 FROM accounts WHERE id = $1 AND (location_id = $2 OR role = $3)', [clerkId, locationId, 'admin']);
  known.set(clerkId, rows.length > 0);
  return rows.length > 0;
}

/**
 * Which day of the location an event belongs to: its appointment's date (booked, or registered as
 * a walk-in before, also earlier in the same batch), a walk-in's own date, a cancelled booking's
 * date, or, for desk events, the Amsterdam date it happened. Looked up once per batch.
 */
export async function dayResolver(db: Queryable, rawEvents: readonly unknown[]): Promise<(event: BalieEvent) => string> {
  // Each id once: a batch names the same appointment for every step of a visit.
  const ids = (key: string) => [
    ...new Set(
      rawEvents.flatMap((raw) => {
        const value = (raw as Record<string, unknown> | null)?.[key] ?? ((raw as { payload?: Record<string, unknown> } | null)?.payload?.[key]);
        // Unchecked yet: a string SQL cannot take matches no stored id anyway.
        return typeof value === 'string' && !value.includes('\u0000') ? [value] : [];
      }),
    ),
  ];
  const known = new Map<string, string>();
  const appointmentIds = ids('appointmentId');
  const rows = await db.query<{ id: string; day: string }>(
    `SELECT a.id, to_char(b.date, 'YYYY-MM-DD') AS day FROM appointments a JOIN bookings b ON b.id = a.booking_id WHERE a.id = ANY($1)
     UNION ALL
     SELECT appointment_id, to_char(day, 'YYYY-MM-DD') FROM events
      WHERE appointment_id = ANY($1) AND type = 'walkInRegistered' AND outcome = 'accepted'`,
    [appointmentIds],
  );
  for (const row of rows) known.set(`appointment/${row.id}`, row.day);
  const bookings = await db.query<{ id: string; day: string }>("SELECT id, to_char(date, 'YYYY-MM-DD') AS day FROM bookings WHERE id = ANY($1)", [
    ids('bookingId'),
  ]);
  for (const row of bookings) known.set(`booking/${row.id}`, row.day);

  return (event) => {
    if (event.type === 'walkInRegistered') {
      known.set(`appointment/${event.appointmentId}`, event.payload.date);
      return event.payload.date;
    }
    const day =
      (event.appointmentId ? known.get(`appointment/${event.appointmentId}`) : undefined) ??
      (event.type === 'bookingCancelled' ? known.get(`booking/${event.payload.bookingId}`) : undefined);
    return day ?? amsterdamDateOf(new Date(event.occurredAt));
  };
}
