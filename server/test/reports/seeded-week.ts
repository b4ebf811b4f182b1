/**
 * A seeded week at Mosae Forum, played through the real server: the demo bookings of Tuesday,
 * Thursday and Friday of ISO week 2026-W10, served by three desks on a plan whose times are known
 * by construction, and pushed over HTTP by the desks' own registered devices.
 *
 * The plan: two desks open 08:45 and lunch an hour from 12:30 (or when the client at the desk
 * leaves); the third opens 13:30; all close 17:30 (or after their last client). A booking checks in 5 minutes before its slot; every
 * sixth arrives 10 minutes late; every ninth never comes (no-show at slot + 30 min). A family is
 * called together for one service at the first free desk, sits down a minute later and is served
 * one person after another, each for exactly SERVICE_SECONDS of that service: the first checklist step takes 90 s, every next one
 * 30 s. Every seventh unit ends partial (a document missing). A one stop shop visit is sent on to its
 * next service when one ends. Waits follow from the plan; the plan keeps them for the test.
 */
import { randomBytes } from 'node:crypto';
import { applicableSteps } from '../../../shared/checklists/applicable-steps';
import { DEFAULT_CHECKLISTS } from '../../../shared/checklists/default-checklists';
import { amsterdamInstant } from '../../../shared/domain/calendar-date';
import type { ServiceCode } from '../../../shared/domain/codes';
import type { CommandContext, CommandResult } from '../../../shared/domain/command-support';
import { closeDesk, endPause, openDesk, startPause } from '../../../shared/domain/commands-desk';
import { callAppointment, checkInBooking, markNoShow } from '../../../shared/domain/commands-queue';
import { complete, recordStep, startService, transfer } from '../../../shared/domain/commands-service';
import { initialDayState, type DayState } from '../../../shared/domain/day-state';
import type { Person } from '../../../shared/domain/model';
import { formatUuidV7 } from '../../../shared/domain/uuid-v7';
import type { BalieEvent } from '../../../shared/sync/events';
import { buildDemoDay, type DemoBooking } from '../../src/demo/demo-day';
import type { Queryable } from '../../src/db/database';
import { appointmentIdOf, bookingChanges } from '../../src/sync/booking-changes';
import { publishChanges } from '../../src/sync/changes';
import { validStepValue } from './day-player';

export const WEEK = '2026-W10';
export const WEEK_DAYS = ['2026-03-03', '2026-03-05', '2026-03-06'] as const;
export const SERVICE_SECONDS: Record<ServiceCode, number> = { BIO: 600, DOC: 420, VAA: 480, TKV: 480, BRP: 780, INFO: 900 };
const MINUTE = 60_000;

/** A desk that pushes: its device credential and session, and the clerk signed in on it. */
export interface PushingDesk {
  deskId: string;
  deviceId: string;
  clerkId: string;
  token: string;
  seq: number;
}

/** What the plan says happened, for the test's hand-checked figures. */
export interface WeekPlan {
  /** Seconds each called person waited (call − the later of check-in and slot, or − the transfer). */
  waits: number[];
  /** Person-services served, by service, and how many ended completed. */
  served: Record<string, number>;
  completed: number;
  noShowAppointments: number;
  lateAppointments: number;
  /** Per desk: open, pause and busy milliseconds. */
  desks: Record<string, { open: number; pause: number; busy: number; finished: number }>;
  /** The first checklist step of each service (it takes 90 s; the others 30 s). */
  firstStep: Record<string, string>;
}

interface Action {
  at: number;
  order: number;
  desk: PushingDesk;
  command: (state: DayState, context: CommandContext) => CommandResult;
}

/** Stores a day's demo bookings as the seed does and publishes them to the change feed. */
export async function bookDemoDay(db: Queryable, date: string): Promise<DemoBooking[]> {
  const bookings = buildDemoDay(date, 'MAA');
  for (const booking of bookings) {
    await db.query('INSERT INTO bookings (id, location_id, appointment_code, date, slot_start) VALUES ($1, $2, $3, $4, $5)', [
      booking.id, 'MAA', booking.appointmentCode, booking.date, booking.slotStart,
    ]);
    for (const person of booking.persons) {
      await db.query(
        'INSERT INTO persons (id, booking_id, position, full_name, date_of_birth, nationality_category, v_number) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [person.id, booking.id, person.position, person.fullName, person.dateOfBirth, person.nationalityCategory, person.vNumber],
      );
      for (const service of booking.services) {
        await db.query('INSERT INTO appointments (id, booking_id, person_id, service) VALUES ($1, $2, $3, $4)', [appointmentIdOf(person.id, service), booking.id, person.id, service]);
      }
    }
  }
  await publishChanges(db, 'MAA', bookings.flatMap((booking) => bookingChanges({ ...booking, locationId: 'MAA' })));
  return bookings;
}

