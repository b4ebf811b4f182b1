import { describe, expect, it } from 'vitest';
import { reduceEvents } from './day-reducer';
import { testDay } from './test-support/day-fixtures';
import { Scenario } from './test-support/scenario';
import { callAppointment, callNext, cancelBooking, checkIn, checkInBooking, markNoShow, recall } from './commands-queue';
import { addNote, complete, park, recordStep, startService, transfer } from './commands-service';
import { closeDesk, endPause, openDesk, registerWalkIn, startPause } from './commands-desk';
import { deskStatusOf, queueFor, visitsOf } from './day-queries';
import type { DayState } from './day-state';
import type { CommandContext } from './command-support';

const BIO_DESK = ['BIO', 'DOC', 'VAA', 'TKV'] as const;

function serveBioCompletely(day: Scenario, deskId: string, appointmentId: string, time: string, withFingerprints: boolean, withSignature: boolean) {
  const step = (stepId: string, value: Parameters<typeof recordStep>[1]['value']) =>
    day.do(deskId, time, (state, context) => recordStep(state, { appointmentId, stepId, value }, context));
  step('identity', { kind: 'confirmed' });
  step('previous-document', { kind: 'choice', optionIds: ['expired-document'] });
  step('photo', { kind: 'choice', optionIds: ['taken'] });
  if (withFingerprints) step('fingerprints', { kind: 'confirmed' });
  if (withSignature) step('signature', { kind: 'confirmed' });
  return day.do(deskId, time, (state, context) => complete(state, { appointmentId, outcome: 'completed', reason: null }, context));
}

