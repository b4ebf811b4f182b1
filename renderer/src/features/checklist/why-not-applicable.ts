/**
 * Why a step of a checklist does not apply to this person: read from the step's own condition in
 * the definition (never a list of special cases here), so a changed definition explains itself.
 * "Two flat fingerprints: under 6" or "... : EU/EEA/Swiss citizen".
 */
import { conditionHolds, type ChecklistSubject } from '../../../../shared/checklists/conditions';
import type { Condition } from '../../../../shared/checklists/definition-schema';
import type { NationalityCategory } from '../../../../shared/domain/codes';

/** One part of the reason, translated by the screen (messages `checklistWhy_<kind>`). */
export type WhyPart =
  | { readonly kind: 'ageUnder'; readonly years: number }
  | { readonly kind: 'ageAtLeast'; readonly years: number }
  | { readonly kind: 'category'; readonly category: NationalityCategory }
  | { readonly kind: 'notTurned'; readonly ages: readonly number[] }
  | { readonly kind: 'turned'; readonly ages: readonly number[] }
  | { readonly kind: 'noRecentCapture'; readonly months: number }
  | { readonly kind: 'recentCapture'; readonly months: number };

/** What about the person makes `condition` true (used under a `not`). */
function whyHolds(condition: Condition, subject: ChecklistSubject, date: string): WhyPart[] {
  switch (condition.type) {
    case 'age-at-least':
      return [{ kind: 'ageAtLeast', years: condition.years }];
    case 'age-below':
      return [{ kind: 'ageUnder', years: condition.years }];
    case 'nationality':
      return [{ kind: 'category', category: subject.nationalityCategory }];
    case 'turned-age-since-last-capture':
      return [{ kind: 'turned', ages: condition.ages }];
    case 'last-capture-within-months':
      return [{ kind: 'recentCapture', months: condition.months }];
    case 'all':
      return condition.conditions.flatMap((inner) => whyHolds(inner, subject, date));
    case 'any':
      return condition.conditions.filter((inner) => conditionHolds(inner, subject, date)).flatMap((inner) => whyHolds(inner, subject, date));
    case 'not':
      return whyFails(condition.condition, subject, date);
  }
}

/** What about the person makes `condition` false: only the parts that fail are named. */
export function whyFails(condition: Condition, subject: ChecklistSubject, date: string): WhyPart[] {
  if (conditionHolds(condition, subject, date)) return [];
  switch (condition.type) {
    case 'age-at-least':
      return [{ kind: 'ageUnder', years: condition.years }];
    case 'age-below':
      return [{ kind: 'ageAtLeast', years: condition.years }];
    case 'nationality':
      return [{ kind: 'category', category: subject.nationalityCategory }];
    case 'turned-age-since-last-capture':
      return [{ kind: 'notTurned', ages: condition.ages }];
    case 'last-capture-within-months':
      return [{ kind: 'noRecentCapture', months: condition.months }];
    case 'all':
    case 'any':
      return condition.conditions.flatMap((inner) => whyFails(inner, subject, date));
    case 'not':
      return whyHolds(condition.condition, subject, date);
  }
}
