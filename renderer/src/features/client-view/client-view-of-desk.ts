/**
 * What the client screen shows, derived from this desk's appointments as IndexedDB holds them, so
 * the screen follows the clerk's work without the clerk touching it:
 * - someone called to or served at this desk: the welcome; during a DOC service, the name and
 *   date of birth to check;
 * - nobody at the desk, and the last service finished here has no rating yet: the rating;
 * - otherwise: the service point's information.
 * The clerk's mirror can still show the information by hand (a client who does not want to rate).
 */
import type { AppointmentState } from '../../../../shared/domain/appointment-state';
import type { ClientView } from './client-channel';

/** An appointment row with the person's name and date of birth, as the desk's database keeps it. */
export type DeskRow = AppointmentState & { readonly personName: string; readonly dateOfBirth: string };

/** "MAA-D3" → "Balie 3": the desk as the client reads it on the wall; any other id as it is. */
export function deskLabelOf(deskId: string): string {
  const number = /-D(\d+)$/.exec(deskId)?.[1];
  return number === undefined ? deskId : `Balie ${Number(number)}`;
}

export function clientViewOfDesk(rows: readonly DeskRow[], deskId: string): ClientView {
  const desk = deskLabelOf(deskId);
  const atDesk = rows.filter((row) => row.deskId === deskId && (row.status === 'called' || row.status === 'in-service'));
  if (atDesk.length > 0) {
    const inDoc = atDesk.find((row) => row.status === 'in-service' && row.service === 'DOC');
    if (inDoc) return { kind: 'confirm', name: inDoc.personName, dateOfBirth: inDoc.dateOfBirth };
    const ticket = atDesk.find((row) => row.ticket !== null)?.ticket ?? null;
    return { kind: 'welcome', desk, ticket };
  }
  const lastFinished = rows
    .filter((row) => row.deskId === deskId && row.serviceStartedAt !== null && row.finishedAt !== null && (row.status === 'completed' || row.status === 'partial'))
    .reduce<DeskRow | undefined>((latest, row) => (!latest || row.finishedAt! > latest.finishedAt! ? row : latest), undefined);
  if (lastFinished && !lastFinished.rating) return { kind: 'rating', appointmentId: lastFinished.id, desk };
  return { kind: 'idle' };
}
