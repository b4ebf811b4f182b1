/**
 * Commands of the waiting room: check-in, calling (next, out of order, again), no-show,
 * cancelling a booking. Each validates against the day and returns the events to store.
 */
import type { AppointmentState } from './appointment-state';
import type { CheckInMethod, ServiceCode } from './codes';
import { appointmentDraft, emit, findAppointment, type CommandContext, type CommandResult, type EventDraft } from './command-support';
import { appointmentsOfBooking, type DayState } from './day-state';
import { atDesk, bookingIdByCode, queueFor } from './day-queries';
import { domainError, fail, type Failure } from './messages';
import { nextTicket } from './tickets';

function refuseWhilePaused(state: DayState, context: CommandContext): Failure | null {
  return state.desks[context.deskId]?.status === 'paused'
    ? fail(domainError('desk-paused', 'De balie heeft pauze: hervat eerst.', 'The desk is paused: resume first.'))
    : null;
}

/**
 * Checks in the given appointments (one person, or several persons of a family): they share one
 * new ticket number of this desk (tickets.ts), which the display calls.
 */
export function checkIn(
  state: DayState,
  input: { readonly appointmentIds: readonly string[]; readonly method: CheckInMethod },
  context: CommandContext,
): CommandResult {
  if (input.appointmentIds.length === 0) {
    return fail(domainError('nothing-selected', 'Kies wie zich meldt.', 'Choose who is checking in.'));
  }
  const drafts: EventDraft[] = [];
  const ticket = nextTicket(state, context.deskId);
  for (const appointmentId of input.appointmentIds) {
    const found = findAppointment(state, appointmentId);
    if (!found.ok) return found;
    drafts.push(appointmentDraft(found.appointment, 'checkedIn', { method: input.method, ticket }));
  }
  return emit(state, drafts, context);
}

/**
 * Checks in everyone of the booking with this appointment code (scanned or typed) who is still
 * expected: the family reports once.
 */
export function checkInBooking(
  state: DayState,
  input: { readonly appointmentCode: string; readonly method: CheckInMethod },
  context: CommandContext,
): CommandResult {
  const bookingId = bookingIdByCode(state, input.appointmentCode);
  if (bookingId === undefined) {
    return fail(domainError('appointment-code-unknown', 'Geen afspraak met deze code vandaag.', 'No appointment with this code today.'));
  }
  const expected = appointmentsOfBooking(state, bookingId).filter((appointment) => appointment.status === 'expected');
  if (expected.length === 0) {
    return fail(domainError('already-checked-in', 'Iedereen van deze afspraak is al aangemeld.', 'Everyone of this appointment has already checked in.'));
  }
  return checkIn(state, { appointmentIds: expected.map((appointment) => appointment.id), method: input.method }, context);
}

/**
 * Calls the next person in this desk's queue for `services`, with the members of the same booking
 * waiting for the same service (a family is served together). Refused while the desk is paused or
 * still has someone called or in service.
 */
export function callNext(state: DayState, input: { readonly services: readonly ServiceCode[] }, context: CommandContext): CommandResult {
  const paused = refuseWhilePaused(state, context);
  if (paused) return paused;
  if (atDesk(state, context.deskId).length > 0) {
    return fail(domainError('desk-busy', 'Rond eerst de huidige klant af (of parkeer of stuur door).', 'Finish the current client first (or park or transfer them).'));
  }
  const queue = queueFor(state, { deskId: context.deskId, services: input.services });
  const [head] = queue;
  if (!head) return fail(domainError('queue-empty', 'Er wacht niemand voor deze balie.', 'Nobody is waiting for this desk.'));
  const family = queue.filter((appointment) => appointment.bookingId === head.bookingId && appointment.service === head.service);
  return emit(state, family.map((appointment) => appointmentDraft(appointment, 'called', { outOfOrder: false })), context);
}

/**
 * Calls one person chosen by the clerk: out of order (not the head of the queue for their
 * service), or called again after being parked.
 */
export function callAppointment(state: DayState, input: { readonly appointmentId: string }, context: CommandContext): CommandResult {
  const paused = refuseWhilePaused(state, context);
  if (paused) return paused;
  const found = findAppointment(state, input.appointmentId);
  if (!found.ok) return found;
  const appointment: AppointmentState = found.appointment;
  const [head] = queueFor(state, { deskId: context.deskId, services: [appointment.service] });
  const outOfOrder = appointment.status === 'parked' || head?.id !== appointment.id;
  return emit(state, [appointmentDraft(appointment, 'called', { outOfOrder })], context);
}

/** Calls the same person again at the same desk (they did not come). */
export function recall(state: DayState, input: { readonly appointmentId: string }, context: CommandContext): CommandResult {
  const found = findAppointment(state, input.appointmentId);
  return found.ok ? emit(state, [appointmentDraft(found.appointment, 'recalled', {})], context) : found;
}

/** Marks a person as not present: expected and never came, or called and never came to the desk. */
export function markNoShow(state: DayState, input: { readonly appointmentId: string }, context: CommandContext): CommandResult {
  const found = findAppointment(state, input.appointmentId);
  return found.ok ? emit(state, [appointmentDraft(found.appointment, 'noShow', {})], context) : found;
}

/** Cancels a whole booking (never one person of it), while nobody of it has been called. */
export function cancelBooking(
  state: DayState,
  input: { readonly bookingId: string; readonly reason: string | null },
  context: CommandContext,
): CommandResult {
  return emit(state, [{ type: 'bookingCancelled', appointmentId: null, payload: { bookingId: input.bookingId, reason: input.reason } }], context);
}
