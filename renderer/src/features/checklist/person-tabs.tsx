/**
 * A family is served person after person on one screen: one tab per person (name, service,
 * status). Arrow keys move between the tabs, PageDown/PageUp work from anywhere.
 */
import type { KeyboardEvent, ReactNode } from 'react';
import type { LocalAppointment } from '../../db/desk-db';
import { useI18n } from '../../i18n/i18n';

interface PersonTabsProps {
  readonly appointments: readonly LocalAppointment[];
  readonly selectedId: string;
  readonly onSelect: (appointment: LocalAppointment) => void;
  readonly register: (key: string) => (element: HTMLElement | null) => void;
  readonly children: ReactNode;
}

export function PersonTabs({ appointments, selectedId, onSelect, register, children }: PersonTabsProps) {
  const { t } = useI18n();
  const several = appointments.length > 1;
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const delta = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    const target = event.key === 'Home' ? appointments[0] : event.key === 'End' ? appointments.at(-1) : delta ? appointments[(index + delta + appointments.length) % appointments.length] : undefined;
    if (target) {
      event.preventDefault();
      onSelect(target);
    }
  };
  // The panel stays the same element when the tabs go (the family's last person): the work in it,
  // and the focus, are kept.
  return (
    <>
      {several && (
        <div role="tablist" aria-label={t('visitPersons')} className="visit__tabs">
          {appointments.map((appointment, index) => (
            <button
              key={appointment.id}
              ref={register(`tab:${appointment.id}`)}
              type="button"
              role="tab"
              id={`visit-tab-${appointment.id}`}
              aria-selected={appointment.id === selectedId}
              aria-controls="visit-person-panel"
              tabIndex={appointment.id === selectedId ? 0 : -1}
              className="visit__tab"
              onClick={() => onSelect(appointment)}
              onKeyDown={(event) => onKeyDown(event, index)}
            >
              {t('visitPersonTab', { name: appointment.personName, service: appointment.service, status: t(`status_${appointment.status}`) })}
            </button>
          ))}
        </div>
      )}
      <div role={several ? 'tabpanel' : undefined} id="visit-person-panel" aria-labelledby={several ? `visit-tab-${selectedId}` : undefined} className="visit__panel">
        {children}
      </div>
    </>
  );
}