describe("a clerk's day at the BIO desk", () => {
  it('a family of three checks in with one code, is called together, and the child under six gets a photo only', () => {
    const day = new Scenario();
    day.do('desk-1', '08:55:00', (state, context) => openDesk(state, context));
    const checkedIn = day.do('desk-1', '08:56:00', (state, context) => checkInBooking(state, { appointmentCode: 'hk7-p2q9', method: 'scan' }, context));
    expect(checkedIn.map((event) => event.appointmentId).sort()).toEqual(['a-amira-bio', 'a-lina-bio', 'a-omar-bio']);
    const called = day.do('desk-1', '09:01:00', (state, context) => callNext(state, { services: [...BIO_DESK] }, context));
    expect(called.map((event) => event.appointmentId).sort()).toEqual(['a-amira-bio', 'a-lina-bio', 'a-omar-bio']);
    expect(deskStatusOf(day.state, 'desk-1')).toBe('serving');
    for (const id of ['a-amira-bio', 'a-omar-bio', 'a-lina-bio']) day.do('desk-1', '09:02:00', (state, context) => startService(state, { appointmentId: id }, context));
    const refusal = day.refused('desk-1', '09:03:00', (state, context) => recordStep(state, { appointmentId: 'a-lina-bio', stepId: 'fingerprints', value: { kind: 'confirmed' } }, context));
    expect(refusal.code).toBe('step-not-applicable');
    serveBioCompletely(day, 'desk-1', 'a-lina-bio', '09:05:00', false, false);
    serveBioCompletely(day, 'desk-1', 'a-omar-bio', '09:09:00', true, true);
    serveBioCompletely(day, 'desk-1', 'a-amira-bio', '09:14:00', true, true);
    expect(['a-amira-bio', 'a-omar-bio', 'a-lina-bio'].map((id) => day.state.appointments[id]!.status)).toEqual(['completed', 'completed', 'completed']);
    expect(deskStatusOf(day.state, 'desk-1')).toBe('idle');
  });

  it('the event log replayed from the start gives the same day as the desk has', () => {
    const day = new Scenario();
    day.do('desk-1', '08:56:00', (state, context) => checkIn(state, { appointmentIds: ['a-jan-bio'], method: 'manual' }, context));
    day.do('desk-1', '09:16:00', (state, context) => callNext(state, { services: [...BIO_DESK] }, context));
    day.do('desk-1', '09:17:00', (state, context) => startService(state, { appointmentId: 'a-jan-bio' }, context));
    serveBioCompletely(day, 'desk-1', 'a-jan-bio', '09:20:00', false, true);
    expect(reduceEvents(testDay(), day.log)).toEqual(day.state);
    expect(day.log.map((event) => event.deviceSeq)).toEqual(day.log.map((_, index) => index + 1));
  });

  it('an EU citizen cannot be completed while the signature is missing, and is told which step', () => {
    const day = new Scenario();
    day.do('desk-1', '09:10:00', (state, context) => checkIn(state, { appointmentIds: ['a-jan-bio'], method: 'scan' }, context));
    day.do('desk-1', '09:16:00', (state, context) => callNext(state, { services: ['BIO'] }, context));
    day.do('desk-1', '09:17:00', (state, context) => startService(state, { appointmentId: 'a-jan-bio' }, context));
    const error = day.refused('desk-1', '09:18:00', (state, context) => complete(state, { appointmentId: 'a-jan-bio', outcome: 'completed', reason: null }, context));
    expect(error.message.en).toBe('Not done yet: Appointment code and identity, Previous residence document, Photo at the desk, Signature.');
  });

  it('a client who does not come after two calls is marked no-show, and a busy desk cannot call the next', () => {
    const day = new Scenario();
    day.do('desk-1', '09:00:00', (state, context) => checkIn(state, { appointmentIds: ['a-jan-bio', 'a-priya-bio'], method: 'scan' }, context));
    day.do('desk-1', '09:31:00', (state, context) => callNext(state, { services: ['BIO'] }, context));
    expect(day.state.appointments['a-jan-bio']!.status).toBe('called');
    expect(day.refused('desk-1', '09:32:00', (state, context) => callNext(state, { services: ['BIO'] }, context)).code).toBe('desk-busy');
    day.do('desk-1', '09:33:00', (state, context) => recall(state, { appointmentId: 'a-jan-bio' }, context));
    day.do('desk-1', '09:36:00', (state, context) => markNoShow(state, { appointmentId: 'a-jan-bio' }, context));
    const next = day.do('desk-1', '09:37:00', (state, context) => callNext(state, { services: ['BIO'] }, context));
    expect(next.map((event) => event.appointmentId)).toEqual(['a-priya-bio']);
  });

  it('calling someone who is not at the head of the queue is recorded as out of order', () => {
    const day = new Scenario();
    day.do('desk-1', '09:00:00', (state, context) => checkIn(state, { appointmentIds: ['a-jan-bio', 'a-priya-bio'], method: 'scan' }, context));
    const [event] = day.do('desk-1', '09:31:00', (state, context) => callAppointment(state, { appointmentId: 'a-priya-bio' }, context));
    expect(event!.type === 'called' && event!.payload.outOfOrder).toBe(true);
  });

  it('a parked client fills in a form and is called again, the desk serves nobody meanwhile', () => {
    const day = new Scenario();
    day.do('desk-1', '09:25:00', (state, context) => checkIn(state, { appointmentIds: ['a-priya-bio'], method: 'scan' }, context));
    day.do('desk-1', '09:31:00', (state, context) => callNext(state, { services: ['BIO'] }, context));
    day.do('desk-1', '09:32:00', (state, context) => startService(state, { appointmentId: 'a-priya-bio' }, context));
    day.do('desk-1', '09:33:00', (state, context) => park(state, { appointmentId: 'a-priya-bio', reason: 'fills in the declaration' }, context));
    expect(deskStatusOf(day.state, 'desk-1')).toBe('closed');
    const [again] = day.do('desk-1', '09:40:00', (state, context) => callAppointment(state, { appointmentId: 'a-priya-bio' }, context));
    expect(again!.type === 'called' && again!.payload.outOfOrder).toBe(true);
    day.do('desk-1', '09:41:00', (state, context) => startService(state, { appointmentId: 'a-priya-bio' }, context));
    expect(day.state.appointments['a-priya-bio']!.status).toBe('in-service');
  });

  it('a pause needs a free desk and a reason, and calling is refused while paused', () => {
    const day = new Scenario();
    day.do('desk-1', '08:55:00', (state, context) => openDesk(state, context));
    expect(day.refused('desk-1', '10:00:00', (state, context) => startPause(state, { reason: 'other', note: ' ' }, context)).code).toBe('pause-note-required');
    day.do('desk-1', '10:00:00', (state, context) => startPause(state, { reason: 'lunch', note: null }, context));
    expect(deskStatusOf(day.state, 'desk-1')).toBe('paused');
    day.do('desk-1', '10:01:00', (state, context) => checkIn(state, { appointmentIds: ['a-mei-vaa'], method: 'scan' }, context));
    expect(day.refused('desk-1', '10:02:00', (state, context) => callNext(state, { services: ['VAA'] }, context)).code).toBe('desk-paused');
    day.do('desk-1', '10:30:00', (state, context) => endPause(state, context));
    day.do('desk-1', '10:31:00', (state, context) => callNext(state, { services: ['VAA'] }, context));
    expect(day.refused('desk-1', '10:32:00', (state, context) => startPause(state, { reason: 'break', note: null }, context)).code).toBe('desk-busy');
    expect(day.refused('desk-1', '10:32:00', (state, context) => closeDesk(state, context)).code).toBe('desk-busy');
  });

  it('a new clerk opening a desk left open closes the previous session first', () => {
    const day = new Scenario();
    day.do('desk-1', '08:55:00', (state, context) => openDesk(state, context));
    const takeover = openDesk(day.state, { ...day.desk('desk-1').at('13:30:00'), clerkId: 'clerk-9' });
    expect(takeover.ok && takeover.events.map((event) => event.type)).toEqual(['deskClosed', 'deskOpened']);
    expect(day.refused('desk-1', '13:31:00', (state, context) => openDesk(state, context)).code).toBe('desk-already-open');
  });
});

