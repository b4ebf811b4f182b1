/**
 * The guided checklist of one visit: the persons called to (or served at) this desk, person after
 * person, each with the steps of their service's checklist that apply to them.
 */
import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { DeskActor } from '../../db/desk-actor';
import type { DeskDatabase } from '../../db/desk-db';

export interface VisitScreenProps {
  db: DeskDatabase;
  actor: DeskActor;
  /** The day the appointments belong to (`YYYY-MM-DD`). */
  date: string;
  /** The appointments called or in service at this desk: one person, or a family called together. */
  appointmentIds: readonly string[];
  /** Back to the queue; the visit stays as it is. */
  onLeave(): void;
}

export function VisitScreen({ db, appointmentIds, onLeave }: VisitScreenProps) {
  const appointments = useLiveQuery(() => db.appointments.bulkGet([...appointmentIds]), [db, appointmentIds.join(',')]);
  useEffect(() => {
    const leaveOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onLeave();
    };
    window.addEventListener('keydown', leaveOnEscape);
    return () => window.removeEventListener('keydown', leaveOnEscape);
  }, [onLeave]);
  return (
    <section aria-label="Checklist">
      <ul>
        {appointments?.map((appointment) => appointment && <li key={appointment.id}>{appointment.personName} · {appointment.service}</li>)}
      </ul>
    </section>
  );
}
