/**
 * The supervisor's figures, computed from the events the same way on the desk, the server and in
 * exports. Definitions (DOMAIN.md §5):
 * - waiting time: from the later of check-in and the booked slot (or from a transfer) to the call;
 *   calls back after parking are not new waits;
 * - service time: in service at a desk until the outcome or a transfer, parked time left out; one
 *   sample per service episode;
 * - step time: from the previous step (or the start of service) to the recorded step;
 * - visit time: first check-in to the end of the last service of the person's day;
 * - service level: share of waits that ended within the target (default 5 minutes);
 * - no-show rate: no-shows / booked appointments (walk-ins and cancelled bookings left out), by the
 *   appointment's service, date and slot hour; not defined per desk or clerk (null there);
 * - first time right: share of finished visits whose every served service ended `completed`;
 * - idle and pause time: within the desk's open periods (deskOpened → deskClosed, or now).
 * Hours and days are Europe/Amsterdam wall-clock hours (`HH:00`) and dates of the event ending the
 * sample (for no-shows and late arrivals: of the booked slot).
 */
import { DEFAULT_CHECKLISTS } from '../checklists/default-checklists';
import type { ChecklistDefinition } from '../checklists/definition-schema';
import type { AppointmentState } from '../domain/appointment-state';
import { amsterdamDateOf, amsterdamHourOf, amsterdamInstant } from '../domain/calendar-date';
import type { DayState } from '../domain/day-state';
import type { BalieEvent } from '../sync/events';
import { clerkTimes, deskTimes, type DeskTime } from './desk-time';
import { liveStatus, type LiveStatus } from './live';
import { share, summarize, type DurationStats } from './statistics';
import { buildTimeline, type ServiceSample, type StepSample, type WaitSample } from './timeline';
import { visitFigures, type VisitFigures } from './visits';

/** Figures of one group (a desk, a clerk, a service, an hour, a day, or everything). */
export interface GroupMetrics {
  /** Services that ended with an outcome (completed or partial). */
  readonly servicesFinished: number;
  readonly servicesCompleted: number;
  /** Distinct persons with a finished service. */
  readonly personsServed: number;
  readonly waitingTime: DurationStats;
  readonly serviceTime: DurationStats;
  readonly serviceLevel: { readonly targetSeconds: number; readonly withinTarget: number; readonly calls: number; readonly share: number | null };
  /** Null per desk and per clerk, where a no-show has no meaning. */
  readonly noShows: number | null;
  readonly noShowRate: number | null;
  /** Booked appointments checked in after their slot; null per desk and per clerk. */
  readonly lateArrivals: number | null;
}

/** Time per checklist step. */
export interface StepMetrics {
  readonly service: string;
  readonly checklistId: string;
  readonly stepId: string;
  readonly time: DurationStats;
}

/** Everything a report shows. */
export interface MetricsReport {
  readonly targetWaitSeconds: number;
  readonly overall: GroupMetrics;
  readonly byDesk: Readonly<Record<string, GroupMetrics>>;
  readonly byClerk: Readonly<Record<string, GroupMetrics>>;
  readonly byService: Readonly<Record<string, GroupMetrics>>;
  readonly byHour: Readonly<Record<string, GroupMetrics>>;
  readonly byDay: Readonly<Record<string, GroupMetrics>>;
  readonly steps: readonly StepMetrics[];
  readonly visits: VisitFigures;
  readonly deskTime: Readonly<Record<string, DeskTime>>;
  readonly clerkTime: Readonly<Record<string, DeskTime>>;
  readonly live: LiveStatus;
}

/** What to compute from. */
export interface MetricsInput {
  /** The day before the events: booked appointments and persons (initialDayState). */
  readonly initial: DayState;
  /** The events in log order; duplicates and conflicting events are ignored. */
  readonly events: readonly BalieEvent[];
  /** The instant of the report (ISO): open periods, pauses and waits run until then. */
  readonly now: string;
  /** Waiting-time target in seconds; default 300 (Maastricht's charter: 5 minutes). */
  readonly targetWaitSeconds?: number;
  /**
   * The checklist definitions the log's reducer re-checks steps with (default: the shipped ones,
   * as the desk's commands use), so that the same events count as applied as on the server.
   */
  readonly checklists?: readonly ChecklistDefinition[];
}

type Sample = WaitSample | ServiceSample;
type Dimension = 'desk' | 'clerk' | 'service' | 'hour' | 'day' | 'all';

const hourKey = (epochMs: number) => `${String(amsterdamHourOf(new Date(epochMs))).padStart(2, '0')}:00`;
const dayKey = (epochMs: number) => amsterdamDateOf(new Date(epochMs));

