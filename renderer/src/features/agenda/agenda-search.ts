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

/**
 * The day in agenda order (slot, booking, person, one stop shop order), families together. A
 * person added at the desk takes their booking's slot here, after the booked persons, so the
 * family stays one group.
 */
export function inAgendaOrder(rows: readonly LocalAppointment[]): LocalAppointment[] {
  const bookingSlots = new Map<string, string>();
  for (const row of rows) {
    if (row.walkIn) continue;
    const slot = bookingSlots.get(row.bookingId);
    if (slot === undefined || row.slotStart < slot) bookingSlots.set(row.bookingId, row.slotStart);
  }
  // Each row's sort key is made once (not in every comparison: a day may hold 10,000 rows).
  const keyed = rows.map((row) => ({
    ...row,
    slotStart: bookingSlots.get(row.bookingId) ?? row.slotStart,
    appointmentCode: row.appointmentCode ?? '',
    // Within the family, the persons who were booked come first, then those added at the desk.
    personId: `${row.walkIn && bookingSlots.has(row.bookingId) ? '\uffff' : ''}${row.personId}`,
    row,
  }));
  return keyed.sort(compareDayAppointments).map((entry) => entry.row);
}

/** The numbers recorded in this appointment's steps (document numbers, passport numbers…). */
function recordedNumbers(row: LocalAppointment): string[] {
  return Object.values(row.steps).flatMap((step) => (step.value.kind === 'text' ? [normaliseScannerInput(step.value.text)] : []));
}

/** One row with its searchable texts prepared once, so a keystroke on a long day only compares. */
export interface SearchableRow {
  readonly row: LocalAppointment;
  readonly name: string;
  readonly code: string;
  readonly numbers: readonly string[];
}

export function searchable(rows: readonly LocalAppointment[]): SearchableRow[] {
  return rows.map((row) => ({
    row,
    name: row.personName.toLocaleLowerCase('nl'),
    code: row.appointmentCode === null ? '' : normaliseScannerInput(row.appointmentCode),
    numbers: [...(row.vNumber ? [row.vNumber] : []), ...recordedNumbers(row)],
  }));
}

/** A matcher for what the clerk typed: part of the name, or of a number or code. */
function queryMatcher(query: string): (entry: SearchableRow) => boolean {
  const words = query.trim().toLocaleLowerCase('nl');
  if (words === '') return () => true;
  const code = normaliseScannerInput(query);
  const byNumber = code.length >= 2;
  return (entry) => entry.name.includes(words) || (byNumber && (entry.code.includes(code) || entry.numbers.some((number) => number.includes(code))));
}

/**
 * Keeps the agenda's order and search texts between changes of the day: most actions change a
 * status, which moves no row and changes no text, so the sort (the shared comparator) and the
 * normalising run again only when a row's place or searchable text really changed. A row the day
 * did not touch comes back as the same object (shown-day-rows.ts), so its place and text are not
 * even looked at again.
 */
export function createAgendaIndexer(): (rows: readonly LocalAppointment[]) => SearchableRow[] {
  let orderedIds: string[] = [];
  const placeOfId = new Map<string, string>();
  const texts = new Map<string, { signature: string; entry: Omit<SearchableRow, 'row'> }>();
  const entryOfRow = new WeakMap<LocalAppointment, { place: string; entry: Omit<SearchableRow, 'row'> }>();
  const placeOf = (row: LocalAppointment) => `${row.bookingId}|${row.slotStart}|${row.appointmentCode}|${row.personId}|${row.service}|${row.walkIn}`;
  const textOf = (row: LocalAppointment) => {
    let text = `${row.personName}|${row.appointmentCode}|${row.vNumber}`;
    for (const step of Object.values(row.steps)) if (step.value.kind === 'text') text += `|${step.value.text}`;
    return text;
  };
  /** The row's place and search texts, worked out once per row object. */
  const prepared = (row: LocalAppointment) => {
    let known = entryOfRow.get(row);
    if (!known) {
      const text = textOf(row);
      let cached = texts.get(row.id);
      if (cached?.signature !== text) {
        const { row: _row, ...entry } = searchable([row])[0]!;
        cached = { signature: text, entry };
        texts.set(row.id, cached);
      }
      known = { place: placeOf(row), entry: cached.entry };
      entryOfRow.set(row, known);
    }
    return known;
  };
  return (rows) => {
    const byId = new Map<string, { row: LocalAppointment; entry: Omit<SearchableRow, 'row'> }>();
    let moved = rows.length !== placeOfId.size;
    for (const row of rows) {
      const { place, entry } = prepared(row);
      byId.set(row.id, { row, entry });
      if (placeOfId.get(row.id) !== place) moved = true;
    }
    if (moved) {
      placeOfId.clear();
      for (const row of rows) placeOfId.set(row.id, prepared(row).place);
      orderedIds = inAgendaOrder(rows).map((row) => row.id);
    }
    return orderedIds.map((id) => {
      const { row, entry } = byId.get(id)!;
      return { row, ...entry };
    });
  };
}

/**
 * The rows the agenda shows (from `searchable` rows, in agenda order): a booking stays whole when
 * any of its rows matches the search, so a family is never torn apart by a search for one of
 * them; the filters then keep matching rows.
 */
export function filterAgenda(entries: readonly SearchableRow[], filter: AgendaFilter): LocalAppointment[] {
  const matches = queryMatcher(filter.query);
  const matchingBookings = filter.query.trim() === '' ? null : new Set(entries.filter(matches).map((entry) => entry.row.bookingId));
  return entries
    .map((entry) => entry.row)
    .filter(
      (row) =>
        (matchingBookings === null || matchingBookings.has(row.bookingId)) &&
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
