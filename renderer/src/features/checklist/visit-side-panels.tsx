/**
 * The smaller things a clerk does during a visit: park the person (they step aside, e.g. to fill
 * in a form), send them to another desk for the same service, and write notes. Enter confirms,
 * Esc closes a panel without leaving the visit.
 */
import { useLayoutEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { AppointmentNote } from '../../../../shared/domain/appointment-state';
import { useI18n } from '../../i18n/i18n';

interface PanelProps {
  readonly onClose: () => void;
  readonly onError: (message: string | null) => void;
}

function usePanelKeys(onClose: () => void) {
  const first = useRef<HTMLInputElement & HTMLSelectElement>(null);
  useLayoutEffect(() => first.current?.focus(), []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
  };
  return { first, onKeyDown };
}

export function ParkPanel({ onPark, onClose, onError }: PanelProps & { readonly onPark: (reason: string | null) => Promise<string | null> }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const { first, onKeyDown } = usePanelKeys(onClose);
  const id = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    onError(await onPark(reason.trim() || null));
  };
  return (
    <form className="visit-panel" onSubmit={submit} onKeyDown={onKeyDown}>
      <label htmlFor={id}>{t('visitParkReason')}</label>
      <input id={id} ref={first} type="text" maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />
      <div className="visit-actions">
        <button type="submit">
          {t('visitParkConfirm')} <kbd aria-hidden="true">Enter</kbd>
        </button>
        <button type="button" onClick={onClose}>
          {t('checklistExceptionCancel')} <kbd aria-hidden="true">Esc</kbd>
        </button>
      </div>
    </form>
  );
}

export function DeskTransferPanel({
  otherDeskIds,
  onTransfer,
  onClose,
  onError,
}: PanelProps & { readonly otherDeskIds: readonly string[]; readonly onTransfer: (deskId: string | null, reason: string | null) => Promise<string | null> }) {
  const { t } = useI18n();
  const [deskId, setDeskId] = useState('');
  const [reason, setReason] = useState('');
  const { first, onKeyDown } = usePanelKeys(onClose);
  const ids = { desk: useId(), reason: useId() };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    onError(await onTransfer(deskId === '' ? null : deskId, reason.trim() || null));
  };
  return (
    <form className="visit-panel" onSubmit={submit} onKeyDown={onKeyDown}>
      <label htmlFor={ids.desk}>{t('visitToDesk')}</label>
      <select id={ids.desk} ref={first} value={deskId} onChange={(event) => setDeskId(event.target.value)}>
        <option value="">{t('visitAnyDesk')}</option>
        {otherDeskIds.map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
      </select>
      <label htmlFor={ids.reason}>{t('visitTransferReason')}</label>
      <input id={ids.reason} type="text" maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />
      <div className="visit-actions">
        <button type="submit">
          {t('visitTransferDeskConfirm')} <kbd aria-hidden="true">Enter</kbd>
        </button>
        <button type="button" onClick={onClose}>
          {t('checklistExceptionCancel')} <kbd aria-hidden="true">Esc</kbd>
        </button>
      </div>
    </form>
  );
}

export function VisitNotes({
  notes,
  onAdd,
  registerFocus,
}: {
  readonly notes: readonly AppointmentNote[];
  readonly onAdd: (text: string) => Promise<string | null>;
  readonly registerFocus: (element: HTMLElement | null) => void;
}) {
  const { t, formatTime } = useI18n();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ids = { heading: useId(), input: useId(), error: useId() };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const refusal = await onAdd(text);
    setError(refusal);
    if (refusal === null) setText('');
  };
  return (
    <section className="visit-notes" aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{t('visitNotes')}</h3>
      {notes.length === 0 ? (
        <p>{t('visitNoNotes')}</p>
      ) : (
        <ul>
          {notes.map((note) => (
            <li key={`${note.at}-${note.text}`}>
              <span className="visit-muted">{formatTime(note.at)}</span> {note.text}
            </li>
          ))}
        </ul>
      )}
      <form className="visit-panel" onSubmit={submit}>
        <label htmlFor={ids.input}>{t('visitNoteText')}</label>
        <input id={ids.input} ref={registerFocus} type="text" maxLength={500} value={text} onChange={(event) => setText(event.target.value)} aria-describedby={error ? ids.error : undefined} />
        <button type="submit">{t('visitNoteAdd')}</button>
        {error && (
          <p id={ids.error} role="alert" className="visit-error">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
