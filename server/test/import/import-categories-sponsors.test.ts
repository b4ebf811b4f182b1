import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, amsterdamDateOf } from '../../../shared/domain/calendar-date';
import { dayResponseSchema, type DayAppointment } from '../../../shared/sync/day';
import type { RunningServer } from '../../src/server';
import { createTestAccount, signIn } from '../support/accounts';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../support/test-databases';
import { startTestServer } from '../support/test-server';
import { EXPORT_COLUMNS, generateExport, toCsv, type ExportRow } from './booking-export';
import { importCsv, postCsv, storedFingerprint } from './import-requests';

const inTwoWeeks = addDays(amsterdamDateOf(new Date()), 14);

/** A row of a newer export: the old columns plus the client category and the sponsor (docs/import.md). */
type NewerRow = ExportRow & { client_category: string; sponsor_name: string; sponsor_recognised: string; sponsor_kvk: string };
const NEWER_COLUMNS = [...EXPORT_COLUMNS, 'client_category', 'sponsor_name', 'sponsor_recognised', 'sponsor_kvk'] as const;
const noSponsor = { sponsor_name: '', sponsor_recognised: '', sponsor_kvk: '' };
const maasPhotonics = { sponsor_name: 'Maas Photonics B.V.', sponsor_recognised: 'yes', sponsor_kvk: '12 34 56 78' };

