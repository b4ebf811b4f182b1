/**
 * A person added at the desk to an existing booking (a family member who was not booked, a client
 * the IND invited). The shared rule checks the input (name, date of birth, V-number, at most six
 * persons) and its refusal is shown; nothing typed is lost when it refuses.
 */
import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { NATIONALITY_CATEGORIES, SERVICE_CODES, WALK_IN_REASONS, type NationalityCategory, type ServiceCode, type WalkInReason } from '../../../../shared/domain/codes';
import { registerWalkIn } from '../../../../shared/domain/commands-desk';
import type { LocalAppointment } from '../../db/desk-db';
import { useI18n } from '../../i18n/i18n';
import type { Perform } from './use-desk-actions';

export function WalkInForm({ booking, perform, onClose }: { booking: LocalAppointment; perform: Perform; onClose(): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [nationality, setNationality] = useState<NationalityCategory>(booking.nationalityCategory);
  const [vNumber, setVNumber] = useState('');
  const [service, setService] = useState<ServiceCode>(booking.service);
  const [reason, setReason] = useState<WalkInReason>('family-member');
  const nameField = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => nameField.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const person = { name, dateOfBirth: dateOfBirth.trim(), nationalityCategory: nationality, vNumber: vNumber.trim() || null };
    const events = await perform(
      (state, context) => registerWalkIn(state, { person, service, reason, bookingId: booking.bookingId }, context),
      t('walkInAdded', { name: name.trim() }),
    );
    if (events) onClose();
  };

  return (
    <form
      className="walk-in"
      aria-labelledby="walk-in-title"
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <h3 id="walk-in-title">{t('walkInTitle')}</h3>
      <div className="form-grid">
        <label className="field">
          <span>{t('walkInName')}</span>
          <input ref={nameField} value={name} onChange={(event) => setName(event.target.value)} autoComplete="off" />
        </label>
        <label className="field">
          <span>{t('walkInDateOfBirth')}</span>
          <input value={dateOfBirth} onChange={(event) => setDateOfBirth(event.target.value)} inputMode="numeric" autoComplete="off" />
        </label>
        <label className="field">
          <span>{t('walkInNationality')}</span>
          <select value={nationality} onChange={(event) => setNationality(event.target.value as NationalityCategory)}>
            {NATIONALITY_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {t(`nationality_${category}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('walkInVNumber')}</span>
          <input value={vNumber} onChange={(event) => setVNumber(event.target.value)} inputMode="numeric" autoComplete="off" />
        </label>
        <label className="field">
          <span>{t('walkInService')}</span>
          <select value={service} onChange={(event) => setService(event.target.value as ServiceCode)}>
            {SERVICE_CODES.map((code) => (
              <option key={code} value={code}>
                {code} · {t(`service_${code}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('walkInReason')}</span>
          <select value={reason} onChange={(event) => setReason(event.target.value as WalkInReason)}>
            {WALK_IN_REASONS.map((option) => (
              <option key={option} value={option}>
                {t(`walkInReason_${option}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="button-row">
        <button type="submit" className="button button--primary">
          {t('walkInSubmit')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('walkInCancel')}
        </button>
      </div>
    </form>
  );
}
