/**
 * Visit figures: a visit is one person's day at the location, across services and desks
 * (visitsOf). It is finished when every appointment of it is final and at least one was served.
 * Visit time runs from the first check-in to the end of the last served appointment; it is first
 * time right when every served appointment ended `completed` (any other outcome means a second
 * appointment: missing document, not in the IND system, equipment failure, client left...).
 */
import type { AppointmentState } from '../domain/appointment-state';
import { FINAL_STATUSES } from '../domain/codes';
import { visitsOf } from '../domain/day-queries';
import type { DayState } from '../domain/day-state';
import { share, summarize, type DurationStats } from './statistics';

/** Visit figures of a set of visits. */
export interface VisitGroup {
  readonly visits: number;
  readonly finished: number;
  readonly firstTimeRight: number;
  readonly firstTimeRightShare: number | null;
  readonly visitTime: DurationStats;
}

/** Visit figures overall and per day. */
export interface VisitFigures extends VisitGroup {
  readonly byDay: Readonly<Record<string, VisitGroup>>;
}

interface VisitFacts {
  readonly date: string;
  readonly finished: boolean;
  readonly firstTimeRight: boolean;
  readonly seconds: number | null;
}

const isFinal = (appointment: AppointmentState) => (FINAL_STATUSES as readonly string[]).includes(appointment.status);
const served = (appointment: AppointmentState) => appointment.status === 'completed' || appointment.status === 'partial';

function factsOf(appointments: readonly AppointmentState[], date: string): VisitFacts {
  const servedOnes = appointments.filter(served);
  const finished = servedOnes.length > 0 && appointments.every(isFinal);
  const checkIns = appointments.map((appointment) => Date.parse(appointment.checkedInAt ?? '')).filter(Number.isFinite);
  const ends = servedOnes.map((appointment) => Date.parse(appointment.finishedAt ?? '')).filter(Number.isFinite);
  const seconds = finished && checkIns.length > 0 && ends.length > 0 ? Math.max(0, Math.max(...ends) - Math.min(...checkIns)) / 1000 : null;
  return { date, finished, firstTimeRight: finished && servedOnes.every((appointment) => appointment.status === 'completed'), seconds };
}

function groupOf(facts: readonly VisitFacts[]): VisitGroup {
  const finished = facts.filter((visit) => visit.finished);
  const firstTimeRight = finished.filter((visit) => visit.firstTimeRight).length;
  return {
    visits: facts.length,
    finished: finished.length,
    firstTimeRight,
    firstTimeRightShare: share(firstTimeRight, finished.length),
    visitTime: summarize(finished.flatMap((visit) => (visit.seconds === null ? [] : [visit.seconds]))),
  };
}

/** Visit figures of the day's state (cancelled appointments are no part of a visit). */
export function visitFigures(state: DayState): VisitFigures {
  const facts = visitsOf(state)
    .map((visit) => ({ date: visit.date, appointments: visit.appointmentIds.map((id) => state.appointments[id]!).filter((a) => a.status !== 'cancelled') }))
    .filter((visit) => visit.appointments.length > 0)
    .map((visit) => factsOf(visit.appointments, visit.date));
  const days = [...new Set(facts.map((visit) => visit.date))].sort();
  return { ...groupOf(facts), byDay: Object.fromEntries(days.map((day) => [day, groupOf(facts.filter((visit) => visit.date === day))])) };
}
