/**
 * One row of the booking system's export: one person of one booking (docs/import.md). Each row is
 * checked on its own here; what concerns several rows of a booking is checked in file-bookings.ts.
 */
import { isCalendarDate } from '../../../shared/domain/calendar-date';
import {
  CLIENT_CATEGORIES,
  NATIONALITY_CATEGORIES,
  SERVICE_CODES,
  type ClientCategory,
  type NationalityCategory,
  type ServiceCode,
} from '../../../shared/domain/codes';
import type { Sponsor } from '../../../shared/domain/model';
import type { DomainError } from '../../../shared/domain/messages';
import { validateAppointmentCode, validateVNumber } from '../../../shared/validation/identifiers';
import type { CsvRecord } from './csv';
import { fileReasons, rowReasons } from './import-reasons';

/** The columns of the export, in the order the booking system writes them (any order is read). */
export const IMPORT_COLUMNS = [
  'appointment_code',
  'date',
  'time',
  'services',
  'person_position',
  'full_name',
  'date_of_birth',
  'nationality_category',
  'v_number',
  'status',
] as const;

/**
 * Columns a newer export adds (issue #10). A file without them still imports: its persons have no
 * known client category and its bookings no sponsor.
 */
export const OPTIONAL_IMPORT_COLUMNS = ['client_category', 'sponsor_name', 'sponsor_recognised', 'sponsor_kvk'] as const;
type Column = (typeof IMPORT_COLUMNS)[number] | (typeof OPTIONAL_IMPORT_COLUMNS)[number];

/** Where each column is in a row; -1 for an optional column the file does not have. */
export type ColumnIndex = Readonly<Record<Column, number>>;

/** A row that passed every check of its own. */
export interface AppointmentRow {
  readonly line: number;
  readonly appointmentCode: string;
  readonly date: string;
  readonly slotStart: string;
  /** In the order of SERVICE_CODES, so two rows naming the same services compare equal. */
  readonly services: readonly ServiceCode[];
  readonly status: 'booked' | 'cancelled';
  readonly position: number;
  readonly fullName: string;
  readonly dateOfBirth: string;
  readonly nationalityCategory: NationalityCategory;
  readonly vNumber: string | null;
  /** Null when the file does not say (no column, or an empty cell). */
  readonly clientCategory: ClientCategory | null;
  /** The booking's sponsor as this row names it; null when none. */
  readonly sponsor: Sponsor | null;
}

/** A row left out, before the import knows what became of the rest of its booking. */
export interface RowProblem {
  readonly line: number;
  /** The canonical code when it was valid, so the row can be reported with its booking. */
  readonly appointmentCode: string | null;
  readonly reasons: readonly DomainError[];
}

/** Finds the columns by name (case and spaces ignored); extra columns are ignored. */
export function readHeader(fields: readonly string[]): { ok: true; columns: ColumnIndex } | { ok: false; reasons: DomainError[] } {
  const names = fields.map((field) => field.trim().toLowerCase());
  const repeated = names.find((name, index) => name !== '' && names.indexOf(name) !== index);
  if (repeated !== undefined) return { ok: false, reasons: [fileReasons.repeatedColumn(repeated)] };
  const missing = IMPORT_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0) return { ok: false, reasons: [fileReasons.missingColumns(missing)] };
  const columns = Object.fromEntries(
    [...IMPORT_COLUMNS, ...OPTIONAL_IMPORT_COLUMNS].map((column) => [column, names.indexOf(column)]),
  ) as Record<Column, number>;
  return { ok: true, columns };
}

/** Checks one data row; every problem of the row is reported, not just the first. */
export function readRow(record: CsvRecord, columns: ColumnIndex, headerLength: number): { ok: true; row: AppointmentRow } | { ok: false; problem: RowProblem } {
  const cell = (column: Column) => (record.fields[columns[column]] ?? '').trim();
  const code = cell('appointment_code') === '' ? null : validateAppointmentCode(cell('appointment_code'));
  const appointmentCode = code?.ok ? code.value : null;
  if (record.fields.length !== headerLength) {
    return { ok: false, problem: { line: record.line, appointmentCode, reasons: [rowReasons.fieldCount(record.fields.length, headerLength)] } };
  }
  const reasons: DomainError[] = [];
  if (code === null) reasons.push(rowReasons.appointmentCodeMissing());
  else if (!code.ok) reasons.push(code.error);
  const date = cell('date');
  if (!isCalendarDate(date)) reasons.push(rowReasons.dateInvalid());
  const slotStart = cell('time');
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(slotStart)) reasons.push(rowReasons.timeInvalid());
  const services = readServices(cell('services'), reasons);
  const status = readStatus(cell('status'), reasons);
  const person = readPerson(cell, date, reasons);
  const sponsor = readSponsor(cell, reasons);
  if (reasons.length > 0 || appointmentCode === null || services === null || status === null || person === null || sponsor === undefined) {
    return { ok: false, problem: { line: record.line, appointmentCode, reasons } };
  }
  return { ok: true, row: { line: record.line, appointmentCode, date, slotStart, services, status, ...person, sponsor } };
}

