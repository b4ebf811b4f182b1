/**
 * Imports the municipality's BSN days (shared/fast-track/bsn-import-api.ts): each row is matched
 * to the completed BRP registration of the person with that date of birth in the booking with that
 * appointment code, at the location. Good rows are recorded in one transaction; a bad row is left
 * out with its reasons and never stops the others. Walk-ins have no booked person to match: the
 * municipality records those one by one on the follow-up list.
 */
import { createHash } from 'node:crypto';
import { BSN_IMPORT_COLUMNS, type BsnImportReport } from '../../../shared/fast-track/bsn-import-api';
import { isCalendarDate } from '../../../shared/domain/calendar-date';
import { domainError, type DomainError } from '../../../shared/domain/messages';
import { validateAppointmentCode } from '../../../shared/validation/identifiers';
import { MAX_IMPORT_BYTES } from '../../../shared/sync/import-api';
import type { Database, Queryable } from '../db/database';
import { parseCsv, type CsvRecord } from '../import/csv';
import { decodeUtf8 } from '../import/import-appointments';
import { fileReasons, rowReasons } from '../import/import-reasons';
import { recordAudit } from '../repositories/audit';
import { storeBsnDay } from './record-completion';

const reasons = {
  bsnColumn: () =>
    domainError('file-has-bsn', 'Het bestand bevat een kolom met BSN\'s; Balie bewaart alleen de datum. Verwijder de kolom.', 'The file has a column of BSNs; Balie keeps the date only. Remove the column.'),
  dateOfBirthInvalid: () => domainError('date-of-birth-invalid', 'De geboortedatum is geen datum in de vorm JJJJ-MM-DD.', 'The date of birth is not a date written as YYYY-MM-DD.'),
  bsnDayInvalid: () => domainError('bsn-day-invalid', 'De BSN-datum is geen datum in de vorm JJJJ-MM-DD.', 'The BSN day is not a date written as YYYY-MM-DD.'),
  noRegistration: () =>
    domainError('no-registration', 'Geen afgeronde BRP-inschrijving van iemand met deze geboortedatum in deze afspraak.', 'No completed BRP registration of a person with this date of birth in this booking.'),
  ambiguous: () =>
    domainError('registration-ambiguous', 'Twee personen van deze afspraak hebben deze geboortedatum; leg de datum vast in de lijst.', 'Two persons of this booking share this date of birth; record the day on the follow-up list.'),
  outOfRange: (registeredOn: string, today: string) =>
    domainError('bsn-day-out-of-range', `De BSN-datum ligt niet tussen de inschrijving (${registeredOn}) en vandaag (${today}).`, `The BSN day is not between the registration (${registeredOn}) and today (${today}).`),
};

export type BsnImportResult = { ok: true; report: BsnImportReport } | { ok: false; reasons: DomainError[] };

interface Row {
  line: number;
  appointmentCode: string | null;
  /** The code as written (trimmed, upper case): stored codes may keep the dash the normal form drops. */
  writtenCode: string;
  dateOfBirth: string;
  bsnIssuedOn: string;
}