describe('one stop shop: BIO → BRP → INFO', () => {
  it('Priya finishes BIO at desk 1, is sent on to BRP at desk 3, then to an INFO talk she had not booked separately', () => {
    const day = new Scenario(reduceEvents(testDay(), []));
    day.do('desk-1', '09:20:00', (state, context) => checkIn(state, { appointmentIds: ['a-priya-bio'], method: 'scan' }, context));
    day.do('desk-1', '09:30:00', (state, context) => callNext(state, { services: ['BIO'] }, context));
    day.do('desk-1', '09:31:00', (state, context) => startService(state, { appointmentId: 'a-priya-bio' }, context));
    expect(day.refused('desk-1', '09:32:00', (state, context) => transfer(state, { appointmentId: 'a-priya-bio', toService: 'BRP', toDeskId: null, reason: null }, context)).code).toBe('transfer-before-finished');
    serveBioCompletely(day, 'desk-1', 'a-priya-bio', '09:40:00', true, true);
    day.do('desk-1', '09:41:00', (state, context) => transfer(state, { appointmentId: 'a-priya-bio', toService: 'BRP', toDeskId: 'desk-3', reason: null }, context));
    const brp = day.state.appointments['a-priya-brp']!;
    expect([brp.status, brp.deskId, brp.transferredFrom, brp.checkedInAt]).toEqual(['transferred', 'desk-3', 'a-priya-bio', '2026-03-03T09:20:00+01:00']);
    expect(queueFor(day.state, { deskId: 'desk-2', services: ['BRP'] })).toEqual([]);
    day.do('desk-3', '09:45:00', (state, context) => callNext(state, { services: ['BRP', 'INFO'] }, context));
    day.do('desk-3', '09:46:00', (state, context) => startService(state, { appointmentId: 'a-priya-brp' }, context));
    day.do('desk-3', '09:58:00', (state, context) => complete(state, { appointmentId: 'a-priya-brp', outcome: 'missing-document', reason: 'rental contract not signed by landlord' }, context));
    day.state = { ...day.state, appointments: Object.fromEntries(Object.entries(day.state.appointments).filter(([id]) => id !== 'a-priya-info')) } as DayState;
    const sentOn = day.do('desk-3', '09:59:00', (state, context) => transfer(state, { appointmentId: 'a-priya-brp', toService: 'INFO', toDeskId: null, reason: null }, context));
    expect(sentOn.map((event) => event.type)).toEqual(['walkInRegistered', 'transferred']);
    const info = Object.values(day.state.appointments).find((appointment) => appointment.service === 'INFO' && appointment.personId === 'p-priya')!;
    expect([info.status, info.walkIn]).toEqual(['transferred', true]);
    const visit = visitsOf(day.state).find((candidate) => candidate.personId === 'p-priya')!;
    expect(visit.appointmentIds.slice(0, 2)).toEqual(['a-priya-bio', 'a-priya-brp']);
  });

  it('a client sent to another desk for the same service keeps the appointment and waits for that desk', () => {
    const day = new Scenario();
    day.do('desk-1', '09:25:00', (state, context) => checkIn(state, { appointmentIds: ['a-carlos-doc'], method: 'scan' }, context));
    day.do('desk-1', '09:30:00', (state, context) => callNext(state, { services: ['DOC'] }, context));
    day.do('desk-1', '09:31:00', (state, context) => startService(state, { appointmentId: 'a-carlos-doc' }, context));
    day.do('desk-1', '09:33:00', (state, context) => transfer(state, { appointmentId: 'a-carlos-doc', toService: 'DOC', toDeskId: 'desk-2', reason: 'card is in the other safe' }, context));
    expect(queueFor(day.state, { deskId: 'desk-1', services: ['DOC'] })).toEqual([]);
    expect(queueFor(day.state, { deskId: 'desk-2', services: ['DOC'] }).map((appointment) => appointment.id)).toEqual(['a-carlos-doc']);
  });
});

