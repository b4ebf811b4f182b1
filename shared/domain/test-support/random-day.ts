/**
 * Random but valid days for property tests: fast-check draws a list of clerk actions; each is
 * tried as a command against the current state, and only accepted commands add events. So every
 * generated event log is one the desks could really have made, clock skew included.
 */
import fc from 'fast-check';
import { applicableSteps } from '../../checklists/applicable-steps';
import { DEFAULT_CHECKLISTS } from '../../checklists/default-checklists';
import type { ChecklistStep } from '../../checklists/definition-schema';
import type { StepValue } from '../../checklists/step-value';
import type { BalieEvent } from '../../sync/events';
import { SERVICE_CODES, type AppointmentStatus, type OutcomeCode } from '../codes';
import type { CommandContext, CommandResult } from '../command-support';
import { callAppointment, callNext, cancelBooking, checkIn, markNoShow, recall } from '../commands-queue';
import { addNote, complete, park, recordStep, startService, transfer } from '../commands-service';
import { closeDesk, endPause, openDesk, registerWalkIn, startPause } from '../commands-desk';
import { giveRating } from '../commands-rating';
import type { DayState } from '../day-state';
import { testDay, TestDesk } from './day-fixtures';

/** One drawn clerk action. */
export interface Action {
  readonly command: number;
  readonly appointment: number;
  readonly desk: number;
  readonly pick: number;
  /** Seconds the desk clock moves before the action; sometimes backwards (clock skew). */
  readonly seconds: number;
}

/** Draws lists of actions. */
export const actionsArbitrary = (maxLength = 60) =>
  fc.array(
    fc.record({
      command: fc.nat(21),
      appointment: fc.nat(20),
      desk: fc.nat(2),
      pick: fc.nat(9),
      seconds: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 900 }) }, { weight: 1, arbitrary: fc.integer({ min: -300, max: 0 }) }),
    }),
    { maxLength, size: 'max' },
  );

const TEXT_SAMPLES: Record<string, string> = {
  'free-text': 'see letter',
  date: '2026-03-03',
  'v-number': '2345678901',
  'residence-document-number': 'V123AL568',
  'passport-number': 'AB1234567',
  'sticker-serial': 'NLD012345678',
  'appointment-code': 'HK7P2Q9',
};

function validValue(step: ChecklistStep, pick: number): StepValue {
  const exception = step.exceptions?.[0];
  if (exception && pick === 9) return { kind: 'exception', exceptionId: exception.id, reason: 'not possible today' };
  switch (step.kind) {
    case 'confirm': return { kind: 'confirmed' };
    case 'choice': return { kind: 'choice', optionIds: [step.options[pick % step.options.length]!.id] };
    case 'text': return { kind: 'text', text: TEXT_SAMPLES[step.format]! };
    case 'number': return { kind: 'number', number: step.min ?? 1 };
    case 'exception': return { kind: 'exception', exceptionId: step.exceptions[0]!.id, reason: 'card not here' };
  }
}

const OUTCOMES: Exclude<OutcomeCode, 'no-show'>[] = ['completed', 'completed', 'completed', 'completed', 'completed', 'missing-document', 'client-left', 'partial'];

type Run = (state: DayState, context: CommandContext, id: string, action: Action) => CommandResult;
/** A command, the statuses of the appointments it makes sense for, and whether the holding desk must act. */
interface Command {
  readonly run: Run;
  readonly eligible?: readonly AppointmentStatus[];
  readonly holdingDesk?: boolean;
}

function stepCommand(state: DayState, context: CommandContext, id: string, action: Action): CommandResult {
  const appointment = state.appointments[id];
  const person = appointment && state.persons[appointment.personId];
  if (!appointment || !person) return recall(state, { appointmentId: id }, context);
  const steps = applicableSteps(DEFAULT_CHECKLISTS[appointment.service], person, appointment.date);
  const step = steps.find((candidate) => appointment.steps[candidate.id] === undefined) ?? steps[action.pick % steps.length]!;
  // Half of the steps say when the clerk turned to the person: up to four minutes back, so some
  // starts fall before the previous step (which then wins) and some after it.
  const startedAt = action.pick % 2 === 0 ? { startedAt: new Date(Date.parse(context.now) - (action.pick % 240) * 1000).toISOString() } : {};
  return recordStep(state, { appointmentId: id, stepId: step.id, value: validValue(step, action.pick), ...startedAt }, context);
}

/** Records every remaining step, one command after another, as a clerk going down the list. */
function allStepsCommand(state: DayState, context: CommandContext, id: string, action: Action): CommandResult {
  let result: CommandResult = stepCommand(state, context, id, action);
  const events: BalieEvent[] = [];
  while (result.ok && events.length < 10) {
    events.push(...result.events);
    const appointment = result.state.appointments[id]!;
    const person = result.state.persons[appointment.personId]!;
    const remaining = applicableSteps(DEFAULT_CHECKLISTS[appointment.service], person, appointment.date).some((step) => appointment.steps[step.id] === undefined);
    if (!remaining) return { ok: true, events, state: result.state };
    result = stepCommand(result.state, { ...context, nextDeviceSeq: context.nextDeviceSeq + events.length }, id, action);
  }
  return events.length > 0 && result.ok ? { ok: true, events, state: result.state } : result;
}

