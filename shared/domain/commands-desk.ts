/**
 * Commands about the desk itself and about persons added at it: opening and closing, pauses
 * with a reason, and registering a walk-in.
 */
import { validateVNumber } from '../validation/identifiers';
import { amsterdamDateOf, amsterdamTimeOf, isCalendarDate } from './calendar-date';
import type { NationalityCategory, PauseReason, ServiceCode, WalkInReason } from './codes';
import { emit, type CommandContext, type CommandResult, type EventDraft } from './command-support';
import { appointmentsOfBooking, type DayState } from './day-state';
import { atDesk } from './day-queries';
import { domainError, fail } from './messages';
import { nextTicket } from './tickets';

/** Opens the desk for the clerk of the context; a desk left open by another clerk is closed first. */
export function openDesk(state: DayState, context: CommandContext): CommandResult {
  const desk = state.desks[context.deskId];
  const drafts: EventDraft[] = [];
  if (desk && desk.status !== 'closed') {
    if (desk.clerkId === context.clerkId) {
      return fail(domainError('desk-already-open', 'De balie is al open.', 'The desk is already open.'));
    }
    drafts.push({ type: 'deskClosed', appointmentId: null, payload: {} });
  }
  drafts.push({ type: 'deskOpened', appointmentId: null, payload: {} });
  return emit(state, drafts, context);
}

/** Closes the desk (a running pause ends with it). Refused while someone is called or served there. */
export function closeDesk(state: DayState, context: CommandContext): CommandResult {
  if (atDesk(state, context.deskId).length > 0) {
    return fail(domainError('desk-busy', 'Rond eerst de huidige klant af (of parkeer of stuur door).', 'Finish the current client first (or park or transfer them).'));
  }
  return emit(state, [{ type: 'deskClosed', appointmentId: null, payload: {} }], context);
}

/** Pauses the desk with a reason (`other` needs a note). Refused while someone is called or served there. */
export function startPause(
  state: DayState,
  input: { readonly reason: PauseReason; readonly note: string | null },
  context: CommandContext,
): CommandResult {
  if (atDesk(state, context.deskId).length > 0) {
    return fail(domainError('desk-busy', 'Rond eerst de huidige klant af (of parkeer of stuur door).', 'Finish the current client first (or park or transfer them).'));
  }
  const note = input.note?.trim() || null;
  if (input.reason === 'other' && note === null) {
    return fail(domainError('pause-note-required', 'Geef bij "anders" een korte toelichting.', 'Give a short note for "other".'));
  }
  return emit(state, [{ type: 'pauseStarted', appointmentId: null, payload: { reason: input.reason, note } }], context);
}

/** Ends the desk's pause. */
export function endPause(state: DayState, context: CommandContext): CommandResult {
  return emit(state, [{ type: 'pauseEnded', appointmentId: null, payload: {} }], context);
}

/** The person a walk-in brings, as the clerk types it. */
export interface WalkInPersonInput {
  readonly name: string;
  readonly dateOfBirth: string;
  readonly nationalityCategory: NationalityCategory;
  /** Raw V-number input, or null when unknown. */
  readonly vNumber: string | null;
}

/**
 * Adds a person at the desk, checked in at once: a family member joining an existing booking
 * (`bookingId` given; a booking holds at most 6 persons), or an IND-invited client (new booking).
 */
export function registerWalkIn(
  state: DayState,
  input: { readonly person: WalkInPersonInput; readonly service: ServiceCode; readonly reason: WalkInReason; readonly bookingId: string | null },
  context: CommandContext,
): CommandResult {
  const name = input.person.name.trim();
  if (name === '') return fail(domainError('name-empty', 'Vul de naam in.', 'Enter the name.'));
  const today = amsterdamDateOf(new Date(context.now));
  if (!isCalendarDate(input.person.dateOfBirth) || input.person.dateOfBirth > today) {
    return fail(domainError('date-of-birth-invalid', 'Vul een geldige geboortedatum in (JJJJ-MM-DD, niet in de toekomst).', 'Enter a valid date of birth (YYYY-MM-DD, not in the future).'));
  }
  let vNumber: string | null = null;
  if (input.person.vNumber !== null && input.person.vNumber.trim() !== '') {
    const checked = validateVNumber(input.person.vNumber);
    if (!checked.ok) return checked;
    vNumber = checked.value;
  }
  const booking = input.bookingId === null ? [] : appointmentsOfBooking(state, input.bookingId);
  if (input.bookingId !== null && booking.length === 0) {
    return fail(domainError('booking-unknown', 'Deze boeking is onbekend.', 'This booking is unknown.'));
  }
  if (new Set(booking.map((appointment) => appointment.personId)).size >= 6) {
    return fail(domainError('booking-full', 'Een boeking heeft ten hoogste 6 personen.', 'A booking has at most 6 persons.'));
  }
  const appointmentId = context.newId();
  const person = { id: context.newId(), name, dateOfBirth: input.person.dateOfBirth, nationalityCategory: input.person.nationalityCategory, vNumber };
  const payload = {
    bookingId: input.bookingId ?? context.newId(),
    appointmentCode: booking[0]?.appointmentCode ?? null,
    service: input.service,
    date: today,
    slotStart: amsterdamTimeOf(new Date(context.now)),
    reason: input.reason,
    person,
    // A family member joining a booking that has reported shares the family's ticket.
    ticket: booking.find((appointment) => appointment.ticket !== null)?.ticket ?? nextTicket(state, context.deskId),
  };
  return emit(state, [{ type: 'walkInRegistered', appointmentId, personId: person.id, payload } as EventDraft], context);
}
