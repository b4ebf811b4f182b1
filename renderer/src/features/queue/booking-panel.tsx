/**
 * Arrival: one booking opened from the agenda or by a scan. The family checks in at once (C) or
 * person by person; a person who did not come is marked; a family member who was not booked is
 * added (W); the booking is cancelled as a whole, never one person of it.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { CheckInMethod } from '../../../../shared/domain/codes';
import { callAppointment, cancelBooking, checkIn, markNoShow } from '../../../../shared/domain/commands-queue';
import type { BalieEvent } from '../../../../shared/sync/events';
import type { LocalAppointment } from '../../db/desk-db';
import type { DeskCommand } from '../../db/perform-command';
import { useI18n } from '../../i18n/i18n';
import { allOf } from './compose-commands';
import { namesOf } from './queue-panel';
import { ShortcutButton } from '../../ui/shortcut-button';
import type { Perform } from './use-desk-actions';
import { WalkInForm } from './walk-in-form';

export interface BookingPanelProps {
  /** The appointments of the booking (every person, every service). */
  appointments: readonly LocalAppointment[];
  perform: Perform;
  /** How the clerk found the booking: a scan checks in as `scan`. */
  checkInMethod: CheckInMethod;
  walkInOpen: boolean;
  onWalkInOpenChange(open: boolean): void;
  onClose(): void;
}

interface PersonAppointments {
  personId: string;
  name: string;
  appointments: LocalAppointment[];
}

/** The ticket number the check-in gave (the display calls it). */
function ticketOf(events: readonly BalieEvent[]): string | null {
  const payload = events.find((event) => event.type === 'checkedIn')?.payload as { ticket?: unknown } | undefined;
  return typeof payload?.ticket === 'string' ? payload.ticket : null;
}

/** "Anna, Bram checked in: ticket C-004." */
function checkedInLine(t: ReturnType<typeof useI18n>['t'], names: string, events: readonly BalieEvent[]): string {
  const ticket = ticketOf(events);
  return ticket ? t('bookingCheckedInTicket', { names, ticket }) : t('bookingCheckedIn', { names });
}

function byPerson(appointments: readonly LocalAppointment[]): PersonAppointments[] {
  const persons = new Map<string, PersonAppointments>();
  for (const appointment of appointments) {
    const person = persons.get(appointment.personId) ?? { personId: appointment.personId, name: appointment.personName, appointments: [] };
    person.appointments.push(appointment);
    persons.set(appointment.personId, person);
  }
  return [...persons.values()];
}

/** Checks in the given appointments in one action. */
function checkInCommand(appointments: readonly LocalAppointment[], method: CheckInMethod): DeskCommand {
  const appointmentIds = appointments.map((appointment) => appointment.id);
  return (state, context) => checkIn(state, { appointmentIds, method }, context);
}

