/**
 * Evaluates checklist conditions for one person at one appointment date. Ages are whole years by
 * calendar arithmetic on the date of birth (calendar-date.ts), never from instants or time zones.
 */
import { addMonths, ageOn } from '../domain/calendar-date';
import type { NationalityCategory } from '../domain/codes';
import type { Condition } from './definition-schema';

/** What conditions may look at: the person as the checklist needs them, on the appointment date. */
export interface ChecklistSubject {
  readonly dateOfBirth: string;
  readonly nationalityCategory: NationalityCategory;
  /** Date of the last biometric capture, when known. */
  readonly lastCaptureDate?: string | null;
}

function turnedAgeSince(subject: ChecklistSubject, appointmentDate: string, ages: readonly number[]): boolean {
  const lastCapture = subject.lastCaptureDate;
  if (!lastCapture) return false;
  const before = ageOn(subject.dateOfBirth, lastCapture).years;
  const now = ageOn(subject.dateOfBirth, appointmentDate).years;
  return ages.some((age) => before < age && now >= age);
}

/** True when `condition` holds for `subject` on `appointmentDate` (`YYYY-MM-DD`). */
export function conditionHolds(condition: Condition, subject: ChecklistSubject, appointmentDate: string): boolean {
  switch (condition.type) {
    case 'age-at-least':
      return ageOn(subject.dateOfBirth, appointmentDate).years >= condition.years;
    case 'age-below':
      return ageOn(subject.dateOfBirth, appointmentDate).years < condition.years;
    case 'nationality':
      return condition.in.includes(subject.nationalityCategory);
    case 'turned-age-since-last-capture':
      return turnedAgeSince(subject, appointmentDate, condition.ages);
    case 'last-capture-within-months':
      return Boolean(subject.lastCaptureDate) && appointmentDate < addMonths(subject.lastCaptureDate as string, condition.months);
    case 'all':
      return condition.conditions.every((inner) => conditionHolds(inner, subject, appointmentDate));
    case 'any':
      return condition.conditions.some((inner) => conditionHolds(inner, subject, appointmentDate));
    case 'not':
      return !conditionHolds(condition.condition, subject, appointmentDate);
  }
}

/** True when the condition is absent or holds. */
export function applies(condition: Condition | undefined, subject: ChecklistSubject, appointmentDate: string): boolean {
  return condition === undefined || conditionHolds(condition, subject, appointmentDate);
}