const personOf = (person: DemoBooking['persons'][number]): Person => ({
  id: person.id, name: person.fullName, dateOfBirth: person.dateOfBirth, nationalityCategory: person.nationalityCategory, vNumber: person.vNumber, lastCaptureDate: null,
});

/** The day before any event, as the server's reducer starts it. */
export function initialDemoDay(bookings: readonly DemoBooking[], deskIds: readonly string[]): DayState {
  return initialDayState({
    appointments: bookings.flatMap((booking) =>
      booking.persons.flatMap((person) =>
        booking.services.map((service) => ({
          id: appointmentIdOf(person.id, service), bookingId: booking.id, appointmentCode: booking.appointmentCode, locationId: 'MAA',
          date: booking.date, slotStart: booking.slotStart, service, personId: person.id, walkIn: false,
        })),
      ),
    ),
    persons: bookings.flatMap((booking) => booking.persons.map(personOf)),
    desks: deskIds.map((id) => ({ id, locationId: 'MAA', name: id, services: ['BIO', 'DOC', 'VAA', 'TKV', 'BRP', 'INFO'], active: true })),
  });
}

/** Plans one day on `desks` and adds its actions; returns the actions in time order. */
export function planDay(date: string, bookings: readonly DemoBooking[], desks: readonly PushingDesk[], plan: WeekPlan): Action[] {
  const actions: Action[] = [];
  let order = 0;
  const at = (time: string) => amsterdamInstant(date, time);
  const add = (time: number, desk: PushingDesk, command: Action['command']) => actions.push({ at: time, order: order++, desk, command });
  // The third desk is the afternoon desk: it opens after lunch and takes none.
  const opensAt = (index: number) => at(index === 2 ? '13:30' : '08:45');
  const free = new Map(desks.map((desk, index) => [desk.deskId, opensAt(index)]));
  const lunched = new Set<string>(desks.slice(2).map((desk) => desk.deskId));
  for (const [index, desk] of desks.entries()) {
    add(opensAt(index), desk, (state, context) => openDesk(state, context));
    plan.desks[desk.deskId] ??= { open: 0, pause: 0, busy: 0, finished: 0 };
  }
  type Unit = { booking: DemoBooking; serviceIndex: number; readyAt: number; unitNumber: number };
  const ready: Unit[] = [];
  let unitNumber = 0;
  bookings.forEach((booking, index) => {
    const slot = at(booking.slotStart);
    if (index % 9 === 8) {
      plan.noShowAppointments += booking.persons.length * booking.services.length;
      for (const person of booking.persons) for (const service of booking.services) {
        add(slot + 30 * MINUTE, desks[0]!, (state, context) => markNoShow(state, { appointmentId: appointmentIdOf(person.id, service) }, context));
      }
      return;
    }
    const late = index % 6 === 5;
    const checkInAt = late ? slot + 10 * MINUTE : slot - 5 * MINUTE;
    if (late) plan.lateAppointments += booking.persons.length * booking.services.length;
    add(checkInAt, desks[0]!, (state, context) => checkInBooking(state, { appointmentCode: booking.appointmentCode, method: 'scan' }, context));
    ready.push({ booking, serviceIndex: 0, readyAt: Math.max(checkInAt, slot), unitNumber: 0 });
  });
  while (ready.length > 0) {
    ready.sort((a, b) => a.readyAt - b.readyAt || a.booking.id.localeCompare(b.booking.id));
    const unit = ready.shift()!;
    unit.unitNumber = unitNumber++;
    const desk = [...desks].sort((a, b) => free.get(a.deskId)! - free.get(b.deskId)! || a.deskId.localeCompare(b.deskId))[0]!;
    let deskFree = free.get(desk.deskId)!;
    if (!lunched.has(desk.deskId) && Math.max(unit.readyAt, deskFree) >= at('12:30')) {
      const lunch = Math.max(at('12:30'), deskFree);
      add(lunch, desk, (state, context) => startPause(state, { reason: 'lunch', note: null }, context));
      add(lunch + 60 * MINUTE, desk, (state, context) => endPause(state, context));
      plan.desks[desk.deskId]!.pause += 60 * MINUTE;
      lunched.add(desk.deskId);
      deskFree = lunch + 60 * MINUTE;
    }
    const service = unit.booking.services[unit.serviceIndex]!;
    const callAt = Math.max(unit.readyAt, deskFree);
    const outcome = unit.unitNumber % 7 === 3 ? 'partial' : 'completed';
    // The family is called together and served one after another.
    let endAt = callAt;
    for (const [position, person] of unit.booking.persons.entries()) {
      const id = appointmentIdOf(person.id, service);
      const startAt = callAt + MINUTE + position * SERVICE_SECONDS[service] * 1000;
      endAt = startAt + SERVICE_SECONDS[service] * 1000;
      plan.waits.push((callAt - unit.readyAt) / 1000);
      plan.served[service] = (plan.served[service] ?? 0) + 1;
      if (outcome === 'completed') plan.completed += 1;
      plan.desks[desk.deskId]!.finished += 1;
      add(callAt, desk, (state, context) => callAppointment(state, { appointmentId: id }, context));
      add(startAt, desk, (state, context) => startService(state, { appointmentId: id }, context));
      const steps = applicableSteps(DEFAULT_CHECKLISTS[service], personOf(person), date).filter((step) => step.kind !== 'exception');
      plan.firstStep[service] = steps[0]!.id;
      if (90 + 30 * (steps.length - 1) > SERVICE_SECONDS[service]) throw new Error(`${service} has too many steps for its time`);
      steps.forEach((step, index) => {
        add(startAt + (90 + 30 * index) * 1000, desk, (state, context) => recordStep(state, { appointmentId: id, stepId: step.id, value: validStepValue(step) }, context));
      });
      add(endAt, desk, (state, context) => complete(state, { appointmentId: id, outcome, reason: outcome === 'partial' ? 'Bewijs van adres ontbreekt' : null }, context));
    }
    // A one stop shop family goes on together once the last of them is done.
    const next = unit.booking.services[unit.serviceIndex + 1];
    for (const person of next ? unit.booking.persons : []) {
      const id = appointmentIdOf(person.id, service);
      add(endAt, desk, (state, context) => transfer(state, { appointmentId: id, toService: next!, toDeskId: null, reason: null }, context));
    }
    plan.desks[desk.deskId]!.busy += endAt - callAt;
    free.set(desk.deskId, endAt);
    if (unit.booking.services[unit.serviceIndex + 1]) ready.push({ booking: unit.booking, serviceIndex: unit.serviceIndex + 1, readyAt: endAt, unitNumber: 0 });
  }
  for (const desk of desks) {
    const closeAt = Math.max(at('17:30'), free.get(desk.deskId)!);
    add(closeAt, desk, (state, context) => closeDesk(state, context));
    plan.desks[desk.deskId]!.open += closeAt - opensAt(desks.indexOf(desk));
  }
  return actions.sort((a, b) => a.at - b.at || a.order - b.order);
}

