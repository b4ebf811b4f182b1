/**
 * Days played with the shared commands, as desks play them, for the report tests: the small test
 * day of shared/domain (a family for BIO, an EU citizen, a one stop shop visit, DOC, VAA), a player
 * that runs commands at given times, and random days drawn by fast-check where only the commands
 * the rules accept add events (clock skew included), so every log is one desks could have made.
 * (The server's TypeScript project cannot import shared's test support, hence this copy of it.)
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { applicableSteps } from '../../../shared/checklists/applicable-steps';
import { DEFAULT_CHECKLISTS } from '../../../shared/checklists/default-checklists';
import type { ChecklistStep } from '../../../shared/checklists/definition-schema';
import type { StepValue } from '../../../shared/checklists/step-value';
import { SERVICE_CODES, type AppointmentStatus, type OutcomeCode } from '../../../shared/domain/codes';
import type { CommandContext, CommandResult } from '../../../shared/domain/command-support';
import { closeDesk, endPause, openDesk, registerWalkIn, startPause } from '../../../shared/domain/commands-desk';
import { callAppointment, callNext, cancelBooking, checkIn, markNoShow, recall } from '../../../shared/domain/commands-queue';
import { addNote, complete, park, recordStep, startService, transfer } from '../../../shared/domain/commands-service';
import { initialDayState, type DayState } from '../../../shared/domain/day-state';
import type { Appointment, Person } from '../../../shared/domain/model';
import { formatUuidV7 } from '../../../shared/domain/uuid-v7';
import type { BalieEvent } from '../../../shared/sync/events';

export const TEST_DAY = '2026-03-03';
export const TEST_LOCATION = 'maa';

const PERSONS: Person[] = [
  { id: 'p-amira', name: 'Amira Haddad', dateOfBirth: '1988-06-14', nationalityCategory: 'other', vNumber: '2345678901', lastCaptureDate: null },
  { id: 'p-omar', name: 'Omar Haddad', dateOfBirth: '2011-09-02', nationalityCategory: 'other', vNumber: '2345678902', lastCaptureDate: null },
  { id: 'p-lina', name: 'Lina Haddad', dateOfBirth: '2020-11-20', nationalityCategory: 'other', vNumber: '2345678903', lastCaptureDate: null },
  { id: 'p-jan', name: 'Jan Kowalski', dateOfBirth: '1990-01-15', nationalityCategory: 'eu-eea-ch', vNumber: null, lastCaptureDate: null },
  { id: 'p-priya', name: 'Priya Raman', dateOfBirth: '1993-04-30', nationalityCategory: 'other', vNumber: '3456789012', lastCaptureDate: null },
  { id: 'p-carlos', name: 'Carlos Mendes', dateOfBirth: '1985-12-01', nationalityCategory: 'eu-family-member', vNumber: '4567890123', lastCaptureDate: null },
  { id: 'p-mei', name: 'Mei Chen', dateOfBirth: '1979-07-07', nationalityCategory: 'other', vNumber: '5678901234', lastCaptureDate: null },
];

const appointment = (id: string, bookingId: string, code: string, slotStart: string, service: Appointment['service'], personId: string): Appointment => ({
  id, bookingId, appointmentCode: code, locationId: TEST_LOCATION, date: TEST_DAY, slotStart, service, personId, walkIn: false,
});

/** The test day before any event: nine appointments of seven persons, three desks. */
export function testDay(): DayState {
  return initialDayState({
    appointments: [
      appointment('a-amira-bio', 'b-haddad', 'HK7P2Q9', '09:00', 'BIO', 'p-amira'),
      appointment('a-omar-bio', 'b-haddad', 'HK7P2Q9', '09:00', 'BIO', 'p-omar'),
      appointment('a-lina-bio', 'b-haddad', 'HK7P2Q9', '09:00', 'BIO', 'p-lina'),
      appointment('a-jan-bio', 'b-jan', 'JK4M8R2', '09:15', 'BIO', 'p-jan'),
      appointment('a-priya-bio', 'b-priya', 'PR3N6T1', '09:30', 'BIO', 'p-priya'),
      appointment('a-priya-brp', 'b-priya-brp', 'BRP55X21', '10:00', 'BRP', 'p-priya'),
      appointment('a-priya-info', 'b-priya-info', 'INF88Y34', '10:30', 'INFO', 'p-priya'),
      appointment('a-carlos-doc', 'b-carlos', 'CM9D3F7', '09:30', 'DOC', 'p-carlos'),
      appointment('a-mei-vaa', 'b-mei', 'MC2V5W8', '10:00', 'VAA', 'p-mei'),
    ],
    persons: PERSONS,
    desks: ['desk-1', 'desk-2', 'desk-3'].map((id, index) => ({ id, locationId: TEST_LOCATION, name: `Balie ${index + 1}`, services: [...SERVICE_CODES], active: true })),
  });
}

