/**
 * Checks a recorded value against its step, and a completion against the checklist: the same
 * rules on the desk (before the event is made) and on the server (when it arrives).
 */
import { isCalendarDate } from '../domain/calendar-date';
import type { OutcomeCode } from '../domain/codes';
import { domainError, fail, type Failure } from '../domain/messages';
import {
  validateAppointmentCode,
  validatePassportNumber,
  validateResidenceDocumentNumber,
  validateStickerSerial,
  validateVNumber,
  type IdentifierResult,
} from '../validation/identifiers';
import type { ChecklistDefinition, ChecklistStep, TextFormat } from './definition-schema';
import type { StepValue } from './step-value';
import { applicableSteps } from './applicable-steps';
import type { ChecklistSubject } from './conditions';

/** A step value that fits its step, normalised (e.g. a scanned number in canonical form). */
export type StepValueResult = { ok: true; value: StepValue } | Failure;

const wrongKind = (step: ChecklistStep) =>
  fail(domainError('step-value-kind', `Deze stap ("${step.title.nl}") verwacht een ander soort antwoord.`, `This step ("${step.title.en}") expects another kind of answer.`));

function checkText(format: TextFormat, text: string): IdentifierResult {
  const trimmed = text.trim();
  switch (format) {
    case 'free-text':
      return trimmed === '' ? fail(domainError('empty', 'Vul iets in.', 'Enter something.')) : { ok: true, value: trimmed };
    case 'date':
      return isCalendarDate(trimmed)
        ? { ok: true, value: trimmed }
        : fail(domainError('date-format', 'Vul een datum in als JJJJ-MM-DD.', 'Enter a date as YYYY-MM-DD.'));
    case 'v-number':
      return validateVNumber(text);
    case 'residence-document-number':
      return validateResidenceDocumentNumber(text);
    case 'passport-number':
      return validatePassportNumber(text);
    case 'sticker-serial':
      return validateStickerSerial(text);
    case 'appointment-code':
      return validateAppointmentCode(text);
  }
}

function checkChoice(step: Extract<ChecklistStep, { kind: 'choice' }>, optionIds: readonly string[]): StepValueResult {
  const known = new Set(step.options.map((option) => option.id));
  if (optionIds.some((optionId) => !known.has(optionId)) || new Set(optionIds).size !== optionIds.length) {
    return fail(domainError('step-option-unknown', 'Deze keuze hoort niet bij deze stap.', 'This choice does not belong to this step.'));
  }
  if (!step.multiple && optionIds.length !== 1) {
    return fail(domainError('step-option-single', 'Kies precies één mogelijkheid.', 'Choose exactly one option.'));
  }
  return { ok: true, value: { kind: 'choice', optionIds: [...optionIds] } };
}

function checkNumber(step: Extract<ChecklistStep, { kind: 'number' }>, value: number): StepValueResult {
  const outOfRange = (step.min !== undefined && value < step.min) || (step.max !== undefined && value > step.max);
  if (outOfRange || (step.integer && !Number.isInteger(value))) {
    const range = `${step.min ?? '…'}–${step.max ?? '…'}${step.unit ? ` ${step.unit}` : ''}`;
    return fail(domainError('step-number-range', `Vul een ${step.integer ? 'heel ' : ''}getal in tussen ${range}.`, `Enter a ${step.integer ? 'whole ' : ''}number between ${range}.`));
  }
  return { ok: true, value: { kind: 'number', number: value } };
}

/** Checks `value` against `step` (as returned by `applicableSteps`, so options are already narrowed). */
export function checkStepValue(step: ChecklistStep, value: StepValue): StepValueResult {
  if (value.kind === 'skipped') {
    return step.required
      ? fail(domainError('step-required', `"${step.title.nl}" is verplicht.`, `"${step.title.en}" is required.`))
      : { ok: true, value };
  }
  if (value.kind === 'exception') {
    const allowed = (step.exceptions ?? []).some((exception) => exception.id === value.exceptionId);
    return allowed
      ? { ok: true, value: { ...value, reason: value.reason.trim() } }
      : fail(domainError('step-exception-unknown', 'Deze uitzondering is bij deze stap niet mogelijk.', 'This exception is not possible for this step.'));
  }
  if (step.kind === 'confirm') return value.kind === 'confirmed' ? { ok: true, value } : wrongKind(step);
  if (step.kind === 'choice') return value.kind === 'choice' ? checkChoice(step, value.optionIds) : wrongKind(step);
  if (step.kind === 'number') return value.kind === 'number' ? checkNumber(step, value.number) : wrongKind(step);
  if (step.kind === 'text' && value.kind === 'text') {
    const checked = checkText(step.format, value.text);
    return checked.ok ? { ok: true, value: { kind: 'text', text: checked.value } } : checked;
  }
  return wrongKind(step);
}

/** The required steps that apply to the person and have no recorded value yet. */
export function missingRequiredSteps(
  definition: ChecklistDefinition,
  person: ChecklistSubject,
  appointmentDate: string,
  recorded: Readonly<Record<string, StepValue>>,
): ChecklistStep[] {
  return applicableSteps(definition, person, appointmentDate).filter((step) => step.required && recorded[step.id] === undefined);
}

/**
 * Why the service cannot end with `outcome` (or null when it can): the outcome must be one of the
 * checklist's, carry a reason when the checklist asks for one, and `completed` needs every
 * required step recorded and no exception step recorded.
 */
export function completionProblem(
  definition: ChecklistDefinition,
  person: ChecklistSubject,
  appointmentDate: string,
  recorded: Readonly<Record<string, StepValue>>,
  outcome: { code: OutcomeCode; reason: string | null },
): Failure | null {
  const declared = definition.outcomes.find((candidate) => candidate.code === outcome.code);
  if (!declared) {
    return fail(domainError('outcome-not-allowed', 'Deze uitkomst hoort niet bij deze dienst.', 'This outcome does not belong to this service.'));
  }
  if (declared.reasonRequired && !outcome.reason?.trim()) {
    return fail(domainError('outcome-reason-required', `Geef een reden bij "${declared.label.nl}".`, `Give a reason for "${declared.label.en}".`));
  }
  if (outcome.code !== 'completed') return null;
  const missing = missingRequiredSteps(definition, person, appointmentDate, recorded);
  if (missing.length > 0) {
    const names = { nl: missing.map((step) => step.title.nl).join(', '), en: missing.map((step) => step.title.en).join(', ') };
    return fail(domainError('steps-missing', `Nog niet gedaan: ${names.nl}.`, `Not done yet: ${names.en}.`));
  }
  const exceptionStep = definition.steps.find((step) => step.kind === 'exception' && recorded[step.id]?.kind === 'exception');
  if (exceptionStep) {
    return fail(domainError('completed-with-exception', `Er is een uitzondering vastgelegd (${exceptionStep.title.nl}): kies een andere uitkomst.`, `An exception was recorded (${exceptionStep.title.en}): choose another outcome.`));
  }
  return null;
}
