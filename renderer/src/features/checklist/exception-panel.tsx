/**
 * Recording that a step could not be done, for one of the exceptions its definition declares
 * (fingerprints permanently impossible, card not at this location...). A reason is required: the
 * panel refuses an empty one and keeps what was chosen. Esc closes the panel, not the visit.
 */
import { useLayoutEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ChecklistOption } from '../../../../shared/checklists/definition-schema';
import { stepValueSchema, type StepValue } from '../../../../shared/checklists/step-value';
import { useI18n } from '../../i18n/i18n';

interface ExceptionPanelProps {
  readonly exceptions: readonly ChecklistOption[];
  readonly onRecord: (value: StepValue) => Promise<boolean>;
  readonly onError: (message: string | null) => void;
  readonly onClose: () => void;
}

export function ExceptionPanel({ exceptions, onRecord, onError, onClose }: ExceptionPanelProps) {
  const { t, language } = useI18n();
  const [exceptionId, setExceptionId] = useState(exceptions[0]?.id ?? '');
  const [reason, setReason] = useState('');
  const name = useId();
  const reasonId = useId();
  const firstChoice = useRef<HTMLInputElement>(null);
  const reasonField = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => firstChoice.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = stepValueSchema.safeParse({ kind: 'exception', exceptionId, reason });
    if (!value.success) {
      onError(t('checklistExceptionNeedsReason'));
      reasonField.current?.focus();
      return;
    }
    await onRecord(value.data);
  };
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
  };

  return (
    <form className="visit-exception" noValidate onSubmit={submit} onKeyDown={closeOnEscape}>
      <fieldset>
        <legend>{t('checklistExceptionChoice')}</legend>
        {exceptions.map((exception, index) => (
          <label key={exception.id} className="visit-option">
            <input
              ref={index === 0 ? firstChoice : undefined}
              type="radio"
              name={name}
              value={exception.id}
              checked={exceptionId === exception.id}
              onChange={() => setExceptionId(exception.id)}
            />
            {exception.label[language]}
          </label>
        ))}
      </fieldset>
      <label htmlFor={reasonId}>{t('checklistExceptionReason')}</label>
      <textarea id={reasonId} ref={reasonField} rows={2} maxLength={500} aria-required="true" value={reason} onChange={(event) => setReason(event.target.value)} />
      <div className="visit-actions">
        <button type="submit">{t('checklistExceptionRecord')}</button>
        <button type="button" onClick={onClose}>
          {t('checklistExceptionCancel')} <kbd aria-hidden="true">Esc</kbd>
        </button>
      </div>
    </form>
  );
}
