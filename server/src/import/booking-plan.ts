/**
 * What the import does with one booking of the file, given what is stored: the rules of
 * docs/import.md in one pure function. Re-importing a file finds every booking `unchanged`, which
 * is what makes the import idempotent.
 */
import type { DomainError } from '../../../shared/domain/messages';
import type { ServiceCode } from '../../../shared/domain/codes';
import type { Sponsor } from '../../../shared/domain/model';
import { sponsorKey, type FileBooking, type FilePerson } from './file-bookings';
import { bookingReasons } from './import-reasons';

/** A person as stored. */
export type StoredPerson = Omit<FilePerson, 'line'> & { readonly id: string };

/** A booking as stored, with its persons by position. */
export interface StoredBooking {
  readonly id: string;
  readonly appointmentCode: string;
  readonly date: string;
  readonly slotStart: string;
  readonly cancelled: boolean;
  /** In the order of SERVICE_CODES. */
  readonly services: readonly ServiceCode[];
  readonly sponsor: Sponsor | null;
  readonly persons: readonly StoredPerson[];
}

export type BookingPlan =
  | { readonly kind: 'insert' }
  /** Persons left out of an earlier import (a bad row since corrected) join the stored booking. */
  | { readonly kind: 'add-persons'; readonly persons: readonly FilePerson[] }
  | { readonly kind: 'unchanged' }
  /** Still subject to the day: nobody of the booking may have been at the counter yet. */
  | { readonly kind: 'cancel' }
  | { readonly kind: 'refuse'; readonly reason: DomainError };

const unchanged: BookingPlan = { kind: 'unchanged' };
const refuse = (reason: DomainError): BookingPlan => ({ kind: 'refuse', reason });

export function planBooking(file: FileBooking, stored: StoredBooking | undefined, today: string): BookingPlan {
  if (file.status === 'cancelled') {
    // Cancelled before we ever stored it: nothing to undo, and no personal data to keep.
    if (!stored || stored.cancelled) return unchanged;
    return stored.date < today ? refuse(bookingReasons.cancelTooLatePast()) : { kind: 'cancel' };
  }
  if (!stored) return file.date < today ? refuse(bookingReasons.inThePast()) : { kind: 'insert' };
  if (stored.cancelled) return refuse(bookingReasons.cancelledEarlier());
  // The booking system never moves a booking: a new date, time or service is a new booking. The
  // sponsor is the booking's too: a different one is a different booking, never silently replaced.
  if (
    stored.date !== file.date ||
    stored.slotStart !== file.slotStart ||
    stored.services.join('+') !== file.services.join('+') ||
    sponsorKey(stored.sponsor) !== sponsorKey(file.sponsor)
  ) {
    return refuse(bookingReasons.differs());
  }
  const storedByPosition = new Map(stored.persons.map((person) => [person.position, person]));
  const added: FilePerson[] = [];
  for (const person of file.persons) {
    const known = storedByPosition.get(person.position);
    if (!known) added.push(person);
    else if (!samePerson(known, person)) return refuse(bookingReasons.differs());
  }
  if (added.length === 0) return unchanged;
  return stored.date < today ? refuse(bookingReasons.inThePast()) : { kind: 'add-persons', persons: added };
}

function samePerson(stored: StoredPerson, file: FilePerson): boolean {
  return (
    stored.fullName === file.fullName &&
    stored.dateOfBirth === file.dateOfBirth &&
    stored.nationalityCategory === file.nationalityCategory &&
    stored.vNumber === file.vNumber &&
    stored.clientCategory === file.clientCategory
  );
}
