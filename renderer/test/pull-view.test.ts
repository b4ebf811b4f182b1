import { createServer, type Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkIn } from '../../shared/domain/commands-queue';
import { projectionTables, serverStateOf } from '../src/db/day-projection';
import type { DeskDatabase } from '../src/db/desk-db';
import { readMeta } from '../src/db/desk-meta';
import { performCommand } from '../src/db/perform-command';
import { pullChanges } from '../src/features/sync/pull-changes';
import { dropDatabase, expectedAppointments, freshDatabase, serverUrl, signedInDesk, type SignedInDesk } from './desk-fixtures';

const SHARE = 4;

/** A server that answers every request with the same status and body. */
async function fixedServer(status: number, body: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => response.writeHead(status, { 'content-type': 'application/json' }).end(body));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no address');
  return { url: `http://127.0.0.1:${address.port}`, server };
}

describe('the view the desk shows after a pull', () => {
  let db: DeskDatabase;
  let desk: SignedInDesk;
  let token: string;
  let fixed: Server | undefined;
  beforeEach(async () => {
    db = await freshDatabase('pull-view-test');
    desk = await signedInDesk(db, 'MAA-D2');
    token = (await desk.token())!;
    expect(await pullChanges(db, { serverUrl, token })).toMatchObject({ ok: true });
  });
  afterEach(async () => {
    fixed?.close();
    await dropDatabase(db);
  });

  it("keeps showing the desk's own unsent check-in on top of the server's state after a pull", async () => {
    const [anna] = await expectedAppointments(db, SHARE);
    await performCommand(db, (state, context) => checkIn(state, { appointmentIds: [anna!.id], method: 'manual' }, context), desk.context());
    await db.meta.put({ key: 'pullCursor', value: '0' });
    expect(await pullChanges(db, { serverUrl, token })).toMatchObject({ ok: true });
    expect(await db.appointments.get(anna!.id)).toMatchObject({ status: 'arrived', base: { status: 'expected' } });
    expect(await db.outbox.count()).toBe(1);
  });

  it('ends with the same rows whether the changes come in pages of 7 or all at once', async () => {
    const other = await freshDatabase('pull-view-pages');
    try {
      expect(await pullChanges(other, { serverUrl, token }, { limit: 7 })).toMatchObject({ ok: true });
      await pullChanges(db, { serverUrl, token });
      // Other test files push at the same time: compare what they cannot change, the rows and their bookings.
      expect(BigInt((await readMeta(other.meta, 'pullCursor'))!)).toBeLessThanOrEqual(BigInt((await readMeta(db.meta, 'pullCursor'))!));
      const rows = (await db.appointments.orderBy('id').toArray()).map(({ id, bookingId, personName }) => [id, bookingId, personName]);
      expect((await other.appointments.orderBy('id').toArray()).map(({ id, bookingId, personName }) => [id, bookingId, personName])).toEqual(rows);
      expect(await other.persons.count()).toBe(await db.persons.count());
    } finally {
      await dropDatabase(other);
    }
  });

  it('stores nothing from a page with a malformed change, and keeps its cursor', async () => {
    const cursor = await readMeta(db.meta, 'pullCursor');
    const before = await db.appointments.toArray();
    const page = { changes: [{ seq: '999999', entity: 'appointment', id: 'x', data: { id: 'x' } }], nextCursor: '999999', hasMore: false };
    const garbled = await fixedServer(200, JSON.stringify(page));
    fixed = garbled.server;
    expect(await pullChanges(db, { serverUrl: garbled.url, token })).toMatchObject({ ok: false, reason: 'invalid-answer' });
    expect(await readMeta(db.meta, 'pullCursor')).toBe(cursor);
    expect(await db.appointments.toArray()).toEqual(before);
  });

  it('keeps everything when the server answers 500, and says it is the server', async () => {
    const cursor = await readMeta(db.meta, 'pullCursor');
    const failing = await fixedServer(500, '{"error":"boom"}');
    fixed = failing.server;
    expect(await pullChanges(db, { serverUrl: failing.url, token })).toMatchObject({ ok: false, reason: 'server-error' });
    expect(await readMeta(db.meta, 'pullCursor')).toBe(cursor);
  });

  it("drops an optimistic effect the server answered with a conflict, even when the server's appointment did not change", async () => {
    const [anna] = await expectedAppointments(db, SHARE);
    // The desk showed its own call of Anna (beside the server's state); the event has left the outbox as a conflict.
    await db.transaction('rw', projectionTables(db), () => db.appointments.update(anna!.id, { status: 'called', deskId: desk.session.deskId, base: serverStateOf(anna!) }));
    const cursor = BigInt((await readMeta(db.meta, 'pullCursor'))!) + 1n;
    const verdict = {
      eventId: '0195f3d2-7c6a-7b1e-9c1a-3f2b5d6e7a8b',
      type: 'called',
      appointmentId: anna!.id,
      deskId: desk.session.deskId,
      clerkId: desk.session.accountId,
      occurredAt: new Date().toISOString(),
      error: { code: 'invalid-transition', message: { nl: 'Kan niet.', en: 'Cannot.' } },
    };
    const page = { changes: [{ seq: String(cursor), entity: 'conflict', id: verdict.eventId, data: verdict }], nextCursor: String(cursor), hasMore: false };
    const server = await fixedServer(200, JSON.stringify(page));
    fixed = server.server;
    expect(await pullChanges(db, { serverUrl: server.url, token })).toMatchObject({ ok: true, changes: 1 });
    expect(await db.appointments.get(anna!.id)).toMatchObject({ status: 'expected', deskId: null });
    expect(await db.conflicts.get(verdict.eventId)).toMatchObject({ appointmentId: anna!.id, error: { code: 'invalid-transition' } });
  });
});
