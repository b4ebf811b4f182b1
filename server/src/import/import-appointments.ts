/**
 * The appointment import, shared by the route and the CLI: reads the booking system's export,
 * decides per booking (booking-plan.ts), stores new bookings and cancellations in one transaction
 * under the location's change lock, publishes them to the desks' change feed, and reports every
 * row and booking it left out. Rules and format: docs/import.md.
 */
import { createHash } from 'node:crypto';
import type { AppointmentState } from '../../../shared/domain/appointment-state';
import { amsterdamDateOf } from '../../../shared/domain/calendar-date';
import { appointmentsOfBooking, type DayState } from '../../../shared/domain/day-state';
import type { DomainError } from '../../../shared/domain/messages';
import { MAX_IMPORT_BYTES, type ImportReport } from '../../../shared/sync/import-api';
import { bookingChanges } from '../sync/booking-changes';
import type { Database, Queryable } from '../db/database';
import { recordAudit } from '../repositories/audit';
import { locationExists } from '../repositories/day-appointments';
import { lockLocationChanges, publishChanges, type NewChange } from '../sync/changes';
import { rebuildDayState } from '../sync/day-state-store';
import { planBooking, type FillIn, type StoredBooking } from './booking-plan';
import { readExport, type BookingProblem, type FileBooking, type ReadFile } from './file-bookings';
import { bookingReasons, fileReasons } from './import-reasons';
import {
  bookingIdOf,
  cancelledBookingChanges,
  markCancelled,
  personIdOf,
  storeBookings,
  storedBookings,
  storeFillIns,
  type BookingToStore,
} from './import-store';

export interface ImportRequest {
  readonly locationId: string;
  /** The export as sent: UTF-8 bytes. */
  readonly file: Uint8Array;
  /** Decides what "past" means and stamps cancellations. */
  readonly now: Date;
  /** For the audit log: an admin's account (route) or nobody (CLI, run on the server's machine). */
  readonly actor: { readonly accountId: string | null; readonly source: 'api' | 'cli' };
}

export type ImportResult =
  | { readonly ok: true; readonly report: ImportReport }
  | { readonly ok: false; readonly problem: 'unknown-location' }
  | { readonly ok: false; readonly problem: 'bad-file'; readonly reasons: readonly DomainError[] };

export async function importAppointments(db: Database, request: ImportRequest): Promise<ImportResult> {
  if (!(await locationExists(db, request.locationId))) return { ok: false, problem: 'unknown-location' };
  if (request.file.byteLength > MAX_IMPORT_BYTES) return { ok: false, problem: 'bad-file', reasons: [fileReasons.tooLarge(MAX_IMPORT_BYTES)] };
  const text = decodeUtf8(request.file);
  if (text === null) return { ok: false, problem: 'bad-file', reasons: [fileReasons.notUtf8()] };
  const read = readExport(text);
  if (!read.ok) return { ok: false, problem: 'bad-file', reasons: read.reasons };
  const report = await db.transaction(async (tx) => {
    // Desks' pushes take the same lock: the day a cancellation is checked against cannot move meanwhile.
    await lockLocationChanges(tx, request.locationId);
    const done = await applyFile(tx, request.locationId, read.file, request.now);
    await recordAudit(tx, {
      accountId: request.actor.accountId,
      deviceId: null,
      action: 'appointments-imported',
      // Counts and a fingerprint of the file only: the file itself is personal data.
      detail: {
        source: request.actor.source,
        locationId: request.locationId,
        bytes: request.file.byteLength,
        sha256: createHash('sha256').update(request.file).digest('hex'),
        rows: done.rows,
        imported: done.imported,
        unchanged: done.unchanged,
        filledIn: done.filledIn,
        cancelled: done.cancelled,
        badRows: done.badRows.length,
        refusedBookings: done.refusedBookings.length,
      },
    });
    return done;
  });
  return { ok: true, report };
}

export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    // Drops a byte order mark; `fatal` refuses a Windows-1252 export instead of garbling names.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

interface Decisions {
  toStore: BookingToStore[];
  newBookingIds: Set<string>;
  toCancel: Array<{ file: FileBooking; stored: StoredBooking }>;
  refused: BookingProblem[];
  /** Codes of bookings taken (stored, found unchanged or cancelled): their bad rows are "without this row". */
  taken: Set<string>;
  unchanged: number;
  /** Stored bookings that gain a client category or sponsor they lacked. */
  fillIns: Array<{ bookingId: string; fillIn: FillIn }>;
}

