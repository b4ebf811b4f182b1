import { createServer, type Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { amsterdamDateOf } from '../../../../shared/domain/calendar-date';
import { projectionTables } from '../../db/day-projection';
import { openDeskDatabase, type DeskDatabase } from '../../db/desk-db';
import { dayLoadedAtKey, loadDay } from './load-day';

const serverUrl = inject('deskTestServerUrl');
const today = amsterdamDateOf(new Date());

/** A server that answers every request with the same status and body: a broken Balie server. */
async function brokenServer(status: number, body: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => response.writeHead(status, { 'content-type': 'application/json' }).end(body));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no address');
  return { url: `http://127.0.0.1:${address.port}`, server };
}

describe('loading the day into the desk', () => {
  let db: DeskDatabase;
  let broken: Server | undefined;
  beforeEach(async () => {
    db = openDeskDatabase(`load-day-test-${crypto.randomUUID()}`);
    await db.open();
  });
  afterEach(async () => {
    broken?.close();
    db.close();
    await db.delete();
  });

  it('stores the whole day and when it was loaded', async () => {
    const result = await loadDay(db, serverUrl, today, () => new Date('2026-11-25T08:00:00Z'));
    expect(result).toMatchObject({ ok: true });
    expect(await db.appointments.count()).toBe(result.ok ? result.count : -1);
    expect((await db.meta.get(dayLoadedAtKey(today)))?.value).toBe('2026-11-25T08:00:00.000Z');
  });

  it('keeps the saved day when the server answers 500', async () => {
    await loadDay(db, serverUrl, today);
    const saved = await db.appointments.count();
    const failing = await brokenServer(500, '{"error":"boom"}');
    broken = failing.server;
    expect(await loadDay(db, failing.url, today)).toMatchObject({ ok: false, reason: 'server-error' });
    expect(await db.appointments.count()).toBe(saved);
  });

  it('stores nothing from a malformed answer and says so', async () => {
    await loadDay(db, serverUrl, today);
    const saved = await db.appointments.toArray();
    const garbled = await brokenServer(200, JSON.stringify({ date: today, locationId: 'MAA', appointments: [{ id: 'x' }] }));
    broken = garbled.server;
    expect(await loadDay(db, garbled.url, today)).toMatchObject({ ok: false, reason: 'invalid-answer' });
    expect(await db.appointments.toArray()).toEqual(saved);
  });

  it('reports a day it could not store instead of throwing, as when the window closes during a load', async () => {
    db.close();
    const result = await loadDay(db, serverUrl, today);
    expect(result).toMatchObject({ ok: false, reason: 'not-stored', detail: expect.stringContaining('closed') });
  });

  it('drops appointments the server no longer has for that day', async () => {
    await loadDay(db, serverUrl, today);
    const ghost = { ...(await db.appointments.toCollection().first())!, id: 'cancelled-elsewhere' };
    await db.transaction('rw', projectionTables(db), () => db.appointments.put(ghost));
    await loadDay(db, serverUrl, today);
    expect(await db.appointments.get('cancelled-elsewhere')).toBeUndefined();
  });

  it('once the desk syncs, keeps a pulled walk-in that the public day does not list', async () => {
    await loadDay(db, serverUrl, today);
    const booked = (await db.appointments.toCollection().first())!;
    const walkIn = { ...booked, id: 'walk-in-pulled', appointmentCode: null, base: { ...booked.base!, id: 'walk-in-pulled', appointmentCode: null } };
    await db.transaction('rw', projectionTables(db), () => db.appointments.put(walkIn));
    await db.meta.put({ key: 'pullCursor', value: '42' });
    await loadDay(db, serverUrl, today);
    expect(await db.appointments.get('walk-in-pulled')).toMatchObject({ id: 'walk-in-pulled' });
  });
});
