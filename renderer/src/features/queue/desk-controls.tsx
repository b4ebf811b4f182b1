/**
 * The desk itself: open or closed, a pause with its reason, and the actions that change it. A
 * pause asks for a reason first (and a note for "other", as the shared rules demand).
 */
import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { PAUSE_REASONS, type PauseReason } from '../../../../shared/domain/codes';
import { closeDesk, endPause, openDesk, startPause } from '../../../../shared/domain/commands-desk';
import type { LocalDesk } from '../../db/desk-db';
import { useI18n } from '../../i18n/i18n';
import { ShortcutButton } from '../../ui/shortcut-button';
import type { Perform } from './use-desk-actions';

export interface DeskControlsProps {
  deskId: string;
  desk: LocalDesk | undefined;
  perform: Perform;
  pauseFormOpen: boolean;
  onPauseFormOpenChange(open: boolean): void;
}

export function DeskControls({ deskId, desk, perform, pauseFormOpen, onPauseFormOpenChange }: DeskControlsProps) {
  const { t, formatTime } = useI18n();
  const status = desk?.status ?? 'closed';
  const statusText =
    status === 'paused' && desk?.pause
      ? t('deskStatus_paused', { reason: t(`pauseReason_${desk.pause.reason}`), time: formatTime(desk.pause.since) })
      : t(status === 'open' ? 'deskStatus_open' : 'deskStatus_closed');
  return (
    <section className="desk-controls" aria-labelledby="desk-title">
      <h2 id="desk-title" className="desk-controls__title">
        {t('deskTitle', { desk: deskId })}
      </h2>
      <p className={`desk-controls__status desk-controls__status--${status}`} data-testid="desk-status">
        {statusText}
      </p>
      <div className="button-row">
        {status === 'closed' && (
          <ShortcutButton shortcut="O" onClick={() => void perform((state, context) => openDesk(state, context))}>
            {t('deskOpen')}
          </ShortcutButton>
        )}
        {status === 'open' && (
          <ShortcutButton shortcut="P" aria-expanded={pauseFormOpen} onClick={() => onPauseFormOpenChange(!pauseFormOpen)}>
            {t('deskPause')}
          </ShortcutButton>
        )}
        {status === 'paused' && (
          <ShortcutButton shortcut="P" onClick={() => void perform((state, context) => endPause(state, context))}>
            {t('deskResume')}
          </ShortcutButton>
        )}
        {status !== 'closed' && (
          <ShortcutButton onClick={() => void perform((state, context) => closeDesk(state, context))}>{t('deskClose')}</ShortcutButton>
        )}
      </div>
      {pauseFormOpen && status === 'open' && <PauseForm perform={perform} onClose={() => onPauseFormOpenChange(false)} />}
    </section>
  );
}

function PauseForm({ perform, onClose }: { perform: Perform; onClose(): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState<PauseReason | null>(null);
  const [note, setNote] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const firstReason = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => firstReason.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason === null) {
      setMissingReason(true);
      firstReason.current?.focus();
      return;
    }
    if (await perform((state, context) => startPause(state, { reason, note: note.trim() || null }, context))) onClose();
  };

  return (
    <form
      className="pause-form"
      aria-labelledby="pause-title"
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <h3 id="pause-title">{t('deskPauseTitle')}</h3>
      <fieldset aria-describedby={missingReason ? 'pause-reason-error' : undefined}>
        <legend>{t('deskPauseReason')}</legend>
        {PAUSE_REASONS.map((option, index) => (
          <label key={option} className="radio">
            <input
              ref={index === 0 ? firstReason : undefined}
              type="radio"
              name="pause-reason"
              value={option}
              checked={reason === option}
              onChange={() => {
                setReason(option);
                setMissingReason(false);
              }}
            />
            {t(`pauseReason_${option}`)}
          </label>
        ))}
      </fieldset>
      {missingReason && (
        <p id="pause-reason-error" role="alert" className="form-error">
          {t('deskPauseChooseReason')}
        </p>
      )}
      <label className="field">
        <span>{t('deskPauseNote')}</span>
        <input value={note} onChange={(event) => setNote(event.target.value)} aria-describedby="pause-note-help" />
        <span id="pause-note-help" className="muted">
          {t('deskPauseNoteHelp')}
        </span>
      </label>
      <div className="button-row">
        <button type="submit" className="button button--primary">
          {t('deskPauseStart')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('deskPauseBack')}
        </button>
      </div>
    </form>
  );
}
