/**
 * What the desk's integration tests share: a fresh database per test, and a registered desk with a
 * signed-in clerk on the real server of the global setup (testing/desk-test-server.ts). Every test
 * file works on its own share of the demo day, so files running at the same time never act on the
 * same appointment.
 */
import { inject } from 'vitest';
import { amsterdamDateOf } from '../../shared/domain/calendar-date';
import { openDeskDatabase, type DeskDatabase, type LocalAppointment } from '../src/db/desk-db';

export const serverUrl = inject('deskTestServerUrl');
export const accounts = inject('deskTestAccounts');
export const today = amsterdamDateOf(new Date());

export async function freshDatabase(prefix: string): Promise<DeskDatabase> {
  const db = openDeskDatabase(`${prefix}-${crypto.randomUUID()}`);
  await db.open();
  return db;
}

export async function dropDatabase(db: DeskDatabase): Promise<void> {
  db.close();
  await db.delete();
}

async function postJson(path: string, body: unknown, token?: string): Promise<Response> {
  return fetch(`${serverUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

/** Signs in without a device (an admin's browser session) and returns the token. */
export async function adminToken(): Promise<string> {
  const response = await postJson('/api/v1/auth/sign-in', accounts.admin);
  if (response.status !== 200) throw new Error(`admin sign-in answered ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** The one-time code an admin makes for a new desk device at `deskId`. */
export async function registrationCode(deskId: string): Promise<string> {
  const response = await postJson('/api/v1/devices/registration-codes', { locationId: accounts.locationId, kind: 'desk', deskId }, await adminToken());
  if (response.status !== 201) throw new Error(`registration code answered ${response.status}`);
  return ((await response.json()) as { code: string }).code;
}

/** Ends a session on the server: its token answers 401 from then on, as an expired one does. */
export async function revokeToken(token: string): Promise<void> {
  const response = await postJson('/api/v1/auth/sign-out', {}, token);
  if (response.status !== 204) throw new Error(`sign-out answered ${response.status}`);
}

/**
 * Expected appointments of today in the desk's database that belong to this file's share of the
 * day (`share` of `shares`), one per booking, so that no family member is pulled along.
 */
export async function expectedAppointments(db: DeskDatabase, share: number, shares = 6): Promise<LocalAppointment[]> {
  const rows = (await db.appointments.where('date').equals(today).sortBy('id')).filter((row) => row.status === 'expected' && !row.walkIn);
  const bookings = [...new Set(rows.map((row) => row.bookingId))].sort().filter((_, index) => index % shares === share);
  return bookings.map((bookingId) => rows.find((row) => row.bookingId === bookingId)!);
}
