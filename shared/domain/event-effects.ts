/**
 * What one sync event does to the day: it becomes lifecycle events on one or two appointments, a
 * new walk-in appointment, a cancelled booking, or a desk transition. Pure; the reducer
 * (day-reducer.ts) adds idempotence and records conflicts.
 */
import { applicableStep } from '../checklists/applicable-steps';
import { findChecklist } from '../checklists/default-checklists';
import type { ChecklistDefinition } from '../checklists/definition-schema';
import { checkStepValue, completionProblem } from '../checklists/step-rules';
import type { AppointmentEvent, BalieEvent, EventOf, NonAppointmentEvent } from '../sync/events';
import { transition, waitStartAtCheckIn, type LifecycleEvent } from './appointment-machine';
import { expectedAppointment, type AppointmentState } from './appointment-state';
import { closedDesk, transitionDesk, type DeskEvent } from './desk-machine';
import { appointmentsOfBooking, type DayState } from './day-state';
import { rateAppointment } from './appointment-rating';
import { withAppointmentsReplaced } from './appointment-trail';
import { resolveConflictIn } from './conflict-resolution';
import { withTicket } from './tickets';
import { domainError, fail, type Failure } from './messages';

/** Options of the reducer. */
export interface ReducerOptions {
  /**
   * Checklist definitions to re-check recorded steps and completions against (the server passes
   * its table, the desk its cache). Without them only the lifecycle is checked.
   */
  readonly checklists?: readonly ChecklistDefinition[];
}

/** The day after an event, or why the event cannot be applied. */
export type EffectResult = { readonly ok: true; readonly state: DayState } | Failure;

const conflict = (code: string, nl: string, en: string): Failure => fail(domainError(code, nl, en));

function withAppointments(state: DayState, ...appointments: AppointmentState[]): EffectResult {
  return { ok: true, state: { ...state, appointments: withAppointmentsReplaced(state.appointments, appointments) } };
}

function lifecycleEventOf(event: Exclude<AppointmentEvent, EventOf<'transferred'> | EventOf<'walkInRegistered'> | EventOf<'ratingGiven'>>): LifecycleEvent {
  const { deskId, clerkId } = event;
  switch (event.type) {
    case 'checkedIn': return { kind: 'check-in' };
    case 'called': return { kind: 'call', deskId, clerkId };
    case 'recalled': return { kind: 'recall', deskId };
    case 'serviceStarted': return { kind: 'start-service', deskId, clerkId };
    case 'stepRecorded': return { kind: 'record-step', deskId, clerkId, ...event.payload };
    case 'parked': return { kind: 'park', deskId, reason: event.payload.reason };
    case 'serviceCompleted': return { kind: 'complete', deskId, outcome: event.payload.outcome, reason: event.payload.reason };
    case 'noShow': return { kind: 'no-show', deskId };
    case 'noteAdded': return { kind: 'add-note', clerkId, text: event.payload.text };
  }
}

function checklistCheck(state: DayState, appointment: AppointmentState, event: AppointmentEvent, options: ReducerOptions): Failure | null {
  if (!options.checklists || (event.type !== 'stepRecorded' && event.type !== 'serviceCompleted')) return null;
  const definition = findChecklist(options.checklists, event.payload.checklistId, event.payload.checklistVersion);
  if (!definition || definition.service !== appointment.service) {
    return conflict('checklist-unknown', 'Deze checklist (of versie) hoort niet bij deze dienst.', 'This checklist (or version) does not belong to this service.');
  }
  const person = state.persons[appointment.personId];
  if (!person) return conflict('person-unknown', 'De persoon van deze afspraak is onbekend.', 'The person of this appointment is unknown.');
  if (event.type === 'serviceCompleted') {
    const recorded = Object.fromEntries(Object.entries(appointment.steps).map(([stepId, step]) => [stepId, step.value]));
    return completionProblem(definition, person, appointment.date, recorded, { code: event.payload.outcome, reason: event.payload.reason });
  }
  const step = applicableStep(definition, person, appointment.date, event.payload.stepId);
  if (!step) return conflict('step-not-applicable', 'Deze stap geldt niet voor deze persoon.', 'This step does not apply to this person.');
  const checked = checkStepValue(step, event.payload.value);
  return checked.ok ? null : checked;
}

function registerWalkIn(state: DayState, event: EventOf<'walkInRegistered'>): EffectResult {
  if (state.appointments[event.appointmentId]) {
    return conflict('appointment-exists', 'Deze afspraak bestaat al.', 'This appointment already exists.');
  }
  const { person, ...booking } = event.payload;
  const appointment = expectedAppointment({
    id: event.appointmentId,
    bookingId: booking.bookingId,
    appointmentCode: booking.appointmentCode,
    locationId: event.locationId,
    date: booking.date,
    slotStart: booking.slotStart,
    service: booking.service,
    personId: person.id,
    walkIn: true,
  });
  const arrived: AppointmentState = {
    ...appointment,
    status: 'arrived',
    checkedInAt: event.occurredAt,
    ticket: booking.ticket ?? null,
    waitingSince: waitStartAtCheckIn(appointment, event.occurredAt),
  };
  const persons = state.persons[person.id] ? state.persons : { ...state.persons, [person.id]: { ...person, lastCaptureDate: null } };
  return { ok: true, state: { ...state, persons, appointments: withAppointmentsReplaced(state.appointments, [arrived]) } };
}