export async function importBsnDays(
  db: Database,
  request: { locationId: string; file: Uint8Array; today: string; accountId: string },
): Promise<BsnImportResult> {
  if (request.file.byteLength > MAX_IMPORT_BYTES) return { ok: false, reasons: [fileReasons.tooLarge(MAX_IMPORT_BYTES)] };
  const text = decodeUtf8(request.file);
  if (text === null) return { ok: false, reasons: [fileReasons.notUtf8()] };
  const csv = parseCsv(text);
  if (!csv.ok) return { ok: false, reasons: [fileReasons.unclosedQuote(csv.unclosedQuoteLine)] };
  const [header, ...records] = csv.records;
  if (!header) return { ok: false, reasons: [fileReasons.empty()] };
  const names = header.fields.map((field) => field.trim().toLowerCase());
  if (names.some((name) => name === 'bsn' || name === 'burgerservicenummer')) return { ok: false, reasons: [reasons.bsnColumn()] };
  const missing = BSN_IMPORT_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0) return { ok: false, reasons: [fileReasons.missingColumns(missing)] };

  const badRows: BsnImportReport['badRows'] = [];
  const rows: Row[] = [];
  for (const record of records) {
    const read = readRow(record, names);
    if ('reasons' in read) badRows.push(read);
    else rows.push(read);
  }
  const report = await db.transaction(async (tx) => {
    let recorded = 0;
    let unchanged = 0;
    for (const row of rows) {
      const outcome = await recordRow(tx, request, row);
      if (outcome === 'recorded') recorded += 1;
      else if (outcome === 'unchanged') unchanged += 1;
      else badRows.push({ line: row.line, appointmentCode: row.appointmentCode, reasons: [outcome] });
    }
    // Counts and a fingerprint only: the file itself is personal data.
    await recordAudit(tx, {
      accountId: request.accountId,
      deviceId: null,
      action: 'fast-track-bsn-import',
      detail: { locationId: request.locationId, rows: records.length, recorded, unchanged, sha256: createHash('sha256').update(request.file).digest('hex') },
    });
    return { locationId: request.locationId, rows: records.length, recorded, unchanged, badRows: badRows.sort((a, b) => a.line - b.line) };
  });
  return { ok: true, report };
}

function readRow(record: CsvRecord, names: readonly string[]): Row | BsnImportReport['badRows'][number] {
  const cell = (column: (typeof BSN_IMPORT_COLUMNS)[number]) => (record.fields[names.indexOf(column)] ?? '').trim();
  const code = cell('appointment_code') === '' ? null : validateAppointmentCode(cell('appointment_code'));
  const appointmentCode = code?.ok ? code.value : null;
  if (record.fields.length !== names.length) {
    return { line: record.line, appointmentCode, reasons: [rowReasons.fieldCount(record.fields.length, names.length)] };
  }
  const problems: DomainError[] = [];
  if (code === null) problems.push(rowReasons.appointmentCodeMissing());
  else if (!code.ok) problems.push(code.error);
  if (!isCalendarDate(cell('date_of_birth'))) problems.push(reasons.dateOfBirthInvalid());
  if (!isCalendarDate(cell('bsn_issued_on'))) problems.push(reasons.bsnDayInvalid());
  if (problems.length > 0) return { line: record.line, appointmentCode, reasons: problems };
  return { line: record.line, appointmentCode, writtenCode: cell('appointment_code').toUpperCase(), dateOfBirth: cell('date_of_birth'), bsnIssuedOn: cell('bsn_issued_on') };
}

async function recordRow(tx: Queryable, request: { locationId: string; today: string; accountId: string }, row: Row): Promise<'recorded' | 'unchanged' | DomainError> {
  const matches = await tx.query<{ appointment_id: string; registered_on: string; bsn_issued_on: string | null }>(
    `SELECT st.appointment_id, to_char(st.day, 'YYYY-MM-DD') AS registered_on, to_char(c.bsn_issued_on, 'YYYY-MM-DD') AS bsn_issued_on
       FROM bookings b
       JOIN persons p ON p.booking_id = b.id AND p.date_of_birth = $3::date
       JOIN appointment_states st ON st.state->>'personId' = p.id AND st.state->>'service' = 'BRP' AND st.state->>'status' = 'completed'
       LEFT JOIN fast_track_completions c ON c.appointment_id = st.appointment_id
      WHERE b.location_id = $1 AND b.appointment_code IN ($2, $4)`,
    [request.locationId, row.appointmentCode, row.dateOfBirth, row.writtenCode],
  );
  const [match] = matches;
  if (!match) return reasons.noRegistration();
  if (matches.length > 1) return reasons.ambiguous();
  if (row.bsnIssuedOn < match.registered_on || row.bsnIssuedOn > request.today) return reasons.outOfRange(match.registered_on, request.today);
  if (match.bsn_issued_on === row.bsnIssuedOn) return 'unchanged';
  await storeBsnDay(tx, { appointmentId: match.appointment_id, locationId: request.locationId, bsnIssuedOn: row.bsnIssuedOn, accountId: request.accountId });
  return 'recorded';
}
