import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, amsterdamDateOf } from '../../../shared/domain/calendar-date';
import { checkIn } from '../../../shared/domain/commands-queue';
import type { ImportReport } from '../../../shared/sync/import-api';
import { importAppointments } from '../../src/import/import-appointments';
import type { RunningServer } from '../../src/server';
import { rebuildDayState } from '../../src/sync/day-state-store';
import { createTestAccount, registerDesk, signIn } from '../support/accounts';
import { simulatedDesk } from '../support/simulated-desk';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../support/test-databases';
import { startTestServer } from '../support/test-server';
import { cancelled, generateExport, toCsv, type ExportRow } from './booking-export';
import { importCsv, storedFingerprint } from './import-requests';

const today = amsterdamDateOf(new Date());

/** 199 good rows from the generator, then five bad ones of five kinds: 200 rows, lines 2-201. */
function exportWithFiveBadRows() {
  const bookings = generateExport({ seed: 'balie-import-200', rows: 199, firstDate: addDays(today, 7), days: 10 });
  const rows: ExportRow[] = bookings.flat().map((row) => ({ ...row }));
  rows.splice(6, 0, { ...rows[5]!, person_position: '7', full_name: 'Ananya Sharma' });
  rows[30]!.v_number = '12345678';
  rows[80]!.date = `${rows[80]!.date.slice(0, 4)}-02-30`;
  rows[120]!.services = 'BIO+PASSPORT';
  rows[170]!.full_name = '';
  const badIndexes = [6, 30, 80, 120, 170];
  const goodRows = rows.filter((_, index) => !badIndexes.includes(index));
  return {
    bookings,
    rows,
    badLines: badIndexes.map((index) => index + 2),
    expected: {
      bookings: new Set(goodRows.map((row) => row.appointment_code)).size,
      persons: goodRows.length,
      appointments: goodRows.reduce((sum, row) => sum + row.services.split('+').length, 0),
    },
  };
}