function transfer(state: DayState, source: AppointmentState, event: EventOf<'transferred'>): EffectResult {
  const { toService, toDeskId, toAppointmentId } = event.payload;
  const moved = transition(source, { kind: 'transfer', deskId: event.deskId, toService, toDeskId, toAppointmentId }, event.occurredAt);
  if (!moved.ok) return moved;
  if (toService === source.service) return withAppointments(state, moved.state);
  const target = state.appointments[toAppointmentId];
  if (!target || target.personId !== source.personId || target.service !== toService) {
    return conflict('transfer-target-unknown', 'De volgende dienst van deze persoon is niet gevonden.', 'The next service of this person was not found.');
  }
  const received = transition(target, { kind: 'receive-transfer', fromAppointmentId: source.id, checkedInAt: source.checkedInAt, toDeskId }, event.occurredAt);
  // The next service calls the same ticket the client already holds.
  return received.ok ? withAppointments(state, moved.state, withTicket(received.state, source.ticket)) : received;
}

function applyToAppointment(state: DayState, event: AppointmentEvent, options: ReducerOptions): EffectResult {
  if (event.type === 'walkInRegistered') return registerWalkIn(state, event);
  const appointment = state.appointments[event.appointmentId];
  if (!appointment) return conflict('appointment-unknown', 'Deze afspraak is onbekend.', 'This appointment is unknown.');
  if (appointment.locationId !== event.locationId) {
    return conflict('wrong-location', 'Deze afspraak hoort bij een andere locatie.', 'This appointment belongs to another location.');
  }
  if (event.type === 'transferred') return transfer(state, appointment, event);
  if (event.type === 'ratingGiven') {
    // The client's judgement moves no lifecycle: it only lands on the appointment, once.
    const rated = rateAppointment(appointment, { score: event.payload.score, deskId: event.deskId }, event.occurredAt);
    return rated.ok ? withAppointments(state, rated.state) : rated;
  }
  const next = transition(appointment, lifecycleEventOf(event), event.occurredAt);
  if (!next.ok) return next;
  const problem = checklistCheck(state, appointment, event, options);
  return problem ?? withAppointments(state, event.type === 'checkedIn' ? withTicket(next.state, event.payload.ticket) : next.state);
}

function cancelBooking(state: DayState, event: EventOf<'bookingCancelled'>): EffectResult {
  const appointments = appointmentsOfBooking(state, event.payload.bookingId).filter((appointment) => appointment.locationId === event.locationId);
  if (appointments.length === 0) return conflict('booking-unknown', 'Deze boeking is onbekend.', 'This booking is unknown.');
  const cancelled: AppointmentState[] = [];
  for (const appointment of appointments) {
    const next = transition(appointment, { kind: 'cancel' }, event.occurredAt);
    if (!next.ok) {
      return conflict(
        'booking-not-cancellable',
        `De boeking kan alleen in zijn geheel worden geannuleerd, en dat kan niet meer: ${next.error.message.nl}`,
        `A booking can only be cancelled as a whole, and that is no longer possible: ${next.error.message.en}`,
      );
    }
    cancelled.push(next.state);
  }
  return withAppointments(state, ...cancelled);
}

function deskEventOf(event: Exclude<NonAppointmentEvent, EventOf<'bookingCancelled'> | EventOf<'conflictResolved'>>): DeskEvent {
  switch (event.type) {
    case 'deskOpened': return { kind: 'open', clerkId: event.clerkId };
    case 'deskClosed': return { kind: 'close' };
    case 'pauseStarted': return { kind: 'start-pause', reason: event.payload.reason, note: event.payload.note };
    case 'pauseEnded': return { kind: 'end-pause' };
  }
}

/** The day after `event`, or the reason it cannot be applied (not idempotent by itself). */
export function effectOf(state: DayState, event: BalieEvent, options: ReducerOptions = {}): EffectResult {
  switch (event.type) {
    case 'bookingCancelled':
      return cancelBooking(state, event);
    case 'conflictResolved':
      return resolveConflictIn(state, event);
    case 'deskOpened':
    case 'deskClosed':
    case 'pauseStarted':
    case 'pauseEnded': {
      const desk = state.desks[event.deskId] ?? closedDesk(event.deskId, event.locationId);
      const next = transitionDesk(desk, deskEventOf(event), event.occurredAt);
      return next.ok ? { ok: true, state: { ...state, desks: { ...state.desks, [desk.id]: next.state } } } : next;
    }
    default:
      return applyToAppointment(state, event, options);
  }
}
