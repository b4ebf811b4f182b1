/**
 * The municipality's BSN days as a CSV import, on the real server: a day served through real
 * pushes, then a file with good rows, rows that match nobody or are out of range, and a re-import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bsnImportReportSchema, type BsnImportReport } from '../../../shared/fast-track/bsn-import-api';
import { fastTrackListSchema, type FastTrackRegistration } from '../../../shared/fast-track/fast-track-api';
import type { DemoBooking } from '../../src/demo/demo-day';
import { appointmentIdOf } from '../../src/sync/booking-changes';
import { createTestAccount, registerDesk, signIn } from '../support/accounts';
import { startStaffedServer, type StaffedServer } from '../support/staffed-server';
import { databaseKindsUnderTest } from '../support/test-databases';
import { bookDemoDay, initialDemoDay, planDay, playAndPush, type PushingDesk, type WeekPlan } from '../reports/seeded-week';

const DAY = '2026-03-03';

describe.each(databaseKindsUnderTest())('the BSN-day import on %s', (kind) => {
  let staffed: StaffedServer;
  let municipality: string;
  let bookings: DemoBooking[];
  let registrations: FastTrackRegistration[];

  const importFile = (csv: string, token = municipality, location = 'MAA') =>
    fetch(`${staffed.server.url}/api/v1/import/bsn-issued?location=${location}`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` }, body: csv });
  const list = async () =>
    fastTrackListSchema.parse(await (await fetch(`${staffed.server.url}/api/v1/fast-track?from=${DAY}&to=${DAY}`, { headers: { authorization: `Bearer ${municipality}` } })).json()).registrations;
  /** The booking and person of a registration, as the municipality knows them. */
  const rowOf = (registration: FastTrackRegistration, bsnIssuedOn: string) => {
    const booking = bookings.find((b) => b.persons.some((p) => appointmentIdOf(p.id, 'BRP') === registration.appointmentId))!;
    const person = booking.persons.find((p) => appointmentIdOf(p.id, 'BRP') === registration.appointmentId)!;
    return `${booking.appointmentCode};${person.dateOfBirth};${bsnIssuedOn}`;
  };

  beforeAll(async () => {
    staffed = await startStaffedServer(kind);
    const { server, adminToken } = staffed;
    await createTestAccount(server, 'gemeente.maa', 'municipality', 'MAA');
    await server.db.query("INSERT INTO locations (id, name) VALUES ('AMS', 'Amsterdam')");
    await createTestAccount(server, 'gemeente.ams', 'municipality', 'AMS');
    municipality = await signIn(server, 'gemeente.maa');
    const desks: PushingDesk[] = [];
    for (const [deskId, username] of [['MAA-D1', 'clerk'], ['MAA-D2', 'clerk2'], ['MAA-D3', 'clerk3']] as const) {
      if (username !== 'clerk') await createTestAccount(server, username, 'clerk', 'MAA');
      const credential = await registerDesk(server, adminToken, 'MAA', deskId);
      const [account] = await server.db.query<{ id: string }>('SELECT id FROM accounts WHERE username = $1', [username]);
      desks.push({ deskId, deviceId: credential.deviceId, clerkId: account!.id, token: await signIn(server, username, credential), seq: 1 });
    }
    bookings = await bookDemoDay(server.db, DAY);
    const plan: WeekPlan = { waits: [], served: {}, completed: 0, noShowAppointments: 0, lateAppointments: 0, desks: {}, firstStep: {} };
    await playAndPush(server.url, initialDemoDay(bookings, ['MAA-D1', 'MAA-D2', 'MAA-D3', 'MAA-D4']), planDay(DAY, bookings, desks, plan));
    registrations = await list();
  }, 120_000);
  afterAll(async () => {
    await staffed?.stop();
  });

  it('records the good rows, lists each bad one with its reason, and a re-import changes nothing', async () => {
    expect(registrations.length).toBeGreaterThanOrEqual(3);
    const [first, second, third] = registrations as [FastTrackRegistration, FastTrackRegistration, FastTrackRegistration];
    const someone = bookings.find((booking) => !booking.services.includes('BRP'))!;
    const csv = [
      'appointment_code;date_of_birth;bsn_issued_on',
      rowOf(first, '2026-03-05'),
      rowOf(second, '2026-03-10'),
      // The right booking, a date of birth nobody of it has.
      `${rowOf(third, '2026-03-05').split(';')[0]};1900-01-01;2026-03-05`,
      // Before the registration.
      rowOf(third, '2026-03-02'),
      // Not dates at all, and no code.
      ';03-03-1990;morgen',
      // Not a BRP registration: a person whose booking has no BRP.
      `${someone.appointmentCode};${someone.persons[0]!.dateOfBirth};2026-03-05`,
    ].join('\r\n');
    const answer = await importFile(csv);
    expect(answer.status).toBe(200);
    const report: BsnImportReport = bsnImportReportSchema.parse(await answer.json());
    expect(report).toMatchObject({ locationId: 'MAA', rows: 6, recorded: 2, unchanged: 0 });
    expect(report.badRows.map((row) => [row.line, row.reasons.map((reason) => reason.code)])).toEqual([
      [4, ['no-registration']],
      [5, ['bsn-day-out-of-range']],
      [6, ['appointment-code-missing', 'date-of-birth-invalid', 'bsn-day-invalid']],
      [7, ['no-registration']],
    ]);
    // The reasons never repeat what the row said about the person.
    expect(JSON.stringify(report.badRows)).not.toContain('1900-01-01');
    const after = new Map((await list()).map((entry) => [entry.appointmentId, entry]));
    expect(after.get(first.appointmentId)).toMatchObject({ bsnIssuedOn: '2026-03-05', state: 'within', workingDays: 2 });
    expect(after.get(second.appointmentId)).toMatchObject({ bsnIssuedOn: '2026-03-10', state: 'late', workingDays: 5 });
    expect(after.get(third.appointmentId)).toMatchObject({ bsnIssuedOn: null, state: 'overdue' });

    const again = bsnImportReportSchema.parse(await (await importFile(csv)).json());
    expect(again).toMatchObject({ recorded: 0, unchanged: 2 });
  });

  it('refuses a file with a BSN column, a file without the columns, and another location’s list', async () => {
    const withBsn = await importFile('appointment_code,date_of_birth,bsn_issued_on,bsn\n');
    expect(withBsn.status).toBe(400);
    expect(await withBsn.json()).toMatchObject({ error: 'bad-file', reasons: [{ code: 'file-has-bsn' }] });
    const without = await importFile('code,birth\n');
    expect(await without.json()).toMatchObject({ error: 'bad-file', reasons: [{ code: 'file-missing-columns' }] });
    const ams = await signIn(staffed.server, 'gemeente.ams');
    expect((await importFile('appointment_code,date_of_birth,bsn_issued_on\n', ams, 'MAA')).status).toBe(403);
    expect((await importFile('appointment_code,date_of_birth,bsn_issued_on\n', municipality, 'XYZ')).status).toBe(403);
  });
});