export function BookingPanel({ appointments, perform, checkInMethod, walkInOpen, onWalkInOpenChange, onClose }: BookingPanelProps) {
  const { t } = useI18n();
  const [cancelling, setCancelling] = useState(false);
  const [cancelReason, setCancelReason] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const checkInButton = useRef<HTMLButtonElement>(null);
  const first = appointments[0];
  useLayoutEffect(() => {
    // An opened booking takes the focus where work continues: checking in, when anyone still can.
    // A layout effect, so the focus is there in the same frame as the panel: a key typed right
    // after the panel appears must not go to the page.
    const button = checkInButton.current;
    if (button && !button.disabled) button.focus();
    else heading.current?.focus();
  }, []);
  if (!first) return null;

  const persons = byPerson(appointments);
  const expected = appointments.filter((appointment) => appointment.status === 'expected');
  const checkedInText = (events: readonly BalieEvent[]) => checkedInLine(t, namesOf(appointments, events), events);
  const cancellable = appointments.every((appointment) => ['expected', 'arrived', 'cancelled', 'no-show'].includes(appointment.status));

  return (
    <section
      className="booking panel"
      aria-labelledby="booking-title"
      data-testid="booking-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <header className="panel__header">
        <h2 id="booking-title" tabIndex={-1} ref={heading}>
          {first.appointmentCode
            ? t('bookingTitle', { code: first.appointmentCode, time: first.slotStart })
            : t('bookingWalkInTitle', { time: first.slotStart })}
        </h2>
        <ShortcutButton shortcut="Escape" onClick={onClose}>
          {t('bookingClose')}
        </ShortcutButton>
      </header>
      <div className="button-row">
        <ShortcutButton
          ref={checkInButton}
          shortcut="C"
          className="button--primary"
          disabled={expected.length === 0}
          onClick={() => void perform(checkInCommand(expected, checkInMethod), checkedInText)}
        >
          {t('bookingCheckInAll')}
        </ShortcutButton>
        <ShortcutButton shortcut="W" aria-expanded={walkInOpen} onClick={() => onWalkInOpenChange(!walkInOpen)}>
          {t('bookingAddPerson')}
        </ShortcutButton>
        {cancellable && !cancelling && (
          <ShortcutButton className="button--danger" onClick={() => setCancelling(true)}>
            {t('bookingCancel')}
          </ShortcutButton>
        )}
      </div>
      {cancelling && (
        <form
          className="booking__cancel"
          onSubmit={(event) => {
            event.preventDefault();
            void perform((state, context) => cancelBooking(state, { bookingId: first.bookingId, reason: cancelReason.trim() || null }, context), t('bookingCancelled')).then(
              (events) => events && setCancelling(false),
            );
          }}
        >
          <label className="field">
            <span>{t('bookingCancelReason')}</span>
            <input autoFocus value={cancelReason} onChange={(event) => setCancelReason(event.target.value)} />
          </label>
          <div className="button-row">
            <button type="submit" className="button button--danger">
              {t('bookingCancelConfirm')}
            </button>
            <button type="button" className="button" onClick={() => setCancelling(false)}>
              {t('bookingCancelBack')}
            </button>
          </div>
        </form>
      )}
      <ul className="booking__persons">
        {persons.map((person) => (
          <PersonLine key={person.personId} person={person} perform={perform} checkInMethod={checkInMethod} />
        ))}
      </ul>
      {walkInOpen && <WalkInForm booking={first} perform={perform} onClose={() => onWalkInOpenChange(false)} />}
    </section>
  );
}

function PersonLine({ person, perform, checkInMethod }: { person: PersonAppointments; perform: Perform; checkInMethod: CheckInMethod }) {
  const { t } = useI18n();
  const late = person.appointments.filter((appointment) => appointment.status === 'expected' || appointment.status === 'no-show');
  const expected = person.appointments.filter((appointment) => appointment.status === 'expected');
  const callable = person.appointments.find((appointment) => appointment.status === 'arrived' || appointment.status === 'parked');
  const name = person.name;
  return (
    <li className="booking__person" data-testid="booking-person">
      <span className="queue__name">{name}</span>
      <span className="booking__services">
        {person.appointments.map((appointment) => (
          <span key={appointment.id} className={`status status--${appointment.status}`}>
            <abbr title={t(`service_${appointment.service}`)}>{appointment.service}</abbr> {t(`status_${appointment.status}`)}
          </span>
        ))}
      </span>
      <span className="button-row">
        {late.length > 0 && (
          <button type="button" className="button button--small" onClick={() => void perform(checkInCommand(late, checkInMethod), (events) => checkedInLine(t, name, events))}>
            {t('bookingCheckInPerson', { name })}
          </button>
        )}
        {callable && (
          <button
            type="button"
            className="button button--small"
            onClick={() => void perform((state, context) => callAppointment(state, { appointmentId: callable.id }, context), t('queueCalled', { names: name }))}
          >
            {t('bookingCallPerson', { name })}
          </button>
        )}
        {expected.length > 0 && (
          <button
            type="button"
            className="button button--small"
            onClick={() => void perform(allOf(expected.map((appointment) => (state, context) => markNoShow(state, { appointmentId: appointment.id }, context))))}
          >
            {t('bookingNoShowPerson', { name })}
          </button>
        )}
      </span>
    </li>
  );
}
