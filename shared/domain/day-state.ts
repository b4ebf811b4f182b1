/**
 * The state of a location's day, rebuilt from the day's appointments and the events since:
 * the same shape on the desk (its local projection) and on the server.
 */
import type { BalieEventType } from '../sync/events';
import { expectedAppointment, type AppointmentState } from './appointment-state';
import { closedDesk, type DeskState } from './desk-machine';
import type { DomainError } from './messages';
import type { Appointment, Desk, Person } from './model';

/** How a supervisor resolved a conflict: the `conflictResolved` event, its note, who and when. */
export interface ConflictResolution {
  /** The id of the `conflictResolved` event. */
  readonly eventId: string;
  readonly note: string;
  /** The supervisor's account id. */
  readonly resolvedBy: string;
  readonly resolvedAt: string;
}

/** An event the reducer kept but could not apply: the server shows it to supervisors and to the desk. */
export interface EventConflict {
  readonly eventId: string;
  readonly type: BalieEventType;
  readonly appointmentId: string | null;
  readonly deskId: string;
  readonly clerkId: string;
  readonly occurredAt: string;
  /** Why it could not be applied, in Dutch and English. */
  readonly error: DomainError;
  /** Absent while the conflict is open; set once by a `conflictResolved` event. */
  readonly resolution?: ConflictResolution;
}

/** What the reducer did with an event id it has seen. */
export type SeenEvent = 'applied' | 'conflict';

/** A location's day. */
export interface DayState {
  readonly appointments: Readonly<Record<string, AppointmentState>>;
  readonly persons: Readonly<Record<string, Person>>;
  readonly desks: Readonly<Record<string, DeskState>>;
  /** Every event id seen, with what was done with it: re-applying an event is a no-op. */
  readonly seenEvents: Readonly<Record<string, SeenEvent>>;
  readonly conflicts: readonly EventConflict[];
}

/** The day before any event: booked appointments expected, desks closed. */
export function initialDayState(input: {
  readonly appointments: readonly Appointment[];
  readonly persons: readonly Person[];
  readonly desks?: readonly Desk[];
}): DayState {
  return {
    appointments: Object.fromEntries(input.appointments.map((appointment) => [appointment.id, expectedAppointment(appointment)])),
    persons: Object.fromEntries(input.persons.map((person) => [person.id, person])),
    desks: Object.fromEntries((input.desks ?? []).map((desk) => [desk.id, closedDesk(desk.id, desk.locationId)])),
    seenEvents: {},
    conflicts: [],
  };
}

/** The appointments of one booking, in id order. */
export function appointmentsOfBooking(state: DayState, bookingId: string): AppointmentState[] {
  return Object.values(state.appointments)
    .filter((appointment) => appointment.bookingId === bookingId)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The appointments of one person, in id order. */
export function appointmentsOfPerson(state: DayState, personId: string): AppointmentState[] {
  return Object.values(state.appointments)
    .filter((appointment) => appointment.personId === personId)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
