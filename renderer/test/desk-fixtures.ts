/**
 * What the desk's integration tests share: a fresh database per test, and a registered desk with a
 * signed-in clerk on the real server of the global setup (testing/desk-test-server.ts). Every test
 * file works on its own share of the demo day, so files running at the same time never act on the
 * same appointment.
 */
import { inject } from 'vitest';
import { amsterdamDateOf } from '../../shared/domain/calendar-date';
import type { DeskBridge } from '../../shared/ipc/desk-bridge';
import { createWebBridge, memoryStorage } from '../src/bridge/web-bridge';
import { openDeskDatabase, type DeskDatabase, type LocalAppointment } from '../src/db/desk-db';
import type { SessionSummary } from '../src/db/desk-meta';
import { checkIn } from '../../shared/domain/commands-queue';
import { performCommand, type DeskCommandContext, type PerformResult } from '../src/db/perform-command';
import { loadDay } from '../src/features/agenda/load-day';
import { registerThisDesk, sessionToken, signInOnDesk } from '../src/features/auth/desk-auth';

export const serverUrl = inject('deskTestServerUrl');
export const accounts = inject('deskTestAccounts');
export const today = amsterdamDateOf(new Date());

/** Who acts in the tests of the desk's own storage, which need no session: a local device at desk 1. */
export const localContext: DeskCommandContext = { date: today, now: new Date().toISOString(), deviceId: 'local-device', deskId: 'MAA-D1', clerkId: 'clerk-1', locationId: 'MAA' };

/** The clerk checks one appointment in on `db` (the key C), as `localContext`. */
export function checkInOn(db: DeskDatabase, appointmentId: string): Promise<PerformResult> {
  return performCommand(db, (state, context) => checkIn(state, { appointmentIds: [appointmentId], method: 'manual' }, context), localContext);
}

export async function freshDatabase(prefix: string): Promise<DeskDatabase> {
  const db = openDeskDatabase(`${prefix}-${crypto.randomUUID()}`);
  await db.open();
  return db;
}

/** A fresh database with today's demo day loaded from the test server, as the signed-out agenda loads it. */
export async function freshDatabaseWithTheDay(prefix: string): Promise<DeskDatabase> {
  const db = await freshDatabase(prefix);
  const loaded = await loadDay(db, serverUrl, today);
  if (!loaded.ok) throw new Error(`the day did not load: ${loaded.reason} (${loaded.detail})`);
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

/** A registered desk device with the clerk signed in on it, through the desk's own auth code. */
export interface SignedInDesk {
  db: DeskDatabase;
  bridge: DeskBridge;
  session: SessionSummary;
  /** Who acts, for performCommand. */
  context: (date?: string) => DeskCommandContext;
  token: () => Promise<string | null>;
}

export function browserBridge(): DeskBridge {
  return createWebBridge(new URL(`http://127.0.0.1:1/?server=${encodeURIComponent(serverUrl)}`) as unknown as Location, memoryStorage(), () => crypto.randomUUID(), memoryStorage());
}

export async function signedInDesk(db: DeskDatabase, deskId: string, bridge = browserBridge()): Promise<SignedInDesk> {
  const registered = await registerThisDesk(db, bridge, { code: await registrationCode(deskId), name: `test ${deskId}` });
  if (!registered.ok) throw new Error(`registration failed: ${registered.reason}`);
  const signedIn = await signInOnDesk(db, bridge, accounts.clerk);
  if (!signedIn.ok) throw new Error(`sign-in failed: ${signedIn.reason} ${signedIn.detail}`);
  const { session } = signedIn;
  return {
    db,
    bridge,
    session,
    context: (date = today) => ({ date, now: new Date().toISOString(), deviceId: session.deviceId, deskId: session.deskId, clerkId: session.accountId, locationId: session.locationId }),
    token: () => sessionToken(bridge),
  };
}

/**
 * The server's state of every appointment of the location, as its change feed tells it from the
 * start (the public agenda route shows booked data only).
 */
export async function serverAppointments(token: string): Promise<Map<string, { status: string; deskId: string | null; date: string }>> {
  const states = new Map<string, { status: string; deskId: string | null; date: string }>();
  let since = '0';
  for (;;) {
    const response = await fetch(`${serverUrl}/api/v1/sync/pull?since=${since}&limit=1000`, { headers: { authorization: `Bearer ${token}` } });
    const page = (await response.json()) as { changes: { entity: string; id: string; data: { status: string; deskId: string | null; date: string } }[]; nextCursor: string; hasMore: boolean };
    for (const change of page.changes) if (change.entity === 'appointment') states.set(change.id, change.data);
    since = page.nextCursor;
    if (!page.hasMore) return states;
  }
}
