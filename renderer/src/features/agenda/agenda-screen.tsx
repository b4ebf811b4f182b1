import { useLiveQuery } from 'dexie-react-hooks';
import type { DeskBridge } from '../../../../shared/ipc/desk-bridge';
import { compareDayAppointments, type DayAppointment } from '../../../../shared/sync/day';
import type { DeskDatabase, LocalAppointment } from '../../db/desk-db';
import { useI18n } from '../../i18n/i18n';
import { groupByBooking } from './group-bookings';
import { dayLoadedAtKey } from './load-day';
import { SyncStatusLine } from './sync-status-line';
import { useDayLoader } from './use-day-loader';

/** The agenda's view of a shown row (a walk-in may have no appointment code). */
function agendaRowOf(row: LocalAppointment): DayAppointment {
  return {
    id: row.id,
    bookingId: row.bookingId,
    appointmentCode: row.appointmentCode ?? '',
    locationId: row.locationId,
    date: row.date,
    slotStart: row.slotStart,
    service: row.service,
    personId: row.personId,
    personName: row.personName,
    dateOfBirth: row.dateOfBirth,
    nationalityCategory: row.nationalityCategory,
    vNumber: row.vNumber,
    status: row.status,
    deskId: row.deskId,
  };
}

/**
 * The day's appointment book, read from IndexedDB: it shows the same day online and offline.
 * `syncedElsewhere`: the sync engine keeps the day current (a clerk is signed in), so the screen
 * neither fetches the day itself nor shows a second connection line.
 */
export function AgendaScreen({ db, bridge, date, syncedElsewhere = false }: { db: DeskDatabase; bridge: DeskBridge; date: string; syncedElsewhere?: boolean }) {
  const { t } = useI18n();
  const loadState = useDayLoader(db, bridge, date, !syncedElsewhere);
  const appointments = useLiveQuery(
    async () =>
      (await db.appointments.where('[date+slotStart]').between([date, ''], [date, '\uffff']).toArray())
        .map(agendaRowOf)
        .sort(compareDayAppointments),
    [db, date],
  );
  const savedAt = useLiveQuery(async () => (await db.meta.get(dayLoadedAtKey(date)))?.value as string | undefined, [db, date]);

  return (
    <section aria-labelledby="agenda-title" className="agenda">
      <header className="agenda__header">
        <h1 id="agenda-title">{t('agendaTitle')}</h1>
        {appointments && <p className="agenda__count">{t('agendaCount', { count: appointments.length })}</p>}
      </header>
      {!syncedElsewhere && <SyncStatusLine state={loadState} savedAt={savedAt} />}
      {appointments === undefined ? (
        <p>{t('agendaLoading')}</p>
      ) : appointments.length === 0 ? (
        <p>{t('agendaEmpty')}</p>
      ) : (
        <AgendaTable appointments={appointments} />
      )}
    </section>
  );
}

function AgendaTable({ appointments }: { appointments: Parameters<typeof groupByBooking>[0] }) {
  const { t } = useI18n();
  return (
    <table className="agenda__table">
      <thead>
        <tr>
          <th scope="col">{t('columnTime')}</th>
          <th scope="col">{t('columnCode')}</th>
          <th scope="col">{t('columnName')}</th>
          <th scope="col">{t('columnService')}</th>
          <th scope="col">{t('columnStatus')}</th>
          <th scope="col">{t('columnDesk')}</th>
        </tr>
      </thead>
      {groupByBooking(appointments).map((booking) => (
        <tbody key={booking.bookingId} className="agenda__booking" data-testid="booking">
          {booking.appointments.map((appointment, index) => (
            <tr key={appointment.id}>
              <td>{index === 0 ? booking.slotStart : ''}</td>
              <td>
                {index === 0 && (
                  <>
                    {booking.appointmentCode}
                    {booking.personCount > 1 && (
                      <span className="agenda__family"> · {t('familyOf', { count: booking.personCount })}</span>
                    )}
                  </>
                )}
              </td>
              {/* A one stop shop visit lists each service; the name stands once per person. */}
              <td>{booking.appointments[index - 1]?.personId === appointment.personId ? '' : appointment.personName}</td>
              <td>
                <abbr title={t(`service_${appointment.service}`)}>{appointment.service}</abbr>
              </td>
              <td>{t(`status_${appointment.status}`)}</td>
              <td>{appointment.deskId ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
