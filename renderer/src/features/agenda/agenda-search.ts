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
  // Each row's sort key is made once (not in every comparison: a day may hold 10,000 rows), with
  // only the fields the order looks at (a copy of each whole row was 10 ms of the desk's start).
  const keyed = rows.map((row) => ({
    service: row.service,
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
    // Dutch lowers case as the default does (only Turkish, Azeri and Lithuanian differ), and the
    // default is several times faster: every name of the day is lowered at the desk's start.
    name: row.personName.toLowerCase(),
    code: row.appointmentCode === null ? '' : normaliseScannerInput(row.appointmentCode),
    numbers: [...(row.vNumber ? [row.vNumber] : []), ...recordedNumbers(row)],
  }));
}

/** A matcher for what the clerk typed: part of the name, or of a number or code. */
function queryMatcher(query: string): (entry: SearchableRow) => boolean {
  const words = query.trim().toLowerCase();
  if (words === '') return () => true;
  const code = normaliseScannerInput(query);
  const byNumber = code.length >= 2;
  return (entry) => entry.name.includes(words) || (byNumber && (entry.code.includes(code) || entry.numbers.some((number) => number.includes(code))));
}

/**
 * Keeps the agenda's order and search texts between changes of the day: most actions change a
 * status, which moves no row and changes no text, so the sort (the shared comparator) and the
 * normalising run again only when a row's place or searchable text really changed. The day's rows
 * come in a steady order (shown-day-rows.ts), and a row the day did not touch comes back as the
 * same object, so after an action only the rows at changed positions are looked at again.
 */
export function createAgendaIndexer(): (rows: readonly LocalAppointment[]) => SearchableRow[] {
  const texts = new Map<string, { signature: string; entry: Omit<SearchableRow, 'row'> }>();
  const preparedRows = new WeakMap<LocalAppointment, { place: string; searchable: SearchableRow }>();
  const placeOf = (row: LocalAppointment) => `${row.bookingId}|${row.slotStart}|${row.appointmentCode}|${row.personId}|${row.service}|${row.walkIn}`;
  const textOf = (row: LocalAppointment) => {
    let text = `${row.personName}|${row.appointmentCode}|${row.vNumber}`;
    for (const step of Object.values(row.steps)) if (step.value.kind === 'text') text += `|${step.value.text}`;
    return text;
  };
  /** The row's place and search texts, worked out once per row object (the texts once per text). */
  const prepared = (row: LocalAppointment) => {
    let known = preparedRows.get(row);
    if (!known) {
      const text = textOf(row);
      let cached = texts.get(row.id);
      if (cached?.signature !== text) {
        const { row: _row, ...entry } = searchable([row])[0]!;
        cached = { signature: text, entry };
        texts.set(row.id, cached);
      }
      known = { place: placeOf(row), searchable: { row, ...cached.entry } };
      preparedRows.set(row, known);
    }
    return known;
  };
  /** The positions whose row changed but kept its id and place; null when the order may have changed. */
  const changedInPlace = (before: readonly LocalAppointment[], after: readonly LocalAppointment[]): number[] | null => {
    if (before.length !== after.length) return null;
    const changed: number[] = [];
    for (let position = 0; position < after.length; position++) {
      const [was, is] = [before[position]!, after[position]!];
      if (was === is) continue;
      if (was.id !== is.id || prepared(was).place !== prepared(is).place) return null;
      changed.push(position);
    }
    return changed;
  };
  let last: { rows: readonly LocalAppointment[]; result: readonly SearchableRow[]; placeInResult: readonly number[] } | null = null;
  return (rows) => {
    const changed = last && changedInPlace(last.rows, rows);
    if (last && changed) {
      const result = last.result.slice();
      for (const position of changed) result[last.placeInResult[position]!] = prepared(rows[position]!).searchable;
      last = { ...last, rows, result };
      return result;
    }
    const positionOf = new Map(rows.map((row, position) => [row, position]));
    const placeInResult: number[] = new Array<number>(rows.length);
    const result = inAgendaOrder(rows).map((row, index) => {
      placeInResult[positionOf.get(row)!] = index;
      return prepared(row).searchable;
    });
    last = { rows, result, placeInResult };
    return result;
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
