/**
 * Which steps of a checklist apply to a given person at a given appointment date, and which flags
 * the clerk must see. Options and exceptions with conditions are filtered the same way.
 */
import type { ChecklistDefinition, ChecklistFlag, ChecklistOption, ChecklistStep } from './definition-schema';
import { applies, type ChecklistSubject } from './conditions';

function filterOptions(
  options: readonly ChecklistOption[] | undefined,
  subject: ChecklistSubject,
  appointmentDate: string,
): ChecklistOption[] | undefined {
  return options?.filter((option) => applies(option.when, subject, appointmentDate));
}

function narrowStep(step: ChecklistStep, subject: ChecklistSubject, appointmentDate: string): ChecklistStep {
  const exceptions = filterOptions(step.exceptions, subject, appointmentDate);
  if (step.kind === 'choice') {
    return { ...step, exceptions, options: filterOptions(step.options, subject, appointmentDate) ?? [] };
  }
  if (step.kind === 'exception') return { ...step, exceptions: exceptions ?? [] };
  return { ...step, exceptions };
}

/**
 * The steps of `definition` that apply to `person` on `appointmentDate` (`YYYY-MM-DD`), in the
 * definition's order, with the options and exceptions that apply to them. Steps without a `when`
 * always apply. A 5-year-old's BIO checklist has a photo and no fingerprints; an EU citizen's has
 * no fingerprints; the signature appears at the age the definition configures.
 */
export function applicableSteps(
  definition: ChecklistDefinition,
  person: ChecklistSubject,
  appointmentDate: string,
): ChecklistStep[] {
  return definition.steps
    .filter((step) => applies(step.when, person, appointmentDate))
    .map((step) => narrowStep(step, person, appointmentDate));
}

/** The flags of `definition` whose conditions hold for `person` on `appointmentDate`. */
export function checklistFlags(
  definition: ChecklistDefinition,
  person: ChecklistSubject,
  appointmentDate: string,
): ChecklistFlag[] {
  return definition.flags.filter((flag) => applies(flag.when, person, appointmentDate));
}

/** The applicable step with this id, or undefined when the step does not exist or does not apply. */
export function applicableStep(
  definition: ChecklistDefinition,
  person: ChecklistSubject,
  appointmentDate: string,
  stepId: string,
): ChecklistStep | undefined {
  return applicableSteps(definition, person, appointmentDate).find((step) => step.id === stepId);
}
