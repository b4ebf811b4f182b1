/**
 * The input of one step by its kind, keyboard first: a confirm step is one Enter; a choice takes
 * a digit (choose and record) or arrows and Enter; a text step is typed or scanned (a wedge scanner
 * types fast and ends with Enter) and is checked against its format as it is typed.
 */
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ChecklistStep } from '../../../../shared/checklists/definition-schema';
import { checkStepValue } from '../../../../shared/checklists/step-rules';
import type { StepValue } from '../../../../shared/checklists/step-value';
import { useI18n } from '../../i18n/i18n';

export interface StepInputProps<Kind extends ChecklistStep['kind']> {
  readonly step: Extract<ChecklistStep, { kind: Kind }>;
  readonly titleId: string;
  /** The error shown under the step, when there is one: the input points to it. */
  readonly errorId: string | undefined;
  readonly previous: StepValue | undefined;
  readonly onRecord: (value: StepValue) => Promise<boolean>;
  readonly onError: (message: string | null) => void;
  readonly registerFocus: (element: HTMLElement | null) => void;
}

export function ConfirmInput({ titleId, errorId, onRecord, registerFocus }: StepInputProps<'confirm'>) {
  const { t } = useI18n();
  return (
    <button type="button" className="visit-primary" ref={registerFocus} aria-describedby={[titleId, errorId].filter(Boolean).join(' ')} aria-keyshortcuts="Enter" onClick={() => void onRecord({ kind: 'confirmed' })}>
      {t('checklistConfirm')} <kbd aria-hidden="true">Enter</kbd>
    </button>
  );
}

const digitOf = (event: KeyboardEvent) => (/^[1-9]$/.test(event.key) && !event.altKey && !event.ctrlKey ? Number(event.key) - 1 : -1);

export function ChoiceInput({ step, titleId, errorId, previous, onRecord, onError, registerFocus }: StepInputProps<'choice'>) {
  const { t, language } = useI18n();
  const name = useId();
  const initial = previous?.kind === 'choice' ? previous.optionIds : step.multiple ? [] : step.options.slice(0, 1).map((option) => option.id);
  const [chosen, setChosen] = useState<readonly string[]>(initial);
  const record = (optionIds: readonly string[]) => {
    if (optionIds.length === 0) {
      onError(t('checklistChooseAtLeastOne'));
      return;
    }
    void onRecord({ kind: 'choice', optionIds: [...optionIds] });
  };
  const toggle = (optionId: string) => setChosen((current) => (current.includes(optionId) ? current.filter((id) => id !== optionId) : [...current, optionId]));
  const onKeyDown = (event: KeyboardEvent) => {
    const index = digitOf(event);
    const option = step.options[index];
    if (option) {
      event.preventDefault();
      if (step.multiple) toggle(option.id);
      else record([option.id]);
    } else if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      record(chosen);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record(chosen);
  };
  const focusIndex = Math.max(0, step.options.findIndex((option) => chosen.includes(option.id)));
  return (
    <form className="visit-choice" onSubmit={submit} onKeyDown={onKeyDown}>
      <fieldset aria-labelledby={titleId} aria-describedby={errorId}>
        {step.options.map((option, index) => (
          <label key={option.id} className="visit-option">
            <input
              ref={index === focusIndex ? registerFocus : undefined}
              type={step.multiple ? 'checkbox' : 'radio'}
              name={name}
              value={option.id}
              checked={chosen.includes(option.id)}
              onChange={() => (step.multiple ? toggle(option.id) : setChosen([option.id]))}
            />
            <kbd aria-hidden="true">{index + 1}</kbd> {option.label[language]}
          </label>
        ))}
      </fieldset>
      <button type="submit">
        {t('checklistRecord')} <kbd aria-hidden="true">Enter</kbd>
      </button>
    </form>
  );
}

/** Text and number steps: checked as typed against the step's rule; Enter (or the scanner's) records. */
export function TypedInput({ step, titleId, errorId, previous, onRecord, onError, registerFocus }: StepInputProps<'text' | 'number'>) {
  const { t, language } = useI18n();
  const hintId = useId();
  const initial = previous?.kind === 'text' ? previous.text : previous?.kind === 'number' ? String(previous.number) : '';
  const [raw, setRaw] = useState(initial);
  const [refused, setRefused] = useState(false);
  const checked = (text: string) => {
    if (step.kind === 'text') return checkStepValue(step, { kind: 'text', text });
    const number = Number(text.trim().replace(',', '.'));
    return text.trim() === '' || !Number.isFinite(number) ? null : checkStepValue(step, { kind: 'number', number });
  };
  const describe = (text: string) => {
    const result = checked(text);
    if (result === null) return t('checklistNumberInvalid');
    return result.ok ? null : result.error.message[language];
  };
  const onChange = (text: string) => {
    setRaw(text);
    // Once refused, the reason follows the typing, so the clerk sees when the value is right.
    if (refused) onError(text.trim() === '' ? null : describe(text));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = checked(raw);
    if (result === null || !result.ok) {
      setRefused(true);
      onError(describe(raw));
      return;
    }
    if (await onRecord(result.value)) setRefused(false);
  };
  const live = raw.trim() === '' ? null : checked(raw);
  // Checked as typed: the hint says what is still wrong, or the value as it will be stored. Only a
  // refused Enter raises an alert (a screen reader is not interrupted at every key).
  const liveHint = () => {
    if (refused || raw.trim() === '') return t('checklistTextHint');
    if (live === null) return t('checklistNumberInvalid');
    if (!live.ok) return live.error.message[language];
    return live.value.kind === 'text' ? t('checklistInputOk', { value: live.value.text }) : t('checklistTextHint');
  };
  return (
    <form className="visit-typed" onSubmit={submit}>
      <input
        ref={registerFocus}
        type="text"
        inputMode={step.kind === 'number' ? 'decimal' : undefined}
        autoComplete="off"
        spellCheck={false}
        aria-labelledby={titleId}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ')}
        aria-invalid={refused && live !== null && !live.ok ? true : undefined}
        value={raw}
        onChange={(event) => onChange(event.target.value)}
      />
      <button type="submit">
        {t('checklistRecord')} <kbd aria-hidden="true">Enter</kbd>
      </button>
      <p id={hintId} className="visit-hint">
        {liveHint()}
      </p>
    </form>
  );
}
