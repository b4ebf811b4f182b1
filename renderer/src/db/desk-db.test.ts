import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { DayAppointment } from '../../../shared/sync/day';
import { openDeskDatabase, VERSION_1_STORES } from './desk-db';

const row = (overrides: Partial<DayAppointment>): DayAppointment => ({
  id: 'p1-BIO',
  bookingId: 'b1',
  appointmentCode: 'MAA-AAAA11',
  locationId: 'MAA',
  date: '2026-11-25',
  slotStart: '09:00',
  service: 'BIO',
  personId: 'p1',
  personName: 'Anna de Vries',
  dateOfBirth: '1990-04-01',
  nationalityCategory: 'other',
  vNumber: '1234567890',
  status: 'expected',
  deskId: null,
  ...overrides,
});

const version1Rows = [
  row({}),
  row({ id: 'p1-BRP', service: 'BRP' }),
  row({ id: 'p2-BIO', personId: 'p2', personName: 'Bram de Vries', vNumber: null, status: 'called', deskId: 'MAA-D2' }),
];

describe('the desk database', () => {
  let name: string;
  afterEach(async () => {
    await Dexie.delete(name);
  });

  it('upgrades a version 1 database with a saved day to version 2 without losing a row', async () => {
    name = `upgrade-test-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores(VERSION_1_STORES);
    await old.open();
    await old.table('appointments').bulkPut(version1Rows);
    await old.table('meta').put({ key: 'dayLoadedAt:2026-11-25', value: '2026-11-25T07:00:00.000Z' });
    old.close();

    const db = openDeskDatabase(name);
    await db.open();
    expect(db.verno).toBe(2);
    const appointments = await db.appointments.orderBy('id').toArray();
    expect(appointments.map((appointment) => appointment.id)).toEqual(['p1-BIO', 'p1-BRP', 'p2-BIO']);
    for (const [index, before] of [...version1Rows].sort((a, b) => a.id.localeCompare(b.id)).entries()) {
      expect(appointments[index]).toMatchObject(before);
      expect(appointments[index]!.base).toMatchObject({ id: before.id, status: before.status, deskId: before.deskId, walkIn: false });
    }
    expect(await db.persons.orderBy('id').toArray()).toMatchObject([
      { id: 'p1', name: 'Anna de Vries', vNumber: '1234567890', base: { name: 'Anna de Vries' } },
      { id: 'p2', name: 'Bram de Vries', vNumber: null },
    ]);
    expect(await db.meta.get('dayLoadedAt:2026-11-25')).toEqual({ key: 'dayLoadedAt:2026-11-25', value: '2026-11-25T07:00:00.000Z' });
    expect(await db.appointments.where('date').equals('2026-11-25').count()).toBe(3);
    expect(await db.outbox.count()).toBe(0);
    db.close();
  });

  it('opens a new database at version 2 with every table empty', async () => {
    name = `new-test-${crypto.randomUUID()}`;
    const db = openDeskDatabase(name);
    await db.open();
    expect(db.tables.map((table) => table.name).sort()).toEqual(['appointments', 'checklists', 'conflicts', 'desks', 'meta', 'outbox', 'persons']);
    db.close();
  });
});