async function applyFile(tx: Queryable, locationId: string, file: ReadFile, now: Date): Promise<ImportReport> {
  const stored = await storedBookings(tx, locationId, file.bookings.map((booking) => booking.appointmentCode));
  const decisions = decide(file, stored, locationId, amsterdamDateOf(now));
  const cancelledAt = now.toISOString();
  const cancellations = await cancellableAppointments(tx, locationId, decisions);
  await storeBookings(tx, decisions.toStore, decisions.newBookingIds);
  await storeFillIns(tx, decisions.fillIns);
  await markCancelled(tx, cancellations.map((cancellation) => cancellation.booking.id), cancelledAt);
  const changes: NewChange[] = [
    ...decisions.toStore.flatMap(bookingChanges),
    ...cancellations.flatMap((cancellation) => cancelledBookingChanges(cancellation.appointments, cancelledAt)),
  ];
  await publishChanges(tx, locationId, changes);
  const persons = decisions.toStore.flatMap((entry) => entry.persons.map(() => entry.services.length));
  return {
    locationId,
    rows: file.rows,
    imported: { bookings: decisions.newBookingIds.size, persons: persons.length, appointments: persons.reduce((sum, count) => sum + count, 0) },
    unchanged: decisions.unchanged,
    filledIn: decisions.fillIns.length,
    cancelled: cancellations.length,
    badRows: file.badRows.map((row) => ({
      line: row.line,
      appointmentCode: row.appointmentCode,
      reasons: [...row.reasons],
      booking: row.appointmentCode !== null && decisions.taken.has(row.appointmentCode) ? 'without-this-row' : 'not-imported',
    })),
    refusedBookings: decisions.refused
      .map((refused) => ({ appointmentCode: refused.appointmentCode, lines: [...refused.lines], reasons: [...refused.reasons] }))
      .sort((a, b) => a.lines[0]! - b.lines[0]!),
  };
}

function decide(file: ReadFile, stored: ReadonlyMap<string, StoredBooking>, locationId: string, today: string): Decisions {
  const decisions: Decisions = { toStore: [], newBookingIds: new Set(), toCancel: [], refused: [...file.refusedBookings], taken: new Set(), unchanged: 0, fillIns: [] };
  for (const booking of file.bookings) {
    const known = stored.get(booking.appointmentCode);
    const plan = planBooking(booking, known, today);
    if (plan.kind === 'refuse') {
      decisions.refused.push({ appointmentCode: booking.appointmentCode, lines: booking.lines, reasons: [plan.reason] });
      continue;
    }
    if (plan.kind === 'cancel') {
      decisions.toCancel.push({ file: booking, stored: known! });
      continue;
    }
    decisions.taken.add(booking.appointmentCode);
    if (plan.kind !== 'insert' && plan.fillIn !== null) decisions.fillIns.push({ bookingId: known!.id, fillIn: plan.fillIn });
    // A booking whose only news is a category or sponsor it lacked counts as filled in, not unchanged.
    if (plan.kind === 'unchanged') decisions.unchanged += plan.fillIn === null ? 1 : 0;
    else if (plan.kind === 'insert') {
      const entry = toStore(booking, locationId, booking.persons);
      decisions.toStore.push(entry);
      decisions.newBookingIds.add(entry.id);
    } else decisions.toStore.push(toStore(booking, locationId, plan.persons, known!.id));
  }
  return decisions;
}

function toStore(booking: FileBooking, locationId: string, persons: FileBooking['persons'], storedId?: string): BookingToStore {
  const id = storedId ?? bookingIdOf(locationId, booking.appointmentCode);
  const { appointmentCode, date, slotStart, services, sponsor } = booking;
  return {
    id,
    appointmentCode,
    locationId,
    date,
    slotStart,
    services,
    sponsor,
    persons: persons.map(({ position, fullName, dateOfBirth, nationalityCategory, vNumber, clientCategory }) => ({
      id: personIdOf(id, position),
      position,
      fullName,
      dateOfBirth,
      nationalityCategory,
      vNumber,
      clientCategory,
    })),
  };
}

/**
 * The cancellations the day still allows: a booking is cancelled only while everyone of it is
 * expected. Once someone checked in, was served or marked absent, the counter's record stands and
 * the late cancellation is reported instead.
 */
async function cancellableAppointments(tx: Queryable, locationId: string, decisions: Decisions) {
  const days = new Map<string, DayState>();
  const cancellations: Array<{ booking: StoredBooking; appointments: AppointmentState[] }> = [];
  for (const { file, stored } of decisions.toCancel) {
    const day = days.get(stored.date) ?? (await rebuildDayState(tx, locationId, stored.date));
    days.set(stored.date, day);
    const appointments = appointmentsOfBooking(day, stored.id);
    if (appointments.every((appointment) => appointment.status === 'expected')) {
      cancellations.push({ booking: stored, appointments });
      decisions.taken.add(stored.appointmentCode);
    } else {
      decisions.refused.push({ appointmentCode: stored.appointmentCode, lines: file.lines, reasons: [bookingReasons.cancelTooLateAtCounter()] });
    }
  }
  return cancellations;
}