function newerCsv(rows: readonly NewerRow[]): string {
  const quote = (value: string) => (/[";\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return `${[NEWER_COLUMNS.join(';'), ...rows.map((row) => NEWER_COLUMNS.map((column) => quote(row[column])).join(';'))].join('\n')}\n`;
}

describe.each(databaseKindsUnderTest())('client categories and sponsors in the import on %s', (kind) => {
  let database: TestDatabase;
  let server: RunningServer;
  let adminToken: string;
  let supervisorToken: string;
  const [family, single, oldStyle] = generateExport({ seed: 'balie-import-sponsors', rows: 10, firstDate: inTwoWeeks, days: 1 });
  // The first booking of an export is a family of six; the second (one to four persons) is ours.
  const [, other] = generateExport({ seed: 'balie-import-sponsors-bad', rows: 8, firstDate: inTwoWeeks, days: 1 });
  const categories = ['knowledge-migrant', 'family-member', 'family-member', 'family-member', 'family-member', 'family-member'];
  const familyRows: NewerRow[] = family!.map((row, index) => ({ ...row, client_category: categories[index]!, ...maasPhotonics }));
  // A student without a sponsor, and a category written in capitals as a hand-made file might.
  const singleRows: NewerRow[] = single!.map((row) => ({ ...row, client_category: 'STUDENT', ...noSponsor }));
  const file = newerCsv([...familyRows, ...singleRows]);

  const dayOf = async (date: string): Promise<DayAppointment[]> => {
    const response = await fetch(`${server.url}/api/v1/appointments?date=${date}&location=MAA`, {
      headers: { authorization: `Bearer ${supervisorToken}` },
    });
    expect(response.status).toBe(200);
    return dayResponseSchema.parse(await response.json()).appointments;
  };
  const ofBooking = (appointments: DayAppointment[], rows: readonly ExportRow[]) =>
    appointments.filter((appointment) => appointment.appointmentCode === rows[0]!.appointment_code);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer(database);
    await createTestAccount(server, 'admin', 'admin', null);
    await createTestAccount(server, 'supervisor', 'supervisor', 'MAA');
    adminToken = await signIn(server, 'admin');
    supervisorToken = await signIn(server, 'supervisor');
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it("stores each person's category and the booking's sponsor, and the day route carries them", async () => {
    const report = await importCsv(server, adminToken, file);
    expect(report).toMatchObject({ imported: { bookings: 2, persons: family!.length + single!.length }, badRows: [], refusedBookings: [] });
    const day = await dayOf(inTwoWeeks);
    const familyDay = ofBooking(day, family!);
    expect(familyDay.length).toBeGreaterThanOrEqual(family!.length);
    for (const appointment of familyDay) {
      const position = Number(appointment.personId.split('-P').at(-1));
      expect(appointment.clientCategory).toBe(categories[position - 1]);
      // The KvK number as written with spaces is stored as its 8 digits.
      expect(appointment.sponsor).toEqual({ name: 'Maas Photonics B.V.', recognised: true, kvkNumber: '12345678' });
    }
    const singleDay = ofBooking(day, single!);
    expect(singleDay.length).toBeGreaterThan(0);
    expect(singleDay.every((appointment) => appointment.clientCategory === 'student' && appointment.sponsor === null)).toBe(true);
  });

  it('a re-import of the same file changes nothing', async () => {
    const before = await storedFingerprint(server.db);
    const report = await importCsv(server, adminToken, file);
    expect(report).toMatchObject({ imported: { bookings: 0, persons: 0 }, unchanged: 2, badRows: [], refusedBookings: [] });
    expect(await storedFingerprint(server.db)).toEqual(before);
  });

  it('refuses a re-import that names another sponsor or category, and keeps what was stored', async () => {
    const before = await storedFingerprint(server.db);
    const otherSponsor = familyRows.map((row) => ({ ...row, sponsor_recognised: 'no' }));
    const otherCategory = singleRows.map((row) => ({ ...row, client_category: 'researcher' }));
    const report = await importCsv(server, adminToken, newerCsv([...otherSponsor, ...otherCategory]));
    expect(report.refusedBookings.map((refused) => [refused.appointmentCode, refused.reasons[0]!.code])).toEqual([
      [family![0]!.appointment_code, 'booking-differs'],
      [single![0]!.appointment_code, 'booking-differs'],
    ]);
    expect(await storedFingerprint(server.db)).toEqual(before);
  });

  it('lists bad category and sponsor values with their reasons in Dutch and English, and imports nothing of them', async () => {
    const before = await storedFingerprint(server.db);
    const base: NewerRow = { ...other![0]!, person_position: '1', client_category: '', ...noSponsor };
    const bad: NewerRow[] = [
      { ...base, client_category: 'tourist' },
      { ...base, appointment_code: 'BADSP0N1', ...maasPhotonics, sponsor_recognised: 'maybe', sponsor_kvk: '1234' },
      { ...base, appointment_code: 'BADSP0N2', sponsor_recognised: 'yes' },
      { ...base, appointment_code: 'BADSP0N3', sponsor_name: 'Maas\u0007Photonics', sponsor_recognised: 'no' },
    ];
    const report = await importCsv(server, adminToken, newerCsv(bad));
    expect(report.badRows.map((row) => [row.line, row.booking, row.reasons.map((reason) => reason.code)])).toEqual([
      [2, 'not-imported', ['client-category-unknown']],
      [3, 'not-imported', ['sponsor-recognised-invalid', 'sponsor-kvk-invalid']],
      [4, 'not-imported', ['sponsor-name-missing']],
      [5, 'not-imported', ['sponsor-name-control-characters']],
    ]);
    for (const reason of report.badRows.flatMap((row) => row.reasons)) {
      expect(reason.message.nl).not.toBe(reason.message.en);
      expect(reason.message.en.length).toBeGreaterThan(10);
    }
    expect(await storedFingerprint(server.db)).toEqual(before);
  });

  it('refuses a booking whose rows name different sponsors: which one is right cannot be told', async () => {
    const rows: NewerRow[] = [
      { ...other![0]!, person_position: '1', client_category: 'researcher', ...maasPhotonics },
      { ...other![0]!, person_position: '2', full_name: 'Noor Maas', client_category: 'family-member', ...noSponsor },
    ];
    const report = await importCsv(server, adminToken, newerCsv(rows));
    expect(report.refusedBookings).toEqual([
      { appointmentCode: other![0]!.appointment_code, lines: [2, 3], reasons: [expect.objectContaining({ code: 'rows-disagree-sponsor' })] },
    ]);
  });

  it('an export without the new columns still imports: category unknown, no sponsor', async () => {
    const report = await importCsv(server, adminToken, toCsv(oldStyle!));
    expect(report).toMatchObject({ imported: { bookings: 1, persons: oldStyle!.length }, badRows: [] });
    const appointments = ofBooking(await dayOf(inTwoWeeks), oldStyle!);
    expect(appointments.length).toBeGreaterThan(0);
    expect(appointments.every((appointment) => appointment.clientCategory === null && appointment.sponsor === null)).toBe(true);
  });

  it('a newer export fills in the category and sponsor of a booking imported before them, once', async () => {
    const newer: NewerRow[] = oldStyle!.map((row) => ({ ...row, client_category: 'start-up', ...maasPhotonics, sponsor_recognised: 'nee', sponsor_kvk: '' }));
    const report = await importCsv(server, adminToken, newerCsv(newer));
    expect(report).toMatchObject({ imported: { bookings: 0, persons: 0 }, unchanged: 0, filledIn: 1, badRows: [], refusedBookings: [] });
    const appointments = ofBooking(await dayOf(inTwoWeeks), oldStyle!);
    expect(appointments.every((appointment) => appointment.clientCategory === 'start-up')).toBe(true);
    expect(appointments.every((appointment) => appointment.sponsor?.name === 'Maas Photonics B.V.' && !appointment.sponsor.recognised)).toBe(true);
    // The same newer file again, and the old export again (it says nothing about them): nothing changes.
    const before = await storedFingerprint(server.db);
    expect(await importCsv(server, adminToken, newerCsv(newer))).toMatchObject({ unchanged: 1, filledIn: 0, refusedBookings: [] });
    expect(await importCsv(server, adminToken, toCsv(oldStyle!))).toMatchObject({ unchanged: 1, filledIn: 0, refusedBookings: [] });
    expect(await storedFingerprint(server.db)).toEqual(before);
  });

  it('answers damaged category and sponsor cells with a report, never a server error', async () => {
    const template: NewerRow = { ...other![0]!, person_position: '1', client_category: 'student', ...maasPhotonics };
    const damage = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom('', ' ', 'Yes', 'JA', 'null', '0', '123456789', '1234.5678', 'Start-Up', 'x'.repeat(201), 'Maas\u0000B.V.'),
    );
    const newColumns = ['client_category', 'sponsor_name', 'sponsor_recognised', 'sponsor_kvk'] as const;
    const row = fc.record(Object.fromEntries(newColumns.map((column) => [column, fc.oneof(fc.constant(template[column]), damage)])) as Record<(typeof newColumns)[number], fc.Arbitrary<string>>);
    await fc.assert(
      fc.asyncProperty(row, async (cells) => {
        const response = await postCsv(server, newerCsv([{ ...template, ...cells }]), { token: adminToken });
        expect([200, 400], await response.text()).toContain(response.status);
      }),
      { numRuns: 100 },
    );
  });
});