/** One desk's device: its sequence numbers and ids. */
class PlayedDesk {
  seq = 1;
  constructor(readonly deskId: string, readonly clerkId: string) {}

  context(now: string, locationId: string): CommandContext {
    return {
      now, deviceId: `device-${this.deskId}`, deskId: this.deskId, clerkId: this.clerkId, locationId,
      nextDeviceSeq: this.seq, newId: () => formatUuidV7(Date.parse(now), randomBytes(10)),
    };
  }
}

/** Plays a day command by command; `do` throws when the rules refuse the command. */
export class DayPlayer {
  readonly log: BalieEvent[] = [];
  private readonly desks = new Map<string, PlayedDesk>();

  constructor(public state: DayState, private readonly date = TEST_DAY, private readonly locationId = TEST_LOCATION) {}

  /** Runs a command at `time` (HH:MM:SS, Amsterdam winter time) or at an ISO instant. */
  do(deskId: string, time: string, command: (state: DayState, context: CommandContext) => CommandResult, clerkId = `clerk-${deskId}`): BalieEvent[] {
    const result = this.try(deskId, time, command, clerkId);
    if (!result.ok) throw new Error(`command refused at ${deskId} ${time}: ${result.error.code}`);
    return result.events;
  }

  /** Runs a command if the rules allow it. */
  try(deskId: string, time: string, command: (state: DayState, context: CommandContext) => CommandResult, clerkId = `clerk-${deskId}`): CommandResult {
    const desk = this.desks.get(deskId) ?? new PlayedDesk(deskId, clerkId);
    this.desks.set(deskId, desk);
    const now = time.includes('T') ? time : `${this.date}T${time}+01:00`;
    const result = command(this.state, desk.context(now, this.locationId));
    if (!result.ok) return result;
    desk.seq += result.events.length;
    this.log.push(...result.events);
    this.state = result.state;
    return result;
  }
}

/** A step value the step accepts. */
export function validStepValue(step: ChecklistStep, pick = 0): StepValue {
  const samples: Record<string, string> = {
    'free-text': 'see letter', date: '2026-03-03', 'v-number': '2345678901', 'residence-document-number': 'V123AL568',
    'passport-number': 'AB1234567', 'sticker-serial': 'NLD012345678', 'appointment-code': 'HK7P2Q9',
  };
  const exception = step.exceptions?.[0];
  if (exception && pick === 9) return { kind: 'exception', exceptionId: exception.id, reason: 'not possible today' };
  switch (step.kind) {
    case 'confirm': return { kind: 'confirmed' };
    case 'choice': return { kind: 'choice', optionIds: [step.options[pick % step.options.length]!.id] };
    case 'text': return { kind: 'text', text: samples[step.format]! };
    case 'number': return { kind: 'number', number: step.min ?? 1 };
    case 'exception': return { kind: 'exception', exceptionId: step.exceptions[0]!.id, reason: 'card not here' };
  }
}

/** One drawn clerk action of a random day. */
interface Action { command: number; appointment: number; desk: number; pick: number; seconds: number }

/** Lists of actions; the clock sometimes steps back (clock skew between desks). */
export const actionsArbitrary = (maxLength = 60) =>
  fc.array(
    fc.record({
      command: fc.nat(20), appointment: fc.nat(20), desk: fc.nat(2), pick: fc.nat(9),
      seconds: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 900 }) }, { weight: 1, arbitrary: fc.integer({ min: -300, max: 0 }) }),
    }),
    { maxLength, size: 'max' },
  );

