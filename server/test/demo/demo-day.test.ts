import { describe, expect, it } from 'vitest';
import { SERVICE_CODES } from '../../../shared/domain/codes';
import { validateAppointmentCode } from '../../../shared/validation/identifiers';
import { buildDemoDay } from '../../src/demo/demo-day';

const appointmentCount = (date: string) =>
  buildDemoDay(date, 'MAA').reduce((sum, booking) => sum + booking.persons.length * booking.services.length, 0);

describe('the demo day at Mosae Forum', () => {
  it('holds about sixty appointments, on any date', () => {
    for (const date of ['2026-11-24', '2026-11-26', '2026-11-27', '2027-01-05', '2027-06-18']) {
      expect(appointmentCount(date)).toBeGreaterThanOrEqual(52);
      expect(appointmentCount(date)).toBeLessThanOrEqual(70);
    }
  });

  it('covers every service and has families of two to four persons', () => {
    const day = buildDemoDay('2026-11-26', 'MAA');
    expect(new Set(day.flatMap((booking) => booking.services))).toEqual(new Set(SERVICE_CODES));
    const familySizes = day.map((booking) => booking.persons.length).filter((size) => size > 1);
    expect(familySizes.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...familySizes)).toBeLessThanOrEqual(4);
  });

  it('books only in the opening hours, 09:00-12:30 and 13:30-17:00, in time order', () => {
    const slots = buildDemoDay('2026-11-26', 'MAA').map((booking) => booking.slotStart);
    expect(slots).toEqual([...slots].sort());
    for (const slot of slots) {
      expect((slot >= '09:00' && slot < '12:30') || (slot >= '13:30' && slot < '17:00')).toBe(true);
    }
  });

  it('gives the same day for the same date, and another day for another date', () => {
    expect(buildDemoDay('2026-11-26', 'MAA')).toEqual(buildDemoDay('2026-11-26', 'MAA'));
    expect(buildDemoDay('2026-11-27', 'MAA')[0]?.appointmentCode).not.toBe(buildDemoDay('2026-11-26', 'MAA')[0]?.appointmentCode);
  });

  it('gives every booking an appointment code the desk accepts when scanned', () => {
    for (const booking of buildDemoDay('2026-11-26', 'MAA')) {
      expect(validateAppointmentCode(booking.appointmentCode)).toMatchObject({ ok: true });
    }
  });

  it('gives every person a plausible birth date and a ten-digit V-number or none', () => {
    for (const person of buildDemoDay('2026-11-26', 'MAA').flatMap((booking) => booking.persons)) {
      expect(person.dateOfBirth < '2026-11-26').toBe(true);
      expect(person.dateOfBirth > '1960-01-01').toBe(true);
      if (person.vNumber !== null) expect(person.vNumber).toMatch(/^\d{10}$/);
    }
  });
});
