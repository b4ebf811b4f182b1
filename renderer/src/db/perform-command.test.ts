import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkIn } from '../../../shared/domain/commands-queue';
import { openDesk } from '../../../shared/domain/commands-desk';
import { dropDatabase, expectedAppointments, freshDatabaseWithTheDay, localContext, today } from '../../test/desk-fixtures';
import type { DeskDatabase } from './desk-db';
import { readMeta } from './desk-meta';
import { performCommand } from './perform-command';
import { retryStorage, storageGuard } from './storage-guard';

describe('a clerk action on the desk', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await freshDatabaseWithTheDay('perform-test');
  });
  afterEach(() => dropDatabase(db));

  it('stores the check-in in the outbox with sequence 1 and shows the person as arrived at once', async () => {
    const [anna] = await expectedAppointments(db, 0);
    const result = await performCommand(db, (state, ctx) => checkIn(state, { appointmentIds: [anna!.id], method: 'manual' }, ctx), localContext);
    expect(result).toMatchObject({ ok: true });
    expect(await db.outbox.toArray()).toMatchObject([{ deviceSeq: 1, state: 'pending', date: today, event: { type: 'checkedIn', appointmentId: anna!.id } }]);
    const shown = await db.appointments.get(anna!.id);
    expect(shown).toMatchObject({ status: 'arrived', personName: anna!.personName, base: { status: 'expected' } });
    expect(await readMeta(db.meta, 'nextDeviceSeq')).toBe(2);
  });

  it('numbers the events of several actions one after the other, without gaps', async () => {
    const [first, second] = await expectedAppointments(db, 0);
    await performCommand(db, (state, ctx) => openDesk(state, ctx), localContext);
    await performCommand(db, (state, ctx) => checkIn(state, { appointmentIds: [first!.id, second!.id], method: 'manual' }, ctx), localContext);
    expect((await db.outbox.toArray()).map((entry) => [entry.deviceSeq, entry.event.type])).toEqual([
      [1, 'deskOpened'],
      [2, 'checkedIn'],
      [3, 'checkedIn'],
    ]);
    expect(await db.desks.get('MAA-D1')).toMatchObject({ status: 'open', clerkId: 'clerk-1' });
  });

  it('makes one event when the clerk double-clicks check-in, and refuses the second with the reason', async () => {
    const [anna] = await expectedAppointments(db, 1);
    const checkInAnna = () => performCommand(db, (state, ctx) => checkIn(state, { appointmentIds: [anna!.id], method: 'manual' }, ctx), localContext);
    const [one, two] = await Promise.all([checkInAnna(), checkInAnna()]);
    expect([one.ok, two.ok].sort()).toEqual([false, true]);
    const refused = one.ok ? two : one;
    expect(refused).toMatchObject({ ok: false, error: { code: expect.any(String) } });
    expect(await db.outbox.count()).toBe(1);
    expect(await readMeta(db.meta, 'nextDeviceSeq')).toBe(2);
  });

  it('stores nothing at all when the command is refused', async () => {
    const before = await db.appointments.toArray();
    const result = await performCommand(db, (state, ctx) => checkIn(state, { appointmentIds: ['nobody-BIO'], method: 'manual' }, ctx), localContext);
    expect(result).toMatchObject({ ok: false, error: { code: 'appointment-unknown' } });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.appointments.toArray()).toEqual(before);
    expect(await readMeta(db.meta, 'nextDeviceSeq')).toBeUndefined();
  });

  it('refuses an action when the disk is full, keeps everything stored before, and blocks new actions until there is room', async () => {
    const [anna, bram, carla] = await expectedAppointments(db, 2);
    const checkInOf = (id: string) => performCommand(db, (state, ctx) => checkIn(state, { appointmentIds: [id], method: 'manual' }, ctx), localContext);
    expect(await checkInOf(anna!.id)).toMatchObject({ ok: true });
    const before = { outbox: await db.outbox.toArray(), bram: await db.appointments.get(bram!.id), seq: await readMeta(db.meta, 'nextDeviceSeq') };
    // IndexedDB on a full disk: the write fails with a DOMException named QuotaExceededError.
    const diskFull = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.outbox.hook('creating', diskFull);
    const refused = await checkInOf(bram!.id);
    expect(refused).toMatchObject({ ok: false, error: { code: 'storage-full', message: { nl: expect.stringContaining('De opslag van deze pc is vol'), en: expect.stringContaining('The storage of this PC is full') } } });
    expect(await db.outbox.toArray()).toEqual(before.outbox);
    expect(await db.appointments.get(bram!.id)).toEqual(before.bram);
    expect(await readMeta(db.meta, 'nextDeviceSeq')).toBe(before.seq);
    expect(storageGuard(db).getState().full).toBe(true);

    // Blocked even for another person, until a test write shows there is room again.
    db.outbox.hook('creating').unsubscribe(diskFull);
    expect(await checkInOf(carla!.id)).toMatchObject({ ok: false, error: { code: 'storage-full' } });
    expect(await db.outbox.count()).toBe(1);
    expect(await retryStorage(db)).toBe(true);
    expect(await checkInOf(carla!.id)).toMatchObject({ ok: true });
    expect((await db.outbox.toArray()).map((entry) => entry.event.appointmentId)).toEqual([anna!.id, carla!.id]);
  });

  it('does not mistake another failure for a full disk', async () => {
    const [anna] = await expectedAppointments(db, 2);
    const broken = () => {
      throw new Error('a bug');
    };
    db.outbox.hook('creating', broken);
    await expect(performCommand(db, (state, ctx) => checkIn(state, { appointmentIds: [anna!.id], method: 'manual' }, ctx), localContext)).rejects.toThrow();
    db.outbox.hook('creating').unsubscribe(broken);
    expect(storageGuard(db).getState().full).toBe(false);
  });
});
