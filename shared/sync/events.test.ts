import { describe, expect, it } from 'vitest';
import { balieEventSchema, EVENT_TYPES, NON_APPOINTMENT_EVENT_TYPES, parseEvent } from './events';

const envelope = {
  id: '019cb2a4-4a00-7a1b-8c2d-3e4f5a6b7c8d',
  deviceId: 'device-desk-1',
  deviceSeq: 1,
  clerkId: 'clerk-1',
  deskId: 'desk-1',
  locationId: 'maa',
  occurredAt: '2026-03-03T09:00:00.000Z',
  v: 1,
};

describe('the sync protocol events, v1', () => {
  it('lists every event type of DESIGN.md, plus the rating, bookingCancelled and the desk opening and closing', () => {
    expect(EVENT_TYPES).toEqual([
      'checkedIn', 'called', 'recalled', 'serviceStarted', 'stepRecorded', 'parked', 'serviceCompleted', 'noShow',
      'transferred', 'noteAdded', 'walkInRegistered', 'ratingGiven', 'bookingCancelled', 'deskOpened', 'deskClosed', 'pauseStarted', 'pauseEnded',
      'conflictResolved',
    ]);
  });

  it('accepts a check-in and keeps the envelope as sent', () => {
    const event = { ...envelope, type: 'checkedIn', appointmentId: 'a-1', personId: 'p-1', payload: { method: 'scan' } };
    expect(balieEventSchema.parse(event)).toEqual(event);
  });

  it('a pause concerns a desk: its appointment id is null or absent, never an appointment', () => {
    const pause = { ...envelope, type: 'pauseStarted', payload: { reason: 'lunch', note: null } };
    expect(parseEvent({ ...pause, appointmentId: null }).ok).toBe(true);
    expect(parseEvent(pause).ok).toBe(true);
    expect(parseEvent({ ...pause, appointmentId: 'a-1' }).ok).toBe(false);
    expect(NON_APPOINTMENT_EVENT_TYPES).toContain('pauseStarted');
  });

  it('refuses an id that is not a UUIDv7, a sequence number below 1 and a time without a zone', () => {
    const event = { ...envelope, type: 'noShow', appointmentId: 'a-1', payload: {} };
    expect(parseEvent({ ...event, id: '550e8400-e29b-41d4-a716-446655440000' }).ok).toBe(false);
    expect(parseEvent({ ...event, deviceSeq: 0 }).ok).toBe(false);
    expect(parseEvent({ ...event, occurredAt: '2026-03-03T09:00:00' }).ok).toBe(false);
    expect(parseEvent({ ...event, v: 2 }).ok).toBe(false);
  });

  it('a partial outcome without a reason and a pause for "other" without a note are refused, with the path', () => {
    const completed = { ...envelope, type: 'serviceCompleted', appointmentId: 'a-1', payload: { checklistId: 'bio', checklistVersion: 1, outcome: 'partial', reason: null } };
    const result = parseEvent(completed);
    expect(!result.ok && result.problems).toEqual(['payload.reason: a partial outcome needs a reason']);
    expect(parseEvent({ ...envelope, type: 'pauseStarted', payload: { reason: 'other', note: null } }).ok).toBe(false);
  });

  it('a step names the checklist and version it followed', () => {
    const step = { ...envelope, type: 'stepRecorded', appointmentId: 'a-1', payload: { checklistId: 'bio', stepId: 'photo', value: { kind: 'confirmed' } } };
    expect(parseEvent(step).ok).toBe(false);
    expect(parseEvent({ ...step, payload: { ...step.payload, checklistVersion: 1 } }).ok).toBe(true);
  });

  it('an unknown event type is refused', () => {
    expect(parseEvent({ ...envelope, type: 'teleported', appointmentId: 'a-1', payload: {} }).ok).toBe(false);
  });
});