function sampleKey(sample: Sample, dimension: Dimension): string {
  switch (dimension) {
    case 'desk': return sample.deskId;
    case 'clerk': return sample.clerkId;
    case 'service': return sample.service;
    case 'hour': return hourKey(sample.at);
    case 'day': return dayKey(sample.at);
    case 'all': return 'all';
  }
}

function appointmentKey(appointment: AppointmentState, dimension: Dimension): string | null {
  switch (dimension) {
    case 'service': return appointment.service;
    case 'hour': return `${appointment.slotStart.slice(0, 2)}:00`;
    case 'day': return appointment.date;
    case 'all': return 'all';
    default: return null;
  }
}

interface Parts {
  waits: WaitSample[];
  services: ServiceSample[];
  booked: AppointmentState[];
}

function groupMetrics(parts: Parts, dimension: Dimension, targetSeconds: number): GroupMetrics {
  const finished = parts.services.filter((sample) => sample.ending !== 'transferred');
  const withinTarget = parts.waits.filter((sample) => sample.seconds <= targetSeconds).length;
  const perAppointment = dimension !== 'desk' && dimension !== 'clerk';
  const noShows = parts.booked.filter((appointment) => appointment.status === 'no-show').length;
  const late = parts.booked.filter(
    (appointment) => appointment.checkedInAt !== null && Date.parse(appointment.checkedInAt) > amsterdamInstant(appointment.date, appointment.slotStart),
  ).length;
  return {
    servicesFinished: finished.length,
    servicesCompleted: finished.filter((sample) => sample.ending === 'completed').length,
    personsServed: new Set(finished.map((sample) => sample.personId)).size,
    waitingTime: summarize(parts.waits.map((sample) => sample.seconds)),
    serviceTime: summarize(parts.services.map((sample) => sample.seconds)),
    serviceLevel: { targetSeconds, withinTarget, calls: parts.waits.length, share: share(withinTarget, parts.waits.length) },
    noShows: perAppointment ? noShows : null,
    noShowRate: perAppointment ? share(noShows, parts.booked.length) : null,
    lateArrivals: perAppointment ? late : null,
  };
}

function grouped(timeline: { waits: WaitSample[]; services: ServiceSample[] }, booked: AppointmentState[], dimension: Dimension, target: number) {
  const groups = new Map<string, Parts>();
  const group = (key: string) => groups.get(key) ?? groups.set(key, { waits: [], services: [], booked: [] }).get(key)!;
  for (const sample of timeline.waits) group(sampleKey(sample, dimension)).waits.push(sample);
  for (const sample of timeline.services) group(sampleKey(sample, dimension)).services.push(sample);
  for (const appointment of booked) {
    const key = appointmentKey(appointment, dimension);
    if (key !== null) group(key).booked.push(appointment);
  }
  const keys = [...groups.keys()].sort();
  return Object.fromEntries(keys.map((key) => [key, groupMetrics(groups.get(key)!, dimension, target)]));
}

function stepMetrics(steps: readonly StepSample[]): StepMetrics[] {
  const groups = new Map<string, StepSample[]>();
  for (const sample of steps) {
    const key = `${sample.service}\u0000${sample.checklistId}\u0000${sample.stepId}`;
    groups.set(key, [...(groups.get(key) ?? []), sample]);
  }
  return [...groups.keys()].sort().map((key) => {
    const [service, checklistId, stepId] = key.split('\u0000') as [string, string, string];
    return { service, checklistId, stepId, time: summarize(groups.get(key)!.map((sample) => sample.seconds)) };
  });
}

/** Computes every figure of the report from the day's appointments and events. */
export function computeMetrics(input: MetricsInput): MetricsReport {
  const target = input.targetWaitSeconds ?? 300;
  const checklists = input.checklists ?? Object.values(DEFAULT_CHECKLISTS);
  const timeline = buildTimeline(input.initial, input.events, input.now, { checklists });
  const booked = Object.values(timeline.finalState.appointments).filter((appointment) => !appointment.walkIn && appointment.status !== 'cancelled');
  const by = (dimension: Dimension) => grouped(timeline, booked, dimension, target);
  return {
    targetWaitSeconds: target,
    overall: by('all').all ?? groupMetrics({ waits: [], services: [], booked: [] }, 'all', target),
    byDesk: by('desk'),
    byClerk: by('clerk'),
    byService: by('service'),
    byHour: by('hour'),
    byDay: by('day'),
    steps: stepMetrics(timeline.steps),
    visits: visitFigures(timeline.finalState),
    deskTime: deskTimes(timeline.desks, timeline.services),
    clerkTime: clerkTimes(timeline.desks, timeline.services),
    live: liveStatus(timeline.finalState, input.now, target),
  };
}
