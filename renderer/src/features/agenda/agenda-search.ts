/**
 * Finding an appointment in the day: search-as-you-type over name, V-number, appointment code and
 * document number (as recorded in a checklist step), filters by status and service, and what a scan
 * opens. Pure functions over the shown rows, so they run in a test without a screen.
 */
import type { AppointmentStatus, ServiceCode } from '../../../../shared/domain/codes';
import { compareDayAppointments } from '../../../../shared/sync/day';
import { normaliseScannerInput } from '../../../../shared/validation/scanner-input';
import type { LocalAppointment } from '../../db/desk-db';

export interface AgendaFilter {
  readonly query: string;
  readonly status: AppointmentStatus | 'all';
  readonly service: ServiceCode | 'all';
}

/** The day in agenda order (slot, booking, person, one stop shop order), families together. */
export function inAgendaOrder(rows: readonly LocalAppointment[]): LocalAppointment[] {
  return [...rows].sort((a, b) =>
    compareDayAppointments({ ...a, appointmentCode: a.appointmentCode ?? '' }, { ...b, appointmentCode: b.appointmentCode ?? '' }),
  );
}

/** The numbers recorded in this appointment's steps (document numbers, passport numbers…). */
function recordedNumbers(row: LocalAppointment): string[] {
  return Object.values(row.steps).flatMap((step) => (step.value.kind === 'text' ? [normaliseScannerInput(step.value.text)] : []));
}

/** True when the row matches what the clerk typed: part of the name, or of a number or code. */
export function matchesQuery(row: LocalAppointment, query: string): boolean {
  const words = query.trim().toLocaleLowerCase('nl');
  if (words === '') return true;
  if (row.personName.toLocaleLowerCase('nl').includes(words)) return true;
  const code = normaliseScannerInput(query);
  if (code.length < 2) return false;
  return (
    (row.vNumber?.includes(code) ?? false) ||
    (row.appointmentCode !== null && normaliseScannerInput(row.appointmentCode).includes(code)) ||
    recordedNumbers(row).some((number) => number.includes(code))
  );
}

/**
 * The rows the agenda shows: a booking stays whole when any of its rows matches the search, so a
 * family is never torn apart by a search for one of them; the filters then keep matching rows.
 */
export function filterAgenda(rows: readonly LocalAppointment[], filter: AgendaFilter): LocalAppointment[] {
  const matchingBookings = new Set(rows.filter((row) => matchesQuery(row, filter.query)).map((row) => row.bookingId));
  return rows.filter(
    (row) =>
      matchingBookings.has(row.bookingId) &&
      (filter.status === 'all' || row.status === filter.status) &&
      (filter.service === 'all' || row.service === filter.service),
  );
}

/**
 * What a scanned code opens: the booking with this appointment code, or the person with this
 * V-number, or the appointment whose recorded document number it is. Exact matches only: a scan
 * is the whole number.
 */
export function findScanned(rows: readonly LocalAppointment[], scanned: string): LocalAppointment | undefined {
  const code = normaliseScannerInput(scanned);
  if (code === '') return undefined;
  return (
    rows.find((row) => row.appointmentCode !== null && normaliseScannerInput(row.appointmentCode) === code) ??
    rows.find((row) => row.vNumber === code) ??
    rows.find((row) => recordedNumbers(row).includes(code))
  );
}
