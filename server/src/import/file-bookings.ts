/**
 * From the export's text to the bookings it describes: rows are read one by one, bad rows are set
 * aside, and the good rows are grouped by appointment code into bookings. A booking whose good rows
 * disagree on what is the booking's (date, time, services, status) is refused as a whole: which
 * row is right cannot be told.
 */
import type { ServiceCode } from '../../../shared/domain/codes';
import type { DomainError } from '../../../shared/domain/messages';
import type { Sponsor } from '../../../shared/domain/model';
import { readHeader, readRow, type AppointmentRow, type RowProblem } from './appointment-rows';
import { parseCsv } from './csv';
import { bookingReasons, fileReasons, rowReasons } from './import-reasons';

/** A person of a booking as the file lists them. */
export type FilePerson = Pick<AppointmentRow, 'line' | 'position' | 'fullName' | 'dateOfBirth' | 'nationalityCategory' | 'vNumber' | 'clientCategory'>;

/** A booking as the file describes it, from its good rows. */
export interface FileBooking {
  readonly appointmentCode: string;
  readonly date: string;
  readonly slotStart: string;
  readonly services: readonly ServiceCode[];
  readonly status: 'booked' | 'cancelled';
  /** The booking's sponsor (every row names the same one); null when none. */
  readonly sponsor: Sponsor | null;
  /** By position. */
  readonly persons: readonly FilePerson[];
  readonly lines: readonly number[];
}

/** A booking left out as a whole, with the lines of its good rows. */
export interface BookingProblem {
  readonly appointmentCode: string;
  readonly lines: readonly number[];
  readonly reasons: readonly DomainError[];
}

export interface ReadFile {
  readonly rows: number;
  readonly bookings: readonly FileBooking[];
  readonly badRows: readonly RowProblem[];
  readonly refusedBookings: readonly BookingProblem[];
}

/** Reads the whole export; fails only when the file as a whole cannot be read. */
export function readExport(text: string): { ok: true; file: ReadFile } | { ok: false; reasons: DomainError[] } {
  const csv = parseCsv(text);
  if (!csv.ok) return { ok: false, reasons: [fileReasons.unclosedQuote(csv.unclosedQuoteLine)] };
  const [header, ...records] = csv.records;
  if (!header) return { ok: false, reasons: [fileReasons.empty()] };
  const heading = readHeader(header.fields);
  if (!heading.ok) return heading;
  const badRows: RowProblem[] = [];
  const rowsByCode = new Map<string, AppointmentRow[]>();
  for (const record of records) {
    const read = readRow(record, heading.columns, header.fields.length);
    if (!read.ok) {
      badRows.push(read.problem);
      continue;
    }
    const group = rowsByCode.get(read.row.appointmentCode);
    if (group) group.push(read.row);
    else rowsByCode.set(read.row.appointmentCode, [read.row]);
  }
  const bookings: FileBooking[] = [];
  const refusedBookings: BookingProblem[] = [];
  for (const [appointmentCode, rows] of rowsByCode) {
    const disagreements = disagreementsOf(rows);
    if (disagreements.length > 0) {
      refusedBookings.push({ appointmentCode, lines: rows.map((row) => row.line), reasons: disagreements });
      continue;
    }
    bookings.push(bookingOf(rows, badRows));
  }
  badRows.sort((a, b) => a.line - b.line);
  return { ok: true, file: { rows: records.length, bookings, badRows, refusedBookings } };
}

function disagreementsOf(rows: readonly AppointmentRow[]): DomainError[] {
  const first = rows[0]!;
  const fields = [
    ['date', (row: AppointmentRow) => row.date],
    ['time', (row: AppointmentRow) => row.slotStart],
    ['services', (row: AppointmentRow) => row.services.join('+')],
    ['status', (row: AppointmentRow) => row.status],
    ['sponsor', (row: AppointmentRow) => sponsorKey(row.sponsor)],
  ] as const;
  return fields
    .filter(([, valueOf]) => rows.some((row) => valueOf(row) !== valueOf(first)))
    .map(([field]) => bookingReasons.rowsDisagree(field));
}

/** One text per sponsor, so two rows naming the same sponsor compare equal. */
export function sponsorKey(sponsor: Sponsor | null): string {
  return sponsor === null ? '' : JSON.stringify([sponsor.name, sponsor.recognised, sponsor.kvkNumber]);
}

/** The booking of agreeing rows; a second row for a taken position is a bad row of its own. */
function bookingOf(rows: readonly AppointmentRow[], badRows: RowProblem[]): FileBooking {
  const first = rows[0]!;
  const byPosition = new Map<number, AppointmentRow>();
  for (const row of rows) {
    const taken = byPosition.get(row.position);
    if (taken) badRows.push({ line: row.line, appointmentCode: row.appointmentCode, reasons: [rowReasons.positionTaken(taken.line)] });
    else byPosition.set(row.position, row);
  }
  const persons = [...byPosition.values()]
    .sort((a, b) => a.position - b.position)
    .map(({ line, position, fullName, dateOfBirth, nationalityCategory, vNumber, clientCategory }) => ({
      line,
      position,
      fullName,
      dateOfBirth,
      nationalityCategory,
      vNumber,
      clientCategory,
    }));
  return {
    appointmentCode: first.appointmentCode,
    date: first.date,
    slotStart: first.slotStart,
    services: first.services,
    status: first.status,
    sponsor: first.sponsor,
    persons,
    lines: persons.map((person) => person.line),
  };
}
