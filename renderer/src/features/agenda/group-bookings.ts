import type { DayAppointment } from '../../../../shared/sync/day';

export interface BookingRows {
  bookingId: string;
  appointmentCode: string;
  slotStart: string;
  personCount: number;
  appointments: DayAppointment[];
}

/** Groups a day's appointments (already in slot order) by booking, so a family stays together. */
export function groupByBooking(appointments: readonly DayAppointment[]): BookingRows[] {
  const bookings = new Map<string, BookingRows>();
  for (const appointment of appointments) {
    let booking = bookings.get(appointment.bookingId);
    if (!booking) {
      booking = {
        bookingId: appointment.bookingId,
        appointmentCode: appointment.appointmentCode,
        slotStart: appointment.slotStart,
        personCount: 0,
        appointments: [],
      };
      bookings.set(appointment.bookingId, booking);
    }
    booking.appointments.push(appointment);
  }
  for (const booking of bookings.values()) {
    booking.personCount = new Set(booking.appointments.map((appointment) => appointment.personId)).size;
  }
  return [...bookings.values()];
}
