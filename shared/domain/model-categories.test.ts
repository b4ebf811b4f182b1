import { describe, expect, it } from 'vitest';
import { dayAppointmentSchema } from '../sync/day';
import { CLIENT_CATEGORIES, CLIENT_CATEGORY_LABELS } from './codes';
import { bookingSchema, personSchema } from './model';

const oldPerson = { id: 'p-1', name: 'Mei Chen', dateOfBirth: '1979-11-21', nationalityCategory: 'other', vNumber: '3456789012' };
const oldBooking = { id: 'MAA-Z8R4MM2C', appointmentCode: 'Z8R4MM2C', locationId: 'MAA', date: '2027-03-02', slotStart: '10:45', services: ['DOC'], personIds: ['p-1'] };

describe('client categories and sponsors', () => {
  it('a person or booking stored before them still parses, with the category unknown and no sponsor', () => {
    expect(personSchema.parse(oldPerson).clientCategory).toBeUndefined();
    expect(bookingSchema.parse(oldBooking).sponsor).toBeUndefined();
    expect(personSchema.parse({ ...oldPerson, clientCategory: null }).clientCategory).toBeNull();
  });

  it('takes a known category and a sponsor with a KvK number of 8 digits, the number optional', () => {
    expect(personSchema.parse({ ...oldPerson, clientCategory: 'researcher' }).clientCategory).toBe('researcher');
    const sponsor = { name: 'Maas Photonics B.V.', recognised: true, kvkNumber: '12345678' };
    expect(bookingSchema.parse({ ...oldBooking, sponsor }).sponsor).toEqual(sponsor);
    expect(bookingSchema.parse({ ...oldBooking, sponsor: { name: 'Universiteit', recognised: false } }).sponsor).toEqual({
      name: 'Universiteit',
      recognised: false,
      kvkNumber: null,
    });
  });

  it('refuses an unknown category, a sponsor without a name or recognition, and a short KvK number', () => {
    expect(personSchema.safeParse({ ...oldPerson, clientCategory: 'tourist' }).success).toBe(false);
    expect(bookingSchema.safeParse({ ...oldBooking, sponsor: { name: ' ', recognised: true } }).success).toBe(false);
    expect(bookingSchema.safeParse({ ...oldBooking, sponsor: { name: 'Maas Photonics B.V.' } }).success).toBe(false);
    expect(bookingSchema.safeParse({ ...oldBooking, sponsor: { name: 'Maas Photonics B.V.', recognised: true, kvkNumber: '1234' } }).success).toBe(false);
  });

  it("a day's appointment from a server without them still parses", () => {
    const appointment = {
      id: 'p-1-DOC', bookingId: 'MAA-Z8R4MM2C', appointmentCode: 'Z8R4MM2C', locationId: 'MAA', date: '2027-03-02', slotStart: '10:45',
      service: 'DOC', personId: 'p-1', personName: 'Mei Chen', dateOfBirth: '1979-11-21', nationalityCategory: 'other',
      vNumber: null, status: 'expected', deskId: null,
    };
    expect(dayAppointmentSchema.parse(appointment).clientCategory).toBeUndefined();
    expect(dayAppointmentSchema.parse({ ...appointment, clientCategory: 'student', sponsor: null }).clientCategory).toBe('student');
  });

  it('every category has a Dutch and an English label, different where the languages differ', () => {
    for (const category of CLIENT_CATEGORIES) {
      expect(CLIENT_CATEGORY_LABELS[category].nl.length).toBeGreaterThan(0);
      expect(CLIENT_CATEGORY_LABELS[category].en.length).toBeGreaterThan(0);
    }
    expect(CLIENT_CATEGORY_LABELS['knowledge-migrant']).toEqual({ nl: 'Kennismigrant', en: 'Knowledge migrant' });
  });
});
