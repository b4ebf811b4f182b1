import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkIn } from '../../shared/domain/commands-queue';
import type { DeskDatabase } from '../src/db/desk-db';
import { readMeta } from '../src/db/desk-meta';
import { performCommand } from '../src/db/perform-command';
import { pullChanges } from '../src/features/sync/pull-changes';
import { pushOutbox } from '../src/features/sync/push-outbox';
import type { SyncConnection } from '../src/features/sync/sync-api';
import { dropDatabase, expectedAppointments, freshDatabase, serverAppointments, serverUrl, signedInDesk, today, type SignedInDesk } from './desk-fixtures';
import { serverStateOf } from '../src/db/day-projection';

const SHARE = 2;

async function connectionOf(desk: SignedInDesk, recordBatches?: number[][]): Promise<SyncConnection> {
  const token = (await desk.token())!;
  if (!recordBatches) return { serverUrl, token };
  const recording: typeof fetch = async (input, init) => {
    if (String(input).endsWith('/sync/push')) recordBatches.push((JSON.parse(String(init?.body)) as { events: { deviceSeq: number }[] }).events.map((event) => event.deviceSeq));
    return fetch(input, init);
  };
  return { serverUrl, token, fetch: recording };
}

const checkInOne = (desk: SignedInDesk, appointmentId: string, clerkId?: string) =>
  performCommand(desk.db, (state, context) => checkIn(state, { appointmentIds: [appointmentId], method: 'manual' }, context), { ...desk.context(), ...(clerkId ? { clerkId } : {}) });

