/**
 * What desks pull about a booking that arrives on the server (demo seed or import): each person,
 * and each person's expected appointment per service.
 */
import { expectedAppointment } from '../../../shared/domain/appointment-state';
import type { NationalityCategory, ServiceCode } from '../../../shared/domain/codes';
import type { NewChange } from './changes';

export interface BookedPerson {
  readonly id: string;
  readonly fullName: string;
  readonly dateOfBirth: string;
  readonly nationalityCategory: NationalityCategory;
  readonly vNumber: string | null;
}

export interface BookingForDesks {
  readonly id: string;
  readonly appointmentCode: string;
  readonly locationId: string;
  readonly date: string;
  readonly slotStart: string;
  readonly services: readonly ServiceCode[];
  readonly persons: readonly BookedPerson[];
}

/** One person's appointment for one service: readable in logs, the same on every server. */
export const appointmentIdOf = (personId: string, service: ServiceCode) => `${personId}-${service}`;

export function bookingChanges(booking: BookingForDesks): NewChange[] {
  return booking.persons.flatMap((person): NewChange[] => [
    {
      entity: 'person',
      id: person.id,
      data: {
        id: person.id,
        name: person.fullName,
        dateOfBirth: person.dateOfBirth,
        nationalityCategory: person.nationalityCategory,
        vNumber: person.vNumber,
        lastCaptureDate: null,
      },
    },
    ...booking.services.map((service): NewChange => {
      const id = appointmentIdOf(person.id, service);
      const appointment = expectedAppointment({
        id,
        bookingId: booking.id,
        appointmentCode: booking.appointmentCode,
        locationId: booking.locationId,
        date: booking.date,
        slotStart: booking.slotStart,
        service,
        personId: person.id,
        walkIn: false,
      });
      return { entity: 'appointment', id, data: appointment };
    }),
  ]);
}
