import { describe, expect, it } from 'vitest';
import type { BalieEvent } from '../sync/events';
import {
  APPOINTMENT_FATES,
  eventWithoutPersonalData,
  personalFields,
  PERSON_FATES,
  withoutPersonalData,
  type FieldFates,
} from './field-fates';
import type { Person } from './model';
import { PERSONS } from './test-support/day-fixtures';

describe('every field has a declared fate', () => {
  it('the personal data of a person are its name, date of birth, nationality, V-number, capture date and client category', () => {
    expect(personalFields(PERSON_FATES)).toEqual(['name', 'dateOfBirth', 'nationalityCategory', 'vNumber', 'lastCaptureDate', 'clientCategory']);
    expect(withoutPersonalData(PERSONS[0]!, PERSON_FATES)).toEqual({ id: 'p-amira' });
  });

  it('the lifecycle fields of an appointment are written by the desk, the booking fields by the server', () => {
    expect(APPOINTMENT_FATES.status.writtenBy).toBe('desk');
    expect(APPOINTMENT_FATES.slotStart.writtenBy).toBe('server');
    expect(APPOINTMENT_FATES.notes.personal).toBe(true);
  });

  it('an unclassified field fails to compile, and so does a field that does not exist', () => {
    const fate = { writtenBy: 'server', personal: true } as const;
    // @ts-expect-error lastCaptureDate is not classified
    const missing: FieldFates<Person> = { id: fate, name: fate, dateOfBirth: fate, nationalityCategory: fate, vNumber: fate };
    // @ts-expect-error shoeSize is no field of a person
    const checked = { ...PERSON_FATES, shoeSize: fate } satisfies FieldFates<Person>;
    expect([missing, checked]).toHaveLength(2);
  });

  it('an event without personal data keeps its envelope and drops names, notes and step values', () => {
    const walkIn = {
      id: '019cb2a4-4a00-7a1b-8c2d-3e4f5a6b7c8d', deviceId: 'd', deviceSeq: 1, clerkId: 'c', deskId: 'desk-1', locationId: 'maa',
      occurredAt: '2026-03-03T09:00:00.000Z', v: 1, type: 'walkInRegistered', appointmentId: 'a-9', personId: 'p-9',
      payload: { bookingId: 'b-9', appointmentCode: 'X1Y2Z3', service: 'BIO', date: '2026-03-03', slotStart: '09:00', reason: 'ind-invited',
        person: { id: 'p-9', name: 'N', dateOfBirth: '1990-01-01', nationalityCategory: 'other', vNumber: null } },
    } as BalieEvent;
    expect(eventWithoutPersonalData(walkIn).payload).toEqual({ bookingId: 'b-9', service: 'BIO', date: '2026-03-03', slotStart: '09:00', reason: 'ind-invited' });
  });
});