/**
 * Runs the actions in time order on the day's state with each desk's context, and pushes each
 * desk's events over HTTP before another desk acts, so the server's order is the plan's.
 */
export async function playAndPush(serverUrl: string, initial: DayState, actions: readonly Action[]): Promise<BalieEvent[]> {
  let state = initial;
  const log: BalieEvent[] = [];
  let pending: { desk: PushingDesk; events: BalieEvent[] } | null = null;
  const flush = async () => {
    if (!pending || pending.events.length === 0) return;
    const response = await fetch(`${serverUrl}/api/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${pending.desk.token}` },
      body: JSON.stringify({ deviceId: pending.desk.deviceId, clientTime: new Date().toISOString(), events: pending.events }),
    });
    const body = (await response.json()) as { results: Array<{ status: string }> };
    const refused = body.results?.filter((result) => result.status !== 'accepted');
    if (response.status !== 200 || refused.length > 0) throw new Error(`push answered ${response.status}: ${JSON.stringify(body).slice(0, 400)}`);
    pending = null;
  };
  for (const action of actions) {
    if (pending && pending.desk !== action.desk) await flush();
    const context: CommandContext = {
      now: new Date(action.at).toISOString(), deviceId: action.desk.deviceId, deskId: action.desk.deskId, clerkId: action.desk.clerkId,
      locationId: 'MAA', nextDeviceSeq: action.desk.seq, newId: () => formatUuidV7(action.at, randomBytes(10)),
    };
    const result = action.command(state, context);
    if (!result.ok) throw new Error(`the plan was refused at ${context.now} on ${action.desk.deskId}: ${result.error.code}`);
    state = result.state;
    action.desk.seq += result.events.length;
    log.push(...result.events);
    pending ??= { desk: action.desk, events: [] };
    pending.events.push(...result.events);
    if (pending.events.length >= 200) await flush();
  }
  await flush();
  return log;
}
