/**
 * The queue feature's screens put together as the app does, for component tests: the desk's
 * controls, the feedback line, the queue and (optionally) an opened booking, over a desk database
 * filled with the real server's demo day.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { amsterdamInstant } from '../../../../../shared/domain/calendar-date';
import { SERVICE_CODES, type ServiceCode } from '../../../../../shared/domain/codes';
import type { DeskActor } from '../../../db/desk-actor';
import type { DeskDatabase, LocalAppointment } from '../../../db/desk-db';
import { ActionFeedback } from '../action-feedback';
import { BookingPanel } from '../booking-panel';
import { DeskControls } from '../desk-controls';
import { QueuePanel } from '../queue-panel';
import { useDeskActions } from '../use-desk-actions';

export const testActor: DeskActor = { deviceId: 'local-device', deskId: 'MAA-D1', clerkId: 'clerk-1', locationId: 'MAA' };

/** A clock the test moves by hand: Amsterdam wall-clock time on `date`. */
export function handClock(date: string, time: string) {
  let now = new Date(amsterdamInstant(date, time));
  const clock = () => now;
  return {
    clock,
    /** To `minutes` after (or before, when negative) the wall-clock `time` of the day. */
    set(time: string, minutes = 0) {
      now = new Date(amsterdamInstant(date, time) + minutes * 60_000);
    },
  };
}

/** The day's bookings that nobody has touched yet, each with all its appointments. */
export async function untouchedBookings(db: DeskDatabase, date: string): Promise<LocalAppointment[][]> {
  const rows = await db.appointments.where('date').equals(date).sortBy('slotStart');
  const bookings = new Map<string, LocalAppointment[]>();
  for (const row of rows) bookings.set(row.bookingId, [...(bookings.get(row.bookingId) ?? []), row]);
  return [...bookings.values()].filter((booking) => booking.every((row) => row.status === 'expected' && !row.walkIn));
}

export function QueueHarness({ db, date, clock, bookingId = null }: { db: DeskDatabase; date: string; clock: () => Date; bookingId?: string | null }) {
  const rows = useLiveQuery(() => db.appointments.where('date').equals(date).toArray(), [db, date]);
  const desk = useLiveQuery(() => db.desks.get(testActor.deskId), [db]);
  const { perform, feedback } = useDeskActions(db, testActor, date, clock);
  const [services, setServices] = useState<ServiceCode[]>([...SERVICE_CODES]);
  const [walkInOpen, setWalkInOpen] = useState(false);
  const [pauseFormOpen, setPauseFormOpen] = useState(false);
  if (!rows) return null;
  const booking = rows.filter((row) => row.bookingId === bookingId);
  return (
    <>
      <DeskControls deskId={testActor.deskId} desk={desk} perform={perform} pauseFormOpen={pauseFormOpen} onPauseFormOpenChange={setPauseFormOpen} />
      <ActionFeedback feedback={feedback} />
      <QueuePanel rows={rows} deskId={testActor.deskId} services={services} onServicesChange={setServices} now={clock()} perform={perform} />
      {booking.length > 0 && (
        <BookingPanel appointments={booking} perform={perform} checkInMethod="manual" walkInOpen={walkInOpen} onWalkInOpenChange={setWalkInOpen} onClose={() => undefined} />
      )}
    </>
  );
}
