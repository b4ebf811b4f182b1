/**
 * What the visit screen shows for one person, derived from the checklist definition (never from
 * special cases here): the steps that apply at the appointment date, the ones that do not with why,
 * the flags, what is recorded, and which step the clerk does next.
 */
import { applicableSteps, checklistFlags } from '../../../../shared/checklists/applicable-steps';
import type { ChecklistSubject } from '../../../../shared/checklists/conditions';
import type { ChecklistDefinition, ChecklistFlag, ChecklistStep } from '../../../../shared/checklists/definition-schema';
import type { StepValue } from '../../../../shared/checklists/step-value';
import { checklistForAppointment } from '../../../../shared/domain/commands-service';
import type { Failure } from '../../../../shared/domain/messages';
import type { LocalAppointment, LocalPerson } from '../../db/desk-db';
import { whyFails, type WhyPart } from './why-not-applicable';

/** A step of the definition that does not apply to this person, with the parts of its condition that fail. */
export interface NotApplicableStep {
  readonly step: ChecklistStep;
  readonly why: readonly WhyPart[];
}

/** One person's checklist at this visit. */
export interface PersonChecklist {
  readonly definition: ChecklistDefinition;
  readonly subject: ChecklistSubject;
  readonly steps: readonly ChecklistStep[];
  readonly notApplicable: readonly NotApplicableStep[];
  readonly flags: readonly ChecklistFlag[];
  readonly recorded: Readonly<Record<string, StepValue>>;
}

/** The checklist subject: the person row when the desk has it (it carries the last capture date). */
export function subjectOf(appointment: LocalAppointment, person: LocalPerson | undefined): ChecklistSubject {
  return {
    dateOfBirth: person?.dateOfBirth ?? appointment.dateOfBirth,
    nationalityCategory: person?.nationalityCategory ?? appointment.nationalityCategory,
    lastCaptureDate: person?.lastCaptureDate ?? null,
  };
}

export function personChecklist(
  definitions: readonly ChecklistDefinition[],
  appointment: LocalAppointment,
  person: LocalPerson | undefined,
): { ok: true; checklist: PersonChecklist } | Failure {
  const found = checklistForAppointment(definitions, appointment);
  if (!found.ok) return found;
  const { definition } = found;
  const subject = subjectOf(appointment, person);
  const steps = applicableSteps(definition, subject, appointment.date);
  const applying = new Set(steps.map((step) => step.id));
  const notApplicable = definition.steps
    .filter((step) => !applying.has(step.id) && step.when)
    .map((step) => ({ step, why: step.when ? whyFails(step.when, subject, appointment.date) : [] }));
  const recorded = Object.fromEntries(Object.entries(appointment.steps).map(([stepId, step]) => [stepId, step.value]));
  return { ok: true, checklist: { definition, subject, steps, notApplicable, flags: checklistFlags(definition, subject, appointment.date), recorded } };
}

/**
 * The step the clerk does next: the first required step not yet recorded after `afterStepId` (in
 * the definition's order), else the first one anywhere; undefined when every required step is done
 * (then the summary is next). `alsoDone` are steps recorded a moment ago and not yet read back.
 * Optional steps stay one Tab away but never hold up the flow.
 */
export function nextStepId(checklist: PersonChecklist, afterStepId: string | null, alsoDone: ReadonlySet<string> = new Set()): string | undefined {
  const open = (step: ChecklistStep) => step.required && checklist.recorded[step.id] === undefined && !alsoDone.has(step.id);
  const start = afterStepId === null ? 0 : checklist.steps.findIndex((step) => step.id === afterStepId) + 1;
  return (checklist.steps.slice(start).find(open) ?? checklist.steps.find(open))?.id;
}