describe('pushing the outbox and pulling the changes, against the real server', () => {
  let db: DeskDatabase;
  let desk: SignedInDesk;
  beforeEach(async () => {
    db = await freshDatabase('push-pull-test');
    desk = await signedInDesk(db, 'MAA-D2');
    expect(await pullChanges(db, await connectionOf(desk))).toMatchObject({ ok: true });
  });
  afterEach(() => dropDatabase(db));

  it('a first pull fills the desk with the whole day and stores the cursor with it', async () => {
    const server = new Map([...(await serverAppointments((await desk.token())!))].filter(([, state]) => state.date === today));
    const [some] = await expectedAppointments(db, SHARE);
    const stored = (await db.appointments.get(some!.id))!;
    expect(stored).toMatchObject({ status: 'expected' });
    // The server's state is the shown one: the row keeps no second copy of it.
    expect(stored).not.toHaveProperty('base');
    expect(serverStateOf(stored)).toMatchObject({ status: 'expected' });
    expect(server.size).toBeGreaterThan(0);
    for (const id of server.keys()) expect(await db.appointments.get(id)).toBeDefined();
    expect(await readMeta(db.meta, 'pullCursor')).toMatch(/^[1-9]\d*$/);
    expect(await db.desks.count()).toBeGreaterThanOrEqual(4);
  });

  it('sends check-ins in device order and in batches, removes them only on the answer, and the pull confirms them', async () => {
    const appointments = (await expectedAppointments(db, SHARE)).slice(0, 5);
    for (const appointment of appointments) expect(await checkInOne(desk, appointment.id)).toMatchObject({ ok: true });
    const batches: number[][] = [];
    const pushed = await pushOutbox(db, await connectionOf(desk, batches), { deviceId: desk.session.deviceId, batchSize: 2 });
    expect(pushed).toMatchObject({ ok: true, sent: 5, conflicts: 0, rejected: 0 });
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
    expect(await db.outbox.count()).toBe(0);
    const server = await serverAppointments((await desk.token())!);
    for (const appointment of appointments) expect(server.get(appointment.id)?.status).toBe('arrived');
    // Until the pull, the view still shows the desk's own check-ins; after it, the server's state.
    expect(await pullChanges(db, await connectionOf(desk))).toMatchObject({ ok: true });
    for (const appointment of appointments) {
      const stored = (await db.appointments.get(appointment.id))!;
      expect([stored.status, serverStateOf(stored)?.status]).toEqual(['arrived', 'arrived']);
    }
  });

  it('keeps a refused event with its reason, sends the next one anyway, and drops its effect from the view', async () => {
    const [refused, next] = await expectedAppointments(db, SHARE);
    await checkInOne(desk, refused!.id, 'no-such-clerk');
    await checkInOne(desk, next!.id);
    expect(await pushOutbox(db, await connectionOf(desk), { deviceId: desk.session.deviceId })).toMatchObject({ ok: true, rejected: 1 });
    expect(await db.outbox.toArray()).toMatchObject([{ deviceSeq: 1, state: 'rejected', reason: { code: 'not-allowed' } }]);
    await pullChanges(db, await connectionOf(desk));
    expect(await db.appointments.get(refused!.id)).toMatchObject({ status: 'expected' });
    expect(await db.appointments.get(next!.id)).toMatchObject({ status: 'arrived' });
  });

  it('keeps a refused event that lies between two accepted ones, and only that one', async () => {
    const [first, refused, last] = await expectedAppointments(db, SHARE);
    await checkInOne(desk, first!.id);
    await checkInOne(desk, refused!.id, 'no-such-clerk');
    await checkInOne(desk, last!.id);
    expect(await pushOutbox(db, await connectionOf(desk), { deviceId: desk.session.deviceId })).toMatchObject({ ok: true, sent: 3, rejected: 1 });
    expect(await db.outbox.toArray()).toMatchObject([{ deviceSeq: 2, state: 'rejected', reason: { code: 'not-allowed' } }]);
  });

  it('resends from the number the server expects when it reports a gap', async () => {
    const [first, second] = await expectedAppointments(db, SHARE);
    await checkInOne(desk, first!.id);
    await checkInOne(desk, second!.id);
    // As if an earlier answer had been misread: event 1 is marked refused but the server never got it.
    await db.outbox.update(1, { state: 'rejected', reason: 'lost' });
    const batches: number[][] = [];
    expect(await pushOutbox(db, await connectionOf(desk, batches), { deviceId: desk.session.deviceId })).toMatchObject({ ok: true });
    expect(batches).toEqual([[2], [1, 2]]);
    expect(await db.outbox.count()).toBe(0);
    expect((await serverAppointments((await desk.token())!)).get(first!.id)?.status).toBe('arrived');
  });

  it('records a conflict when another desk was first, removes the event and shows the server state', async () => {
    const [contested] = await expectedAppointments(db, SHARE);
    const otherDb = await freshDatabase('push-pull-other');
    try {
      const other = await signedInDesk(otherDb, 'MAA-D3');
      await pullChanges(otherDb, await connectionOf(other));
      await checkInOne(other, contested!.id);
      await pushOutbox(otherDb, await connectionOf(other), { deviceId: other.session.deviceId });
    } finally {
      await dropDatabase(otherDb);
    }
    await checkInOne(desk, contested!.id);
    expect(await pushOutbox(db, await connectionOf(desk), { deviceId: desk.session.deviceId })).toMatchObject({ ok: true, conflicts: 1 });
    expect(await db.outbox.count()).toBe(0);
    // Only this appointment's: the pull before brought the conflicts of the location's other desks too.
    expect(await db.conflicts.where('appointmentId').equals(contested!.id).toArray()).toMatchObject([{ appointmentId: contested!.id, type: 'checkedIn', error: { code: expect.any(String) } }]);
    await pullChanges(db, await connectionOf(desk));
    const stored = (await db.appointments.get(contested!.id))!;
    expect([stored.status, serverStateOf(stored)?.status]).toEqual(['arrived', 'arrived']);
  });

  it('reports a gap it cannot fill when the server wants numbers the outbox no longer holds', async () => {
    const [appointment] = await expectedAppointments(db, SHARE);
    await db.meta.put({ key: 'nextDeviceSeq', value: 7 });
    await checkInOne(desk, appointment!.id);
    expect(await pushOutbox(db, await connectionOf(desk), { deviceId: desk.session.deviceId })).toMatchObject({ ok: false, reason: 'gap' });
    expect(await db.outbox.toArray()).toMatchObject([{ deviceSeq: 7, state: 'pending' }]);
  });

  it("numbers unsent events again after the server's last when the desk's counter fell behind", async () => {
    const [first, second, third] = await expectedAppointments(db, SHARE);
    await checkInOne(desk, first!.id);
    await checkInOne(desk, second!.id);
    await pushOutbox(db, await connectionOf(desk), { deviceId: desk.session.deviceId });
    // The desk's database lost its counter (cleared), but the device credential stayed.
    await db.meta.put({ key: 'nextDeviceSeq', value: 1 });
    await checkInOne(desk, third!.id);
    const batches: number[][] = [];
    expect(await pushOutbox(db, await connectionOf(desk, batches), { deviceId: desk.session.deviceId })).toMatchObject({ ok: true, rejected: 0 });
    expect(batches).toEqual([[1], [3]]);
    expect(await db.outbox.count()).toBe(0);
    expect(await readMeta(db.meta, 'nextDeviceSeq')).toBe(4);
    expect((await serverAppointments((await desk.token())!)).get(third!.id)?.status).toBe('arrived');
  });
});