/** `BIO+BRP+INFO`: one or more services, each once. */
function readServices(written: string, reasons: DomainError[]): ServiceCode[] | null {
  const names = written.split('+').map((name) => name.trim().toUpperCase()).filter((name) => name !== '');
  if (names.length === 0) {
    reasons.push(rowReasons.servicesMissing());
    return null;
  }
  const unknown = names.find((name) => !(SERVICE_CODES as readonly string[]).includes(name));
  if (unknown !== undefined) {
    reasons.push(rowReasons.serviceUnknown(unknown));
    return null;
  }
  if (new Set(names).size !== names.length) {
    reasons.push(rowReasons.serviceRepeated());
    return null;
  }
  return SERVICE_CODES.filter((service) => names.includes(service));
}

function readStatus(written: string, reasons: DomainError[]): AppointmentRow['status'] | null {
  const status = written.toLowerCase();
  if (status === 'booked' || status === 'cancelled') return status;
  reasons.push(rowReasons.statusUnknown());
  return null;
}

type PersonFields = Pick<AppointmentRow, 'position' | 'fullName' | 'dateOfBirth' | 'nationalityCategory' | 'vNumber' | 'clientCategory'>;

function readPerson(cell: (column: Column) => string, appointmentDate: string, reasons: DomainError[]): PersonFields | null {
  const before = reasons.length;
  const positionText = cell('person_position');
  const position = /^\d{1,3}$/.test(positionText) ? Number(positionText) : 0;
  if (position < 1) reasons.push(rowReasons.positionInvalid());
  else if (position > 6) reasons.push(rowReasons.tooManyPersons(position));
  // Inner runs of spaces are an export artefact; the desk shows and searches the name as one line.
  const fullName = cell('full_name').replace(/\s+/g, ' ');
  if (fullName === '') reasons.push(rowReasons.nameMissing());
  // PostgreSQL cannot store NUL, and no name holds a tab or an escape: a damaged export.
  else if (/[\p{Cc}]/u.test(fullName)) reasons.push(rowReasons.nameControlCharacters());
  else if (fullName.length > 200) reasons.push(rowReasons.nameTooLong());
  const dateOfBirth = cell('date_of_birth');
  if (!isCalendarDate(dateOfBirth)) reasons.push(rowReasons.dateOfBirthInvalid());
  else if (isCalendarDate(appointmentDate) && dateOfBirth > appointmentDate) reasons.push(rowReasons.bornAfterAppointment());
  const category = cell('nationality_category').toLowerCase();
  const nationalityCategory = NATIONALITY_CATEGORIES.find((known) => known === category);
  if (nationalityCategory === undefined) reasons.push(rowReasons.nationalityCategoryUnknown());
  // Not everyone has a V-number yet (a first application, the municipality's or the Expat Centre's clients).
  const vNumber = cell('v_number') === '' ? null : validateVNumber(cell('v_number'));
  if (vNumber && !vNumber.ok) reasons.push(vNumber.error);
  const clientCategoryText = cell('client_category').toLowerCase();
  const clientCategory = clientCategoryText === '' ? null : CLIENT_CATEGORIES.find((known) => known === clientCategoryText);
  if (clientCategory === undefined) reasons.push(rowReasons.clientCategoryUnknown());
  if (reasons.length > before || nationalityCategory === undefined || clientCategory === undefined) return null;
  return { position, fullName, dateOfBirth, nationalityCategory, vNumber: vNumber?.ok ? vNumber.value : null, clientCategory };
}

/** Both languages' words for the recognised column, as the booking system or a hand-made file writes them. */
const RECOGNISED: Readonly<Record<string, boolean>> = { yes: true, ja: true, true: true, no: false, nee: false, false: false };

/**
 * The sponsor columns: all empty is no sponsor (null); a name asks for recognised yes/no and takes
 * an optional 8-digit KvK number. `undefined` when something is wrong (the reasons say what).
 */
function readSponsor(cell: (column: Column) => string, reasons: DomainError[]): Sponsor | null | undefined {
  const name = cell('sponsor_name').replace(/\s+/g, ' ');
  const recognisedText = cell('sponsor_recognised').toLowerCase();
  const kvkText = cell('sponsor_kvk');
  if (name === '') {
    if (recognisedText === '' && kvkText === '') return null;
    reasons.push(rowReasons.sponsorNameMissing());
    return undefined;
  }
  const before = reasons.length;
  if (/[\p{Cc}]/u.test(name)) reasons.push(rowReasons.sponsorNameControlCharacters());
  else if (name.length > 200) reasons.push(rowReasons.sponsorNameTooLong());
  const recognised = RECOGNISED[recognisedText];
  if (recognised === undefined) reasons.push(rowReasons.sponsorRecognisedInvalid());
  // KvK numbers are 8 digits; spaces or dots between groups are how people write them.
  const kvkNumber = kvkText.replace(/[\s.]/g, '');
  if (kvkNumber !== '' && !/^\d{8}$/.test(kvkNumber)) reasons.push(rowReasons.sponsorKvkInvalid());
  if (reasons.length > before || recognised === undefined) return undefined;
  return { name, recognised, kvkNumber: kvkNumber === '' ? null : kvkNumber };
}