describe('walk-ins, notes and cancellations', () => {
  it('a family member added at the desk joins the booking, checked in, with a valid V-number', () => {
    const day = new Scenario();
    const person = { name: 'Yusuf Haddad', dateOfBirth: '2014-02-10', nationalityCategory: 'other' as const, vNumber: '23 4567 8904' };
    const [event] = day.do('desk-1', '09:05:00', (state, context) => registerWalkIn(state, { person, service: 'BIO', reason: 'family-member', bookingId: 'b-haddad' }, context));
    expect(event!.type === 'walkInRegistered' && [event!.payload.person.vNumber, event!.payload.appointmentCode, event!.payload.slotStart]).toEqual(['2345678904', 'HK7P2Q9', '09:05']);
    expect(day.state.appointments[event!.appointmentId!]!.status).toBe('arrived');
    const bad = day.refused('desk-1', '09:06:00', (state, context) => registerWalkIn(state, { person: { ...person, vNumber: '12345' }, service: 'BIO', reason: 'family-member', bookingId: 'b-haddad' }, context));
    expect(bad.code).toBe('v-number-length');
    const unborn = day.refused('desk-1', '09:06:00', (state, context) => registerWalkIn(state, { person: { ...person, dateOfBirth: '2027-01-01' }, service: 'BIO', reason: 'ind-invited', bookingId: null }, context));
    expect(unborn.code).toBe('date-of-birth-invalid');
  });

  it('a booking holds at most six persons', () => {
    const day = new Scenario();
    const add = (index: number, context: CommandContext, state: DayState) =>
      registerWalkIn(state, { person: { name: `Child ${index}`, dateOfBirth: '2015-01-01', nationalityCategory: 'other', vNumber: null }, service: 'BIO', reason: 'family-member', bookingId: 'b-haddad' }, context);
    for (const index of [1, 2, 3]) day.do('desk-1', '09:05:00', (state, context) => add(index, context, state));
    expect(day.refused('desk-1', '09:06:00', (state, context) => add(4, context, state)).code).toBe('booking-full');
  });

  it('a booking is cancelled as a whole, and no longer once someone of it was called', () => {
    const day = new Scenario();
    const events = day.do('desk-1', '08:30:00', (state, context) => cancelBooking(state, { bookingId: 'b-jan', reason: 'client phoned' }, context));
    expect(events[0]!.appointmentId).toBeNull();
    expect(day.state.appointments['a-jan-bio']!.status).toBe('cancelled');
    day.do('desk-1', '08:56:00', (state, context) => checkInBooking(state, { appointmentCode: 'HK7P2Q9', method: 'scan' }, context));
    day.do('desk-1', '09:01:00', (state, context) => callAppointment(state, { appointmentId: 'a-lina-bio' }, context));
    const refused = day.refused('desk-1', '09:02:00', (state, context) => cancelBooking(state, { bookingId: 'b-haddad', reason: null }, context));
    expect(refused.code).toBe('booking-not-cancellable');
    expect(day.state.appointments['a-amira-bio']!.status).toBe('arrived');
  });

  it('a note is kept with the clerk and the time, and an empty note is refused', () => {
    const day = new Scenario();
    day.do('desk-1', '09:00:00', (state, context) => addNote(state, { appointmentId: 'a-mei-vaa', text: ' Needs an interpreter (Mandarin) ' }, context));
    expect(day.state.appointments['a-mei-vaa']!.notes).toEqual([{ text: 'Needs an interpreter (Mandarin)', at: '2026-03-03T09:00:00+01:00', clerkId: 'clerk-desk-1' }]);
    expect(day.refused('desk-1', '09:00:00', (state, context) => addNote(state, { appointmentId: 'a-mei-vaa', text: '  ' }, context)).code).toBe('note-empty');
  });

  it('an unknown appointment code is refused in both languages', () => {
    const day = new Scenario();
    const error = day.refused('desk-1', '09:00:00', (state, context) => checkInBooking(state, { appointmentCode: 'ZZ999999', method: 'scan' }, context));
    expect(error.message).toEqual({ nl: 'Geen afspraak met deze code vandaag.', en: 'No appointment with this code today.' });
  });
});