describe.each(databaseKindsUnderTest())('appointment import on %s', (kind) => {
  let database: TestDatabase;
  let server: RunningServer;
  let adminToken: string;
  let clerkId: string;
  const file = exportWithFiveBadRows();
  let first: ImportReport;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer(database);
    await createTestAccount(server, 'admin', 'admin', null);
    clerkId = (await createTestAccount(server, 'clerk', 'clerk', 'MAA')).id;
    adminToken = await signIn(server, 'admin');
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('an export of 200 rows with 5 bad ones imports the other 195 and lists the 5 with line and reason', async () => {
    const feedBefore = await storedFingerprint(server.db);
    first = await importCsv(server, adminToken, toCsv(file.rows));
    expect(first.rows).toBe(200);
    expect(first.imported).toEqual(file.expected);
    expect(first.imported.persons).toBe(195);
    expect(first.badRows.map((row) => [row.line, row.reasons.map((reason) => reason.code)])).toEqual([
      [file.badLines[0], ['too-many-persons']],
      [file.badLines[1], ['v-number-length']],
      [file.badLines[2], ['date-invalid']],
      [file.badLines[3], ['service-unknown']],
      [file.badLines[4], ['name-missing']],
    ]);
    for (const reason of first.badRows.flatMap((row) => row.reasons)) expect(reason.message.nl).not.toBe(reason.message.en);
    // The family of six is imported without its seventh person, and the report says so.
    expect(first.badRows[0]).toMatchObject({ appointmentCode: file.rows[0]!.appointment_code, booking: 'without-this-row' });
    const family = await server.db.query('SELECT p.position FROM persons p JOIN bookings b ON b.id = p.booking_id WHERE b.appointment_code = $1', [
      file.rows[0]!.appointment_code,
    ]);
    expect(family).toHaveLength(6);
    expect(first.refusedBookings).toEqual([]);
    // Desks learn of every new person and appointment through the change feed.
    const feedAfter = await storedFingerprint(server.db);
    expect(feedAfter.changes - feedBefore.changes).toBe(file.expected.persons + file.expected.appointments);
  });

  it('re-importing the same file changes no row and adds nothing to the change feed', async () => {
    const before = await storedFingerprint(server.db);
    const again = await importCsv(server, adminToken, toCsv(file.rows));
    expect(again.imported).toEqual({ bookings: 0, persons: 0, appointments: 0 });
    expect(again.unchanged).toBe(file.expected.bookings);
    expect(again.cancelled).toBe(0);
    expect(again.badRows).toEqual(first.badRows);
    expect(await storedFingerprint(server.db)).toEqual(before);
  });

  it('the corrected row, imported again, adds the person who was left out to their booking', async () => {
    const corrected = file.rows.map((row, index) => (index === 30 ? { ...row, v_number: '2345678901' } : row));
    const report = await importCsv(server, adminToken, toCsv(corrected));
    // The family was imported without this person; now the person joins it (no new booking).
    expect(report.imported).toMatchObject({ bookings: 0, persons: 1 });
    expect(report.badRows.map((row) => row.line)).toEqual(file.badLines.filter((line) => line !== 32));
    const stored = await server.db.query<{ v_number: string }>(
      'SELECT p.v_number FROM persons p JOIN bookings b ON b.id = p.booking_id WHERE b.appointment_code = $1 AND p.position = $2',
      [file.rows[30]!.appointment_code, Number(file.rows[30]!.person_position)],
    );
    expect(stored).toEqual([{ v_number: '2345678901' }]);
  });

  it('a later file cancels two bookings: desks pull their appointments cancelled, and the server starts their day cancelled', async () => {
    const [one, two] = [file.bookings[1]!, file.bookings[2]!];
    const credential = await registerDesk(server, adminToken, 'MAA', 'MAA-D1');
    const token = await signIn(server, 'clerk', credential);
    const desk = await simulatedDesk(server, { ...credential, deskId: 'MAA-D1', token, clerkId, locationId: 'MAA', day: one[0]!.date });
    const cursor = (await desk.pull('0', 1000)).nextCursor;

    const report = await importCsv(server, adminToken, toCsv(cancelled([...one, ...two])));
    expect(report).toMatchObject({ cancelled: 2, unchanged: 0, badRows: [], refusedBookings: [] });
    const pulled = (await desk.pull(cursor, 1000)).changes;
    const codes = [one[0]!.appointment_code, two[0]!.appointment_code];
    const appointmentCount = [...one, ...two].reduce((sum, row) => sum + row.services.split('+').length, 0);
    expect(pulled).toHaveLength(appointmentCount);
    for (const change of pulled) expect(change.data).toMatchObject({ status: 'cancelled', finishedAt: expect.any(String) });
    for (const [index, booking] of [one, two].entries()) {
      const day = await rebuildDayState(server.db, 'MAA', booking[0]!.date);
      const appointments = Object.values(day.appointments).filter((appointment) => appointment.appointmentCode === codes[index]);
      expect(appointments.map((appointment) => appointment.status)).toEqual(appointments.map(() => 'cancelled'));
      // What desks pulled is what the server's day holds.
      for (const appointment of appointments) expect(pulled.find((change) => change.id === appointment.id)?.data).toEqual(appointment);
    }
    // A desk that had not pulled yet checks someone of a cancelled booking in: the server keeps it as a conflict.
    const [stale] = Object.values(desk.state.appointments).filter((appointment) => appointment.appointmentCode === codes[0]);
    const pushed = await desk.push(desk.act((state, context) => checkIn(state, { appointmentIds: [stale!.id], method: 'scan' }, context)));
    expect(pushed.body.results[0]).toMatchObject({ status: 'conflict' });
  });

  it('the cancellation file again is a no-op; the first file again leaves the cancelled bookings cancelled and says so', async () => {
    const before = await storedFingerprint(server.db);
    const again = await importCsv(server, adminToken, toCsv(cancelled([...file.bookings[1]!, ...file.bookings[2]!])));
    expect(again).toMatchObject({ cancelled: 0, unchanged: 2, imported: { bookings: 0, persons: 0, appointments: 0 } });
    const original = await importCsv(server, adminToken, toCsv(file.rows));
    expect(original.imported.persons).toBe(0);
    expect(original.refusedBookings.map((booking) => [booking.appointmentCode, booking.reasons[0]!.code])).toEqual([
      [file.bookings[1]![0]!.appointment_code, 'booking-cancelled-earlier'],
      [file.bookings[2]![0]!.appointment_code, 'booking-cancelled-earlier'],
    ]);
    expect(await storedFingerprint(server.db)).toEqual(before);
  });

  it('a late cancellation is refused once someone of the booking has checked in', async () => {
    const booking = file.bookings[3]!;
    const date = booking[0]!.date;
    const credential = await registerDesk(server, adminToken, 'MAA', 'MAA-D2');
    const token = await signIn(server, 'clerk', credential);
    const desk = await simulatedDesk(server, { ...credential, deskId: 'MAA-D2', token, clerkId, locationId: 'MAA', day: date });
    const [arriving] = Object.values(desk.state.appointments).filter((appointment) => appointment.appointmentCode === booking[0]!.appointment_code);
    const pushed = await desk.push(desk.act((state, context) => checkIn(state, { appointmentIds: [arriving!.id], method: 'scan' }, context)));
    expect(pushed.body.results[0]).toMatchObject({ status: 'accepted' });

    const before = await storedFingerprint(server.db);
    const report = await importCsv(server, adminToken, toCsv(cancelled(booking)));
    expect(report.cancelled).toBe(0);
    expect(report.refusedBookings).toEqual([
      expect.objectContaining({ appointmentCode: booking[0]!.appointment_code, reasons: [expect.objectContaining({ code: 'cancel-too-late-at-counter' })] }),
    ]);
    expect(await storedFingerprint(server.db)).toEqual(before);
  });

  it('a late cancellation is refused once the appointment date has passed, and no new booking is taken in the past', async () => {
    const [yesterdays] = generateExport({ seed: 'balie-import-yesterday', rows: 2, firstDate: addDays(today, -1), days: 1 });
    const earlier = await importAppointments(server.db, {
      locationId: 'MAA',
      file: new TextEncoder().encode(toCsv(yesterdays!)),
      now: new Date(Date.now() - 5 * 86_400_000),
      actor: { accountId: null, source: 'cli' },
    });
    expect(earlier.ok && earlier.report.imported.bookings).toBe(1);
    const report = await importCsv(server, adminToken, toCsv(cancelled(yesterdays!)));
    expect(report.refusedBookings.map((booking) => booking.reasons[0]!.code)).toEqual(['cancel-too-late-past']);
    const [past] = generateExport({ seed: 'balie-import-past', rows: 1, firstDate: addDays(today, -3), days: 1 });
    const late = await importCsv(server, adminToken, toCsv(past!));
    expect(late.refusedBookings.map((booking) => booking.reasons[0]!.code)).toEqual(['booking-in-the-past']);
  });

  it('writes one audit entry per import, with counts and no personal data', async () => {
    const entries = await server.db.query<{ account_id: string | null; detail: Record<string, unknown> }>(
      "SELECT account_id, detail FROM audit_log WHERE action = 'appointments-imported' ORDER BY id",
    );
    expect(entries.length).toBeGreaterThanOrEqual(8);
    expect(entries[0]!.detail).toMatchObject({ source: 'api', locationId: 'MAA', rows: 200, badRows: 5, imported: file.expected });
    const logged = JSON.stringify(entries);
    for (const row of file.rows.slice(0, 20)) {
      expect(logged).not.toContain(row.full_name);
      expect(logged).not.toContain(row.appointment_code);
      if (row.v_number) expect(logged).not.toContain(row.v_number);
    }
  });
});