/** Runs the command only for one draw in five, so that cancellations and no-shows do not end every day early. */
const rarely = (run: Run): Run => (state, context, id, action) =>
  action.pick % 5 === 0 ? run(state, context, id, action) : { ok: false, error: { code: 'skipped', message: { nl: '-', en: '-' } } };

const COMMANDS: Command[] = [
  { eligible: ['expected', 'no-show'], run: (state, context, id) => checkIn(state, { appointmentIds: [id], method: 'scan' }, context) },
  { run: (state, context) => callNext(state, { services: [...SERVICE_CODES] }, context) },
  { eligible: ['arrived', 'transferred', 'parked'], run: (state, context, id) => callAppointment(state, { appointmentId: id }, context) },
  { eligible: ['called'], holdingDesk: true, run: (state, context, id) => recall(state, { appointmentId: id }, context) },
  { eligible: ['called'], holdingDesk: true, run: (state, context, id) => startService(state, { appointmentId: id }, context) },
  { eligible: ['in-service'], holdingDesk: true, run: stepCommand },
  { eligible: ['in-service'], holdingDesk: true, run: allStepsCommand },
  { eligible: ['in-service'], holdingDesk: true, run: allStepsCommand },
  { eligible: ['in-service'], holdingDesk: true, run: stepCommand },
  {
    eligible: ['in-service', 'parked'],
    holdingDesk: true,
    run: (state, context, id, action) => complete(state, { appointmentId: id, outcome: OUTCOMES[action.pick % OUTCOMES.length]!, reason: 'reason given' }, context),
  },
  { eligible: ['expected', 'called'], holdingDesk: true, run: rarely((state, context, id) => markNoShow(state, { appointmentId: id }, context)) },
  {
    eligible: ['called', 'in-service', 'parked', 'completed', 'partial'],
    holdingDesk: true,
    run: (state, context, id, action) => transfer(state, { appointmentId: id, toService: SERVICE_CODES[action.pick % 6]!, toDeskId: action.pick % 2 ? null : 'desk-2', reason: null }, context),
  },
  { eligible: ['in-service'], holdingDesk: true, run: (state, context, id) => park(state, { appointmentId: id, reason: 'form' }, context) },
  {
    eligible: ['in-service', 'completed', 'partial', 'transferred'],
    holdingDesk: true,
    run: (state, context, id, action) => giveRating(state, { appointmentId: id, score: action.pick + 1, comment: action.pick % 3 ? null : 'kind and quick' }, context),
  },
  { run: rarely((state, context, id) => addNote(state, { appointmentId: id, text: 'note' }, context)) },
  {
    run: (state, context, _id, action) =>
      registerWalkIn(state, { person: { name: 'Walk In', dateOfBirth: '2000-01-01', nationalityCategory: 'other', vNumber: null }, service: SERVICE_CODES[action.pick % 6]!, reason: 'ind-invited', bookingId: action.pick % 2 ? null : 'b-haddad' }, context),
  },
  { eligible: ['expected'], run: rarely((state, context, id) => cancelBooking(state, { bookingId: state.appointments[id]?.bookingId ?? 'none', reason: null }, context)) },
  { run: (state, context) => openDesk(state, context) },
  { run: (state, context) => openDesk(state, context) },
  { run: (state, context, _id, action) => (action.pick % 2 ? startPause(state, { reason: 'break', note: null }, context) : endPause(state, context)) },
  { run: (state, context, _id, action) => (action.pick % 2 ? startPause(state, { reason: 'break', note: null }, context) : endPause(state, context)) },
  { run: (state, context) => closeDesk(state, context) },
];

/** The events and final state of a day played from `actions`. */
export function playDay(actions: readonly Action[]): { events: BalieEvent[]; state: DayState; initial: DayState; end: string } {
  const initial = testDay();
  const desks = [new TestDesk('desk-1', 'clerk-1', 1), new TestDesk('desk-2', 'clerk-2', 2), new TestDesk('desk-3', 'clerk-3', 3)];
  let clock = Date.parse('2026-03-03T07:30:00Z');
  let state = initial;
  const events: BalieEvent[] = [];
  for (const action of actions) {
    clock += action.seconds * 1000;
    const command = COMMANDS[action.command % COMMANDS.length]!;
    const all = Object.values(state.appointments).sort((a, b) => (a.id < b.id ? -1 : 1));
    const candidates = command.eligible ? all.filter((appointment) => command.eligible!.includes(appointment.status)) : all;
    const appointment = candidates[action.appointment % Math.max(1, candidates.length)] ?? all[0]!;
    const holder = command.holdingDesk ? desks.find((desk) => desk.deskId === appointment.deskId) : undefined;
    const desk = holder ?? desks[action.desk]!;
    const context = { ...desk.at('00:00:00'), now: new Date(clock).toISOString() };
    const result = command.run(state, context, appointment.id, action);
    if (!result.ok) continue;
    desk.advance(result.events.length);
    events.push(...result.events);
    state = result.state;
  }
  return { events, state, initial, end: new Date(clock + 60_000).toISOString() };
}
