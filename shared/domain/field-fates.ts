/**
 * Every field has a declared fate (STYLE.md): for each synced entity, who may write the field and
 * whether it is personal data to purge from the desk once the day is synced and past retention
 * (DOMAIN.md §6). The maps are typed over the entity's keys: a new field that is not classified
 * here fails to compile, and so does a field that no longer exists.
 */
import type { DayAppointment } from '../sync/day';
import type { BalieEvent, BalieEventType, EventOf } from '../sync/events';
import type { AppointmentState } from './appointment-state';
import type { DeskState } from './desk-machine';
import type { Booking, Person } from './model';

/** Who writes a field, and whether it is personal data. */
export interface FieldFate {
  /**
   * `desk`: changed by the desk's events (the reducer derives it, on the desk and again on the
   * server); `server`: set only by the server (appointment import, registration of desks, persons).
   */
  readonly writtenBy: 'desk' | 'server';
  /** Personal data: purged from the desk with the day, never logged, never in reports. */
  readonly personal: boolean;
}

/** A fate for every key of `Entity`, no more, no less. */
export type FieldFates<Entity> = { readonly [Key in keyof Required<Entity>]: FieldFate };

const server: FieldFate = { writtenBy: 'server', personal: false };
const serverPersonal: FieldFate = { writtenBy: 'server', personal: true };
const desk: FieldFate = { writtenBy: 'desk', personal: false };
const deskPersonal: FieldFate = { writtenBy: 'desk', personal: true };

/** Fates of a person's fields. */
export const PERSON_FATES = {
  id: server,
  name: serverPersonal,
  dateOfBirth: serverPersonal,
  nationalityCategory: serverPersonal,
  vNumber: serverPersonal,
  lastCaptureDate: serverPersonal,
  // The residence purpose of a named person: personal; reports count it only in aggregate.
  clientCategory: serverPersonal,
} as const satisfies FieldFates<Person>;

/** Fates of an appointment's fields (the booking's from the import, the lifecycle's from events). */
export const APPOINTMENT_FATES = {
  id: server,
  bookingId: server,
  appointmentCode: serverPersonal,
  locationId: server,
  date: server,
  slotStart: server,
  service: server,
  personId: server,
  walkIn: server,
  status: desk,
  deskId: desk,
  clerkId: desk,
  checkedInAt: desk,
  ticket: desk,
  waitingSince: desk,
  calledAt: desk,
  callCount: desk,
  serviceStartedAt: desk,
  finishedAt: desk,
  outcome: desk,
  outcomeReason: deskPersonal,
  parkReason: deskPersonal,
  steps: deskPersonal,
  transferredTo: desk,
  transferredFrom: desk,
  notes: deskPersonal,
  rating: desk,
} as const satisfies FieldFates<AppointmentState>;

/** Fates of a booking's fields (imported from the appointment planner by the server). */
export const BOOKING_FATES = {
  id: server,
  appointmentCode: serverPersonal,
  locationId: server,
  date: server,
  slotStart: server,
  services: server,
  personIds: server,
  // Tied to a booking, the sponsor tells who employs a named client (and a one-person firm is a
  // person's name): personal on the desk; reports name sponsors only in aggregate.
  sponsor: serverPersonal,
} as const satisfies FieldFates<Booking>;

/** Fates of a desk's fields. */
export const DESK_FATES = {
  id: server,
  locationId: server,
  status: desk,
  clerkId: desk,
  openedAt: desk,
  pause: desk,
} as const satisfies FieldFates<DeskState>;

/** Fates of the day's appointments as the server sends them (sync/day.ts). */
export const DAY_APPOINTMENT_FATES = {
  id: server,
  bookingId: server,
  appointmentCode: serverPersonal,
  locationId: server,
  date: server,
  slotStart: server,
  service: server,
  personId: server,
  personName: serverPersonal,
  dateOfBirth: serverPersonal,
  nationalityCategory: serverPersonal,
  vNumber: serverPersonal,
  clientCategory: serverPersonal,
  sponsor: serverPersonal,
  status: desk,
  deskId: desk,
} as const satisfies FieldFates<DayAppointment>;

type Envelope = Omit<BalieEvent, 'type' | 'payload' | 'appointmentId' | 'personId'> & { type: unknown; payload: unknown; appointmentId: unknown; personId: unknown };

/** Fates of the event envelope: all written on the desk; the payload is classified per type below. */
export const EVENT_ENVELOPE_FATES = {
  id: desk,
  deviceId: desk,
  deviceSeq: desk,
  type: desk,
  appointmentId: desk,
  personId: desk,
  clerkId: desk,
  deskId: desk,
  locationId: desk,
  occurredAt: desk,
  payload: desk,
  v: desk,
} as const satisfies FieldFates<Envelope>;

/** For every event type, each payload field: `purge` (personal data) or `keep`. */
export type PayloadFates = { readonly [Type in BalieEventType]: { readonly [Key in keyof Required<EventOf<Type>['payload']>]: 'keep' | 'purge' } };

/** Which payload fields of the stored events are personal data (purged with the day on the desk). */
export const EVENT_PAYLOAD_FATES = {
  checkedIn: { method: 'keep', ticket: 'keep' },
  called: { outOfOrder: 'keep' },
  recalled: {},
  serviceStarted: {},
  stepRecorded: { checklistId: 'keep', checklistVersion: 'keep', stepId: 'keep', value: 'purge', startedAt: 'keep' },
  parked: { reason: 'purge' },
  serviceCompleted: { checklistId: 'keep', checklistVersion: 'keep', outcome: 'keep', reason: 'purge' },
  noShow: {},
  transferred: { toService: 'keep', toDeskId: 'keep', toAppointmentId: 'keep', reason: 'purge' },
  noteAdded: { text: 'purge' },
  walkInRegistered: { bookingId: 'keep', appointmentCode: 'purge', service: 'keep', date: 'keep', slotStart: 'keep', reason: 'keep', person: 'purge', ticket: 'keep' },
  ratingGiven: { score: 'keep', comment: 'purge' },
  bookingCancelled: { bookingId: 'keep', reason: 'purge' },
  deskOpened: {},
  deskClosed: {},
  pauseStarted: { reason: 'keep', note: 'purge' },
  pauseEnded: {},
  // A supervisor's note may name the client, like a clerk's note.
  conflictResolved: { conflictEventId: 'keep', note: 'purge' },
} as const satisfies PayloadFates;

/** The personal fields of an entity, by its fates. */
export function personalFields<Entity>(fates: FieldFates<Entity>): Array<keyof Entity> {
  return (Object.keys(fates) as Array<keyof Entity>).filter((key) => fates[key].personal);
}

/** A copy of `entity` without its personal fields (for logs, reports and purged days). */
export function withoutPersonalData<Entity extends object>(entity: Entity, fates: FieldFates<Entity>): Partial<Entity> {
  const personal = new Set<keyof Entity>(personalFields(fates));
  return Object.fromEntries(Object.entries(entity).filter(([key]) => !personal.has(key as keyof Entity))) as Partial<Entity>;
}

/** A copy of the event with its personal payload fields removed (for logs and purged days). */
export function eventWithoutPersonalData(event: BalieEvent): BalieEvent {
  const fates = EVENT_PAYLOAD_FATES[event.type] as Readonly<Record<string, 'keep' | 'purge'>>;
  const payload = Object.fromEntries(Object.entries(event.payload).filter(([key]) => fates[key] !== 'purge'));
  return { ...event, payload } as BalieEvent;
}
