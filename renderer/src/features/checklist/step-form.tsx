/**
 * One step of the checklist as the clerk works through it: title, instruction, what is recorded
 * (and when), its input, its exceptions (Alt+E) and the reason when something is refused.
 */
import { useCallback, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ChecklistStep } from '../../../../shared/checklists/definition-schema';
import type { StepValue } from '../../../../shared/checklists/step-value';
import type { RecordedStep } from '../../../../shared/domain/appointment-state';
import { useI18n } from '../../i18n/i18n';
import { ExceptionPanel } from './exception-panel';
import { ChoiceInput, ConfirmInput, TypedInput, type StepInputProps } from './step-inputs';
import { stepValueText } from './step-value-text';

interface StepFormProps {
  readonly step: ChecklistStep;
  readonly position: number;
  readonly recorded: RecordedStep | undefined;
  /** Records the value; resolves to the refusal's text, or null when stored. */
  readonly onRecord: (value: StepValue) => Promise<string | null>;
  readonly registerFocus: (element: HTMLElement | null) => void;
}

function StepInput(props: StepInputProps<ChecklistStep['kind']>) {
  const { step } = props;
  switch (step.kind) {
    case 'confirm':
      return <ConfirmInput {...props} step={step} />;
    case 'choice':
      return <ChoiceInput {...props} step={step} />;
    case 'text':
    case 'number':
      return <TypedInput {...props} step={step} />;
    case 'exception':
      // Nothing but exceptions: the step opens like any other step's exceptions (Alt+E).
      return null;
  }
}

export function StepForm({ step, position, recorded, onRecord, registerFocus }: StepFormProps) {
  const { t, language, formatTime } = useI18n();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [exceptionOpen, setExceptionOpen] = useState(false);
  // After a cancelled exception, focus returns to the button that opened it.
  const refocusException = useRef(false);
  // "Change" opens a recorded step again: its input takes the focus at once.
  const focusWhenOpened = useCallback((element: HTMLElement | null) => element?.focus(), []);
  const titleId = useId();
  const errorId = useId();
  const open = recorded === undefined || editing;
  const canOpenException = open && (step.exceptions?.length ?? 0) > 0;

  const record = async (value: StepValue) => {
    const refusal = await onRecord(value);
    setError(refusal);
    if (refusal === null) {
      setEditing(false);
      setExceptionOpen(false);
    }
    return refusal === null;
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey && event.key.toLowerCase() === 'e' && canOpenException) {
      event.preventDefault();
      setExceptionOpen(true);
    }
  };

  return (
    <li className={`visit-step${recorded ? ' visit-step--done' : ''}`} aria-labelledby={titleId} onKeyDown={onKeyDown}>
      <h3 id={titleId} className="visit-step__title">
        {position}. {step.title[language]}{' '}
        <span className="visit-step__required">({t(step.required ? 'checklistStepRequired' : 'checklistStepOptional')})</span>
      </h3>
      {step.instruction && <p className="visit-step__instruction">{step.instruction[language]}</p>}
      {recorded && (
        <p className="visit-step__recorded">
          <span aria-hidden="true">✓ </span>
          {stepValueText(step, recorded.value, language, t)} · {t('visitDone', { time: formatTime(recorded.recordedAt) })}{' '}
          {!editing && (
            <button type="button" className="visit-link" onClick={() => setEditing(true)}>
              {t('checklistChange')}
            </button>
          )}
        </p>
      )}
      {open && !exceptionOpen && (
        <StepInput
          step={step}
          titleId={titleId}
          errorId={error ? errorId : undefined}
          previous={recorded?.value}
          onRecord={record}
          onError={setError}
          registerFocus={recorded ? focusWhenOpened : registerFocus}
        />
      )}
      {canOpenException && !exceptionOpen && (
        <button
          type="button"
          className="visit-secondary"
          ref={(element) => {
            if (element && refocusException.current) {
              refocusException.current = false;
              element.focus();
            }
          }}
          aria-describedby={titleId}
          aria-keyshortcuts="Alt+E"
          onClick={() => setExceptionOpen(true)}
        >
          {t('checklistException')} <kbd aria-hidden="true">Alt+E</kbd>
        </button>
      )}
      {canOpenException && exceptionOpen && (
        <ExceptionPanel
          exceptions={step.exceptions ?? []}
          onRecord={record}
          onError={setError}
          onClose={() => {
            refocusException.current = true;
            setExceptionOpen(false);
            setError(null);
          }}
        />
      )}
      {error && (
        <p id={errorId} role="alert" className="visit-error">
          {error}
        </p>
      )}
    </li>
  );
}