const OUTCOMES: Exclude<OutcomeCode, 'no-show'>[] = ['completed', 'completed', 'completed', 'missing-document', 'client-left', 'partial'];
type Run = (state: DayState, context: CommandContext, id: string, action: Action) => CommandResult;
interface Command { run: Run; eligible?: readonly AppointmentStatus[]; holdingDesk?: boolean }
const skipped: CommandResult = { ok: false, error: { code: 'skipped', message: { nl: '-', en: '-' } } };
const rarely = (run: Run): Run => (state, context, id, action) => (action.pick % 5 === 0 ? run(state, context, id, action) : skipped);

function stepCommand(state: DayState, context: CommandContext, id: string, action: Action): CommandResult {
  const appointment = state.appointments[id];
  const person = appointment && state.persons[appointment.personId];
  if (!appointment || !person) return skipped;
  const steps = applicableSteps(DEFAULT_CHECKLISTS[appointment.service], person, appointment.date);
  const step = steps.find((candidate) => appointment.steps[candidate.id] === undefined) ?? steps[action.pick % steps.length]!;
  // Half of the steps say when the clerk turned to the person: up to four minutes back, so some
  // starts fall before the previous step (which then wins) and some after it.
  const startedAt = action.pick % 2 === 0 ? { startedAt: new Date(Date.parse(context.now) - (action.pick % 240) * 1000).toISOString() } : {};
  return recordStep(state, { appointmentId: id, stepId: step.id, value: validStepValue(step, action.pick), ...startedAt }, context);
}

const COMMANDS: Command[] = [
  { eligible: ['expected', 'no-show'], run: (state, context, id) => checkIn(state, { appointmentIds: [id], method: 'scan' }, context) },
  { run: (state, context) => callNext(state, { services: [...SERVICE_CODES] }, context) },
  { eligible: ['arrived', 'transferred', 'parked'], run: (state, context, id) => callAppointment(state, { appointmentId: id }, context) },
  { eligible: ['called'], holdingDesk: true, run: (state, context, id) => recall(state, { appointmentId: id }, context) },
  { eligible: ['called'], holdingDesk: true, run: (state, context, id) => startService(state, { appointmentId: id }, context) },
  { eligible: ['in-service'], holdingDesk: true, run: stepCommand },
  { eligible: ['in-service'], holdingDesk: true, run: stepCommand },
  { eligible: ['in-service'], holdingDesk: true, run: stepCommand },
  { eligible: ['in-service', 'parked'], holdingDesk: true, run: (state, context, id, action) => complete(state, { appointmentId: id, outcome: OUTCOMES[action.pick % OUTCOMES.length]!, reason: 'reason given' }, context) },
  { eligible: ['expected', 'called'], holdingDesk: true, run: rarely((state, context, id) => markNoShow(state, { appointmentId: id }, context)) },
  {
    eligible: ['called', 'in-service', 'parked', 'completed', 'partial'],
    holdingDesk: true,
    run: (state, context, id, action) => transfer(state, { appointmentId: id, toService: SERVICE_CODES[action.pick % 6]!, toDeskId: action.pick % 2 ? null : 'desk-2', reason: null }, context),
  },
  { eligible: ['in-service'], holdingDesk: true, run: (state, context, id) => park(state, { appointmentId: id, reason: 'form' }, context) },
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

/** Plays the test day from drawn actions; `end` is a minute after the last action. */
export function playRandomDay(actions: readonly Action[]): { events: BalieEvent[]; initial: DayState; end: string } {
  const initial = testDay();
  const player = new DayPlayer(initial);
  const desks = ['desk-1', 'desk-2', 'desk-3'];
  let clock = Date.parse('2026-03-03T07:30:00Z');
  for (const action of actions) {
    clock += action.seconds * 1000;
    const command = COMMANDS[action.command % COMMANDS.length]!;
    const all = Object.values(player.state.appointments).sort((a, b) => (a.id < b.id ? -1 : 1));
    const candidates = command.eligible ? all.filter((candidate) => command.eligible!.includes(candidate.status)) : all;
    const chosen = candidates[action.appointment % Math.max(1, candidates.length)] ?? all[0]!;
    const holder = command.holdingDesk && chosen.deskId && desks.includes(chosen.deskId) ? chosen.deskId : undefined;
    player.try(holder ?? desks[action.desk]!, new Date(clock).toISOString(), (state, context) => command.run(state, context, chosen.id, action));
  }
  return { events: player.log, initial, end: new Date(clock + 60_000).toISOString() };
}
