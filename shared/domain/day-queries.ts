/**
 * Questions the desk and the supervisor ask of a day: who is next for this desk, what is each
 * desk doing, which booking has this code, and which visits the day holds.
 */
import { normaliseScannerInput } from '../validation/scanner-input';
import type { AppointmentState } from './appointment-state';
import type { DeskStatus, ServiceCode } from './codes';
import type { DayState } from './day-state';
import type { Visit } from './model';

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when the desk may call this queued appointment (a transfer may name another desk). */
function callableBy(appointment: AppointmentState, deskId: string): boolean {
  if (appointment.status === 'arrived') return true;
  return appointment.status === 'transferred' && (appointment.deskId === null || appointment.deskId === deskId);
}

/** Who may be called by a desk serving `services`. */
export interface DeskServing {
  readonly deskId: string;
  readonly services: readonly ServiceCode[];
}

/**
 * The queue of a desk serving `services`: checked-in and transferred persons it may call, longest
 * wait first (wait clock: the later of check-in and slot, or the transfer), then slot, then id.
 */
export function queueFor(state: DayState, desk: DeskServing): AppointmentState[] {
  return queueAmong(Object.values(state.appointments), desk);
}

/**
 * {@link queueFor} over a list of appointments: the desk's screen asks it of its own rows (which
 * carry the person's name too) and gets those same rows back, without building a day around them.
 */
export function queueAmong<Appointment extends AppointmentState>(appointments: readonly Appointment[], desk: DeskServing): Appointment[] {
  // Each wait clock is read once, not in every comparison: a busy queue holds hundreds.
  return appointments
    .filter((appointment) => desk.services.includes(appointment.service) && callableBy(appointment, desk.deskId))
    .map((appointment) => ({ appointment, waitingSince: Date.parse(appointment.waitingSince ?? '') }))
    .sort(
      (a, b) =>
        a.waitingSince - b.waitingSince ||
        compareIds(a.appointment.slotStart, b.appointment.slotStart) ||
        compareIds(a.appointment.id, b.appointment.id),
    )
    .map(({ appointment }) => appointment);
}

/** Appointments called to, or being served at, this desk. */
export function atDesk(state: DayState, deskId: string): AppointmentState[] {
  return atDeskAmong(Object.values(state.appointments), deskId);
}

/** {@link atDesk} over a list of appointments, returning those same objects. */
export function atDeskAmong<Appointment extends AppointmentState>(appointments: readonly Appointment[], deskId: string): Appointment[] {
  return appointments.filter((appointment) => appointment.deskId === deskId && (appointment.status === 'called' || appointment.status === 'in-service'));
}

/** What the desk is doing by the day's events (`offline` is for the server to say, from sync). */
export function deskStatusOf(state: DayState, deskId: string): Exclude<DeskStatus, 'offline'> {
  const desk = state.desks[deskId];
  if (desk?.status === 'paused') return 'paused';
  if (atDesk(state, deskId).length > 0) return 'serving';
  return desk?.status === 'open' ? 'idle' : 'closed';
}

/** The booking id of an appointment code (scanned or typed), or undefined. */
export function bookingIdByCode(state: DayState, rawCode: string): string | undefined {
  const code = normaliseScannerInput(rawCode);
  if (code === '') return undefined;
  return Object.values(state.appointments).find(
    (appointment) => appointment.appointmentCode !== null && normaliseScannerInput(appointment.appointmentCode) === code,
  )?.bookingId;
}

function firstActivity(appointment: AppointmentState): string {
  return appointment.serviceStartedAt ?? appointment.calledAt ?? `~${appointment.slotStart}`;
}

/**
 * The visits of the day: one per person, date and location, with the person's appointments in the
 * order they were first served (not yet served ones last, by slot).
 */
export function visitsOf(state: DayState): Visit[] {
  const groups = new Map<string, AppointmentState[]>();
  for (const appointment of Object.values(state.appointments)) {
    const id = `${appointment.personId}/${appointment.date}/${appointment.locationId}`;
    groups.set(id, [...(groups.get(id) ?? []), appointment]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compareIds(a, b))
    .map(([id, appointments]) => {
      const [first] = appointments as [AppointmentState];
      const ordered = [...appointments].sort((a, b) => compareIds(firstActivity(a), firstActivity(b)) || compareIds(a.id, b.id));
      return { id, personId: first.personId, date: first.date, locationId: first.locationId, appointmentIds: ordered.map((a) => a.id) };
    });
}
