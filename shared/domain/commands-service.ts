/**
 * Commands at the desk while serving: start, record a checklist step, park, finish, transfer,
 * add a note. Steps and outcomes are checked against the checklist version the appointment follows.
 */
import { applicableStep } from '../checklists/applicable-steps';
import type { ChecklistDefinition } from '../checklists/definition-schema';
import { checkStepValue } from '../checklists/step-rules';
import type { StepValue } from '../checklists/step-value';
import type { AppointmentState } from './appointment-state';
import type { OutcomeCode, ServiceCode } from './codes';
import { appointmentDraft, checklistsOf, emit, findAppointment, type CommandContext, type CommandResult, type EventDraft } from './command-support';
import { appointmentsOfPerson, type DayState } from './day-state';
import { domainError, fail, type Failure } from './messages';

/**
 * The checklist an appointment follows: the version its first recorded step named, otherwise the
 * newest version for its service among `definitions`.
 */
export function checklistForAppointment(
  definitions: readonly ChecklistDefinition[],
  appointment: AppointmentState,
): { ok: true; definition: ChecklistDefinition } | Failure {
  const [started] = Object.values(appointment.steps);
  const candidates = started
    ? definitions.filter((definition) => definition.id === started.checklistId && definition.version === started.checklistVersion)
    : definitions.filter((definition) => definition.service === appointment.service);
  const newest = candidates.reduce<ChecklistDefinition | undefined>((best, definition) => (!best || definition.version > best.version ? definition : best), undefined);
  return newest
    ? { ok: true, definition: newest }
    : fail(domainError('checklist-missing', 'De checklist voor deze dienst ontbreekt op deze balie.', 'The checklist for this service is missing on this desk.'));
}

function simple(type: 'serviceStarted' | 'parked' | 'noteAdded', payload: (appointment: AppointmentState) => unknown) {
  return (state: DayState, appointmentId: string, context: CommandContext): CommandResult => {
    const found = findAppointment(state, appointmentId);
    return found.ok ? emit(state, [appointmentDraft(found.appointment, type, payload(found.appointment))], context) : found;
  };
}

/** The called person sat down at this desk: service time starts. */
export function startService(state: DayState, input: { readonly appointmentId: string }, context: CommandContext): CommandResult {
  return simple('serviceStarted', () => ({}))(state, input.appointmentId, context);
}

/** The person steps aside (e.g. to fill in a form) and will be called again. */
export function park(state: DayState, input: { readonly appointmentId: string; readonly reason: string | null }, context: CommandContext): CommandResult {
  return simple('parked', () => ({ reason: input.reason?.trim() || null }))(state, input.appointmentId, context);
}

/** Adds a note to the appointment. */
export function addNote(state: DayState, input: { readonly appointmentId: string; readonly text: string }, context: CommandContext): CommandResult {
  if (input.text.trim() === '') return fail(domainError('note-empty', 'De notitie is leeg.', 'The note is empty.'));
  return simple('noteAdded', () => ({ text: input.text.trim() }))(state, input.appointmentId, context);
}

/**
 * Records one checklist step: the step must apply to the person at the appointment date, and the
 * value must fit the step (scanned numbers are stored normalised).
 */
export function recordStep(
  state: DayState,
  input: { readonly appointmentId: string; readonly stepId: string; readonly value: StepValue; readonly startedAt?: string },
  context: CommandContext,
): CommandResult {
  const found = findAppointment(state, input.appointmentId);
  if (!found.ok) return found;
  const { appointment } = found;
  const checklist = checklistForAppointment(checklistsOf(context), appointment);
  if (!checklist.ok) return checklist;
  const person = state.persons[appointment.personId];
  if (!person) return fail(domainError('person-unknown', 'De persoon van deze afspraak is onbekend.', 'The person of this appointment is unknown.'));
  const step = applicableStep(checklist.definition, person, appointment.date, input.stepId);
  if (!step) return fail(domainError('step-not-applicable', 'Deze stap geldt niet voor deze persoon.', 'This step does not apply to this person.'));
  const checked = checkStepValue(step, input.value);
  if (!checked.ok) return checked;
  const { id: checklistId, version: checklistVersion } = checklist.definition;
  // A start after now (a clock that moved back) says nothing: the step is timed as before.
  const startedAt = input.startedAt !== undefined && Date.parse(input.startedAt) <= Date.parse(context.now) ? { startedAt: input.startedAt } : {};
  return emit(state, [appointmentDraft(appointment, 'stepRecorded', { checklistId, checklistVersion, stepId: step.id, value: checked.value, ...startedAt })], context);
}

/**
 * Finishes the service with an outcome. `completed` needs every required step that applies;
 * any other outcome makes the appointment `partial` (a `partial` outcome needs a reason).
 */
export function complete(
  state: DayState,
  input: { readonly appointmentId: string; readonly outcome: Exclude<OutcomeCode, 'no-show'>; readonly reason: string | null },
  context: CommandContext,
): CommandResult {
  const found = findAppointment(state, input.appointmentId);
  if (!found.ok) return found;
  const checklist = checklistForAppointment(checklistsOf(context), found.appointment);
  if (!checklist.ok) return checklist;
  const payload = { checklistId: checklist.definition.id, checklistVersion: checklist.definition.version, outcome: input.outcome, reason: input.reason?.trim() || null };
  return emit(state, [appointmentDraft(found.appointment, 'serviceCompleted', payload)], context);
}

/**
 * Transfers the person: to another desk for the same service (from called, in service or parked),
 * or on to the next service of the visit once this one has ended (one stop shop: BIO → BRP →
 * INFO). When the person has no appointment for the next service, one is added as a walk-in.
 * `toDeskId` null: any desk serving that service may call them.
 */
export function transfer(
  state: DayState,
  input: { readonly appointmentId: string; readonly toService: ServiceCode; readonly toDeskId: string | null; readonly reason: string | null },
  context: CommandContext,
): CommandResult {
  const found = findAppointment(state, input.appointmentId);
  if (!found.ok) return found;
  const source = found.appointment;
  const reason = input.reason?.trim() || null;
  if (input.toService === source.service) {
    return emit(state, [appointmentDraft(source, 'transferred', { toService: input.toService, toDeskId: input.toDeskId, toAppointmentId: source.id, reason })], context);
  }
  const drafts: EventDraft[] = [];
  let target = appointmentsOfPerson(state, source.personId).find(
    (appointment) => appointment.service === input.toService && (appointment.status === 'expected' || appointment.status === 'arrived'),
  );
  const person = state.persons[source.personId];
  if (!target && person) {
    const appointmentId = context.newId();
    const walkIn = { bookingId: source.bookingId, appointmentCode: source.appointmentCode, service: input.toService, date: source.date, slotStart: source.slotStart, reason: 'next-service', person: { id: person.id, name: person.name, dateOfBirth: person.dateOfBirth, nationalityCategory: person.nationalityCategory, vNumber: person.vNumber } };
    drafts.push({ type: 'walkInRegistered', appointmentId, personId: person.id, payload: walkIn } as EventDraft);
    target = { ...source, id: appointmentId };
  }
  if (!target) return fail(domainError('person-unknown', 'De persoon van deze afspraak is onbekend.', 'The person of this appointment is unknown.'));
  drafts.push(appointmentDraft(source, 'transferred', { toService: input.toService, toDeskId: input.toDeskId, toAppointmentId: target.id, reason }));
  return emit(state, drafts, context);
}
