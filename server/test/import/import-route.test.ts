import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, amsterdamDateOf } from '../../../shared/domain/calendar-date';
import { importFileErrorSchema, MAX_IMPORT_BYTES } from '../../../shared/sync/import-api';
import type { RunningServer } from '../../src/server';
import { createTestAccount, registerDesk, signIn } from '../support/accounts';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../support/test-databases';
import { startTestServer } from '../support/test-server';
import { EXPORT_COLUMNS, generateExport, toCsv, type ExportRow } from './booking-export';
import { importCsv, postCsv, storedFingerprint } from './import-requests';

const nextWeek = addDays(amsterdamDateOf(new Date()), 7);

describe.each(databaseKindsUnderTest())('the import route on %s', (kind) => {
  let database: TestDatabase;
  let server: RunningServer;
  let adminToken: string;
  const [family] = generateExport({ seed: 'balie-import-family', rows: 3, firstDate: nextWeek, days: 1 });
  const csv = toCsv(generateExport({ seed: 'balie-import-route', rows: 8, firstDate: nextWeek, days: 1 }).flat());

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer(database);
    await createTestAccount(server, 'admin', 'admin', null);
    await createTestAccount(server, 'clerk', 'clerk', 'MAA');
    await createTestAccount(server, 'supervisor', 'supervisor', 'MAA');
    adminToken = await signIn(server, 'admin');
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('only an admin imports: 401 without a session, 403 for a clerk or a supervisor of the location', async () => {
    expect((await postCsv(server, csv)).status).toBe(401);
    const clerkToken = await signIn(server, 'clerk', await registerDesk(server, adminToken, 'MAA', 'MAA-D1'));
    expect((await postCsv(server, csv, { token: clerkToken })).status).toBe(403);
    expect((await postCsv(server, csv, { token: await signIn(server, 'supervisor') })).status).toBe(403);
    expect((await postCsv(server, csv, { token: adminToken })).status).toBe(200);
  });

  it('an unknown location is 404, a malformed one 400, and neither stores anything', async () => {
    const before = await storedFingerprint(server.db);
    expect((await postCsv(server, csv, { token: adminToken, location: 'AMS' })).status).toBe(404);
    expect((await postCsv(server, csv, { token: adminToken, location: 'maastricht' })).status).toBe(400);
    expect(await storedFingerprint(server.db)).toEqual(before);
  });

  it('takes only text/csv, and at most 10 MB of it', async () => {
    expect((await postCsv(server, csv, { token: adminToken, contentType: 'application/octet-stream' })).status).toBe(415);
    expect((await postCsv(server, csv, { token: adminToken, contentType: 'text/plain' })).status).toBe(415);
    const huge = csv + `${'x'.repeat(200)}\n`.repeat(Math.ceil(MAX_IMPORT_BYTES / 201));
    expect((await postCsv(server, huge, { token: adminToken })).status).toBe(413);
  });

  it('refuses a file it cannot read as a whole, with the reasons in Dutch and English', async () => {
    const before = await storedFingerprint(server.db);
    const refusal = async (body: string | Uint8Array) => {
      const response = await postCsv(server, body, { token: adminToken });
      expect(response.status).toBe(400);
      const answer = importFileErrorSchema.parse(await response.json());
      return answer.reasons.map((reason) => reason.code);
    };
    expect(await refusal('')).toEqual(['file-empty']);
    expect(await refusal(csv.replace('v_number;', ''))).toEqual(['file-missing-columns']);
    expect(await refusal(csv.replace('date;', 'date;status;'))).toEqual(['file-repeated-column']);
    expect(await refusal(`${csv}K7P2QX9A;"${nextWeek}\n`)).toEqual(['file-unclosed-quote']);
    // "Seán" written by a Windows-1252 export: á is the single byte 0xE1.
    const latin1 = new Uint8Array([...new TextEncoder().encode(csv.slice(0, -1)), 0x3b, 0x53, 0x65, 0xe1, 0x6e, 0x0a]);
    expect(await refusal(latin1)).toEqual(['file-not-utf8']);
    expect(await storedFingerprint(server.db)).toEqual(before);
  });

  it('imports a comma-separated export with a byte order mark, CRLF and quoted names as written', async () => {
    const rows = family!.map((row, index) => ({ ...row, full_name: ['Silva, Lucas', 'Mariana "Mari" Silva', 'Beatriz Silva;Santos'][index]! }));
    const report = await importCsv(server, adminToken, toCsv(rows, { separator: ',', lineEnd: '\r\n', bom: true }));
    expect(report).toMatchObject({ rows: 3, imported: { bookings: 1, persons: 3 }, badRows: [] });
    const names = await server.db.query<{ full_name: string }>(
      'SELECT p.full_name FROM persons p JOIN bookings b ON b.id = p.booking_id WHERE b.appointment_code = $1 ORDER BY p.position',
      [rows[0]!.appointment_code],
    );
    expect(names.map((name) => name.full_name)).toEqual(['Silva, Lucas', 'Mariana "Mari" Silva', 'Beatriz Silva;Santos']);
  });

  it('refuses a booking whose rows disagree on its date, and takes a repeated person position as a bad row', async () => {
    const [booking, other] = generateExport({ seed: 'balie-import-disagree', rows: 9, firstDate: nextWeek, days: 3 }).slice(1);
    const disagreeing = booking!.map((row, index) => (index === 0 ? { ...row, date: addDays(row.date, 1) } : row));
    const repeated = [...other!, { ...other![0]!, full_name: 'Jonas Müller' }];
    const report = await importCsv(server, adminToken, toCsv([...disagreeing, ...repeated]));
    expect(report.refusedBookings).toEqual([
      { appointmentCode: booking![0]!.appointment_code, lines: booking!.map((_, index) => index + 2), reasons: [expect.objectContaining({ code: 'rows-disagree-date' })] },
    ]);
    expect(report.badRows).toEqual([
      expect.objectContaining({ line: disagreeing.length + repeated.length + 1, booking: 'without-this-row', reasons: [expect.objectContaining({ code: 'person-position-taken' })] }),
    ]);
    expect(report.imported.persons).toBe(other!.length);
  });

  it('names every problem of a bad row, and reads the header in any order and case', async () => {
    const columns = [...EXPORT_COLUMNS].reverse();
    const header = columns.map((column) => column.toUpperCase()).join(';');
    const row = { ...family![0]!, appointment_code: 'K7-P2', v_number: 'V123AL568', nationality_category: 'martian', status: 'maybe' };
    const body = `${header}\n${columns.map((column) => row[column]).join(';')}\n`;
    const report = await importCsv(server, adminToken, body);
    expect(report.badRows).toEqual([
      {
        line: 2,
        appointmentCode: null,
        booking: 'not-imported',
        reasons: ['appointment-code-format', 'status-unknown', 'nationality-category-unknown', 'v-number-looks-like-document-number'].map((code) =>
          expect.objectContaining({ code }),
        ),
      },
    ]);
  });

  it('answers damaged exports with a report or a refusal, never a server error', async () => {
    const template = family![0]!;
    const damage = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom('', '"', '""', ';', ',', '\r\n', '\u0000', 'Mei\u0000Chen', 'BIO+', '2027-02-29', '99:99', '7', '0', 'cancelled'),
    );
    const row = fc.record(Object.fromEntries(EXPORT_COLUMNS.map((column) => [column, fc.oneof(fc.constant(template[column]), damage)])) as Record<keyof ExportRow, fc.Arbitrary<string>>);
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 4 }), fc.boolean(), async (rows, quoted) => {
        // Quoted as an export would be, or the damage written raw into the lines.
        const body = quoted ? toCsv(rows) : [EXPORT_COLUMNS.join(';'), ...rows.map((written) => EXPORT_COLUMNS.map((column) => written[column]).join(';'))].join('\n');
        const response = await postCsv(server, body, { token: adminToken });
        expect([200, 400], await response.text()).toContain(response.status);
      }),
      { numRuns: 150 },
    );
  });
});
