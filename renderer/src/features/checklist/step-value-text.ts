/** A recorded step value in words, in the clerk's language, with the labels of the definition. */
import type { ChecklistStep } from '../../../../shared/checklists/definition-schema';
import type { StepValue } from '../../../../shared/checklists/step-value';
import type { Language } from '../../i18n/i18n';

export function stepValueText(step: ChecklistStep, value: StepValue, language: Language, t: (key: 'checklistConfirmed' | 'checklistSkipped') => string): string {
  switch (value.kind) {
    case 'confirmed':
      return t('checklistConfirmed');
    case 'skipped':
      return t('checklistSkipped');
    case 'text':
      return value.text;
    case 'number':
      return step.kind === 'number' && step.unit ? `${value.number} ${step.unit}` : String(value.number);
    case 'choice': {
      const options = step.kind === 'choice' ? step.options : [];
      return value.optionIds.map((id) => options.find((option) => option.id === id)?.label[language] ?? id).join(', ');
    }
    case 'exception': {
      const exception = step.exceptions?.find((candidate) => candidate.id === value.exceptionId);
      return `${exception?.label[language] ?? value.exceptionId}: ${value.reason}`;
    }
  }
}
