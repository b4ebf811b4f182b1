/**
 * What the import does with one booking of the file, given what is stored: the rules of
 * docs/import.md in one pure function. Re-importing a file finds every booking `unchanged`, which
 * is what makes the import idempotent.
 */
import type { DomainError } from '../../../shared/domain/messages';
import type { ClientCategory, ServiceCode } from '../../../shared/domain/codes';
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

/**
 * What a stored booking lacks and the file now gives: bookings imported before the export carried
 * client categories and sponsors get them from the next file, without a refusal. Only empty
 * (unknown) details are filled in; a stored value is never replaced.
 */
export interface FillIn {
  /** The sponsor to store, or null when the booking's stays as it is. */
  readonly sponsor: Sponsor | null;
  readonly categories: ReadonlyArray<{ readonly personId: string; readonly clientCategory: ClientCategory }>;
}

export type BookingPlan =
  | { readonly kind: 'insert' }
  /** Persons left out of an earlier import (a bad row since corrected) join the stored booking. */
  | { readonly kind: 'add-persons'; readonly persons: readonly FilePerson[]; readonly fillIn: FillIn | null }
  | { readonly kind: 'unchanged'; readonly fillIn: FillIn | null }
  /** Still subject to the day: nobody of the booking may have been at the counter yet. */
  | { readonly kind: 'cancel' }
  | { readonly kind: 'refuse'; readonly reason: DomainError };

const unchanged: BookingPlan = { kind: 'unchanged', fillIn: null };
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
  // sponsor is the booking's too: another one than stored is never silently replaced. A file that
  // names none (an older export) says nothing about it.
  const sponsorDiffers = file.sponsor !== null && stored.sponsor !== null && sponsorKey(stored.sponsor) !== sponsorKey(file.sponsor);
  if (stored.date !== file.date || stored.slotStart !== file.slotStart || stored.services.join('+') !== file.services.join('+') || sponsorDiffers) {
    return refuse(bookingReasons.differs());
  }
  const storedByPosition = new Map(stored.persons.map((person) => [person.position, person]));
  const added: FilePerson[] = [];
  const categories: Array<FillIn['categories'][number]> = [];
  for (const person of file.persons) {
    const known = storedByPosition.get(person.position);
    if (!known) added.push(person);
    else if (!samePerson(known, person)) return refuse(bookingReasons.differs());
    else if (known.clientCategory === null && person.clientCategory !== null) {
      categories.push({ personId: known.id, clientCategory: person.clientCategory });
    }
  }
  const sponsor = stored.sponsor === null ? file.sponsor : null;
  const fillIn = sponsor !== null || categories.length > 0 ? { sponsor, categories } : null;
  if (added.length === 0) return { kind: 'unchanged', fillIn };
  return stored.date < today ? refuse(bookingReasons.inThePast()) : { kind: 'add-persons', persons: added, fillIn };
}

/** The same person; a client category the file or the store does not know is no difference. */
function samePerson(stored: StoredPerson, file: FilePerson): boolean {
  return (
    stored.fullName === file.fullName &&
    stored.dateOfBirth === file.dateOfBirth &&
    stored.nationalityCategory === file.nationalityCategory &&
    stored.vNumber === file.vNumber &&
    (stored.clientCategory === null || file.clientCategory === null || stored.clientCategory === file.clientCategory)
  );
}
