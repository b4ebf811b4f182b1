import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECKLISTS } from '../checklists/default-checklists';
import type { BalieEvent } from '../sync/events';
import { appointmentIdsChangedSince } from './appointment-trail';
import { applyEvent, reduceEvents } from './day-reducer';
import { callAppointment, checkIn, markNoShow } from './commands-queue';
import { startService } from './commands-service';
import { testDay } from './test-support/day-fixtures';
import { Scenario } from './test-support/scenario';

const checklists = Object.values(DEFAULT_CHECKLISTS);

describe('the reducer on the server: conflicts are kept, flagged and explained', () => {
  it('the same client called at two desks: the first call in the log wins, the second is a conflict', () => {
    const day = new Scenario();
    day.do('desk-1', '09:00:00', (state, context) => checkIn(state, { appointmentIds: ['a-jan-bio'], method: 'scan' }, context));
    const offline = day.state;
    const [atDesk1] = day.do('desk-1', '09:16:00', (state, context) => callAppointment(state, { appointmentId: 'a-jan-bio' }, context));
    const desk2 = day.desk('desk-2');
    const fromDesk2 = callAppointment(offline, { appointmentId: 'a-jan-bio' }, desk2.at('09:16:05'));
    expect(fromDesk2.ok).toBe(true);
    const [atDesk2] = fromDesk2.ok ? fromDesk2.events : [];
    const start2 = fromDesk2.ok ? startService(fromDesk2.state, { appointmentId: 'a-jan-bio' }, { ...desk2.at('09:17:00'), nextDeviceSeq: 2 }) : fromDesk2;
    const server = reduceEvents(testDay(), [...day.log.slice(0, 1), atDesk1!, atDesk2!, ...(start2.ok ? start2.events : [])]);
    expect(server.appointments['a-jan-bio']!.deskId).toBe('desk-1');
    expect(server.conflicts.map((conflict) => [conflict.deskId, conflict.type, conflict.error.code])).toEqual([
      ['desk-2', 'called', 'call-not-allowed-when-called'],
      ['desk-2', 'serviceStarted', 'other-desk'],
    ]);
    expect(server.conflicts[1]!.error.message.nl).toContain('andere balie');
  });

  it('replays without touching the day it was given, and the new day names the appointments it changed', () => {
    const day = new Scenario();
    const [noShow] = day.do('desk-1', '09:40:00', (state, context) => markNoShow(state, { appointmentId: 'a-jan-bio' }, context));
    const [late] = day.do('desk-2', '09:45:00', (state, context) => checkIn(state, { appointmentIds: ['a-jan-bio'], method: 'scan' }, context));
    const start = testDay();
    // Frozen: a replay that changed its input in place would throw here (modules are strict).
    Object.freeze(start.appointments);
    const after = reduceEvents(start, [noShow!, late!]);
    expect(start.appointments['a-jan-bio']!.status).toBe('expected');
    expect(after.appointments['a-jan-bio']!.status).toBe('arrived');
    expect(appointmentIdsChangedSince(after.appointments, start.appointments)).toEqual(new Set(['a-jan-bio']));
    // The result is an ordinary record again: the next replay copies it too.
    const [called] = day.do('desk-2', '09:50:00', (state, context) => callAppointment(state, { appointmentId: 'a-jan-bio' }, context));
    Object.freeze(after.appointments);
    expect(reduceEvents(after, [called!]).appointments['a-jan-bio']!.status).toBe('called');
    expect(after.appointments['a-jan-bio']!.status).toBe('arrived');
  });

  it('a check-in after a no-show reopens the appointment: presence beats absence', () => {
    const day = new Scenario();
    const [noShow] = day.do('desk-1', '09:40:00', (state, context) => markNoShow(state, { appointmentId: 'a-jan-bio' }, context));
    const [late] = day.do('desk-2', '09:45:00', (state, context) => checkIn(state, { appointmentIds: ['a-jan-bio'], method: 'scan' }, context));
    const server = reduceEvents(testDay(), [noShow!, late!]);
    expect(server.appointments['a-jan-bio']!.status).toBe('arrived');
    expect(server.conflicts).toEqual([]);
  });

  it('an event sent twice is applied once and the duplicate reports the original outcome', () => {
    const day = new Scenario();
    const [event] = day.do('desk-1', '09:00:00', (state, context) => checkIn(state, { appointmentIds: ['a-jan-bio'], method: 'scan' }, context));
    const once = applyEvent(testDay(), event!);
    const twice = applyEvent(once.state, event!);
    expect(once.outcome).toEqual({ kind: 'applied' });
    expect(twice.outcome).toEqual({ kind: 'duplicate', original: 'applied' });
    expect(twice.state).toBe(once.state);
  });

  it('a resent conflicting event is not flagged a second time', () => {
    const day = new Scenario();
    const [event] = day.do('desk-1', '09:00:00', (state, context) => checkIn(state, { appointmentIds: ['a-jan-bio'], method: 'scan' }, context));
    const unknown = { ...event!, appointmentId: 'a-nobody' } as BalieEvent;
    const state = reduceEvents(testDay(), [unknown, unknown]);
    expect(state.conflicts.map((conflict) => conflict.error.code)).toEqual(['appointment-unknown']);
    expect(applyEvent(state, unknown).outcome).toEqual({ kind: 'duplicate', original: 'conflict' });
  });

  it('an event from another location is a conflict', () => {
    const day = new Scenario();
    const [event] = day.do('desk-1', '09:00:00', (state, context) => checkIn(state, { appointmentIds: ['a-jan-bio'], method: 'scan' }, context));
    const state = reduceEvents(testDay(), [{ ...event!, locationId: 'ams' } as BalieEvent]);
    expect(state.conflicts[0]!.error.code).toBe('wrong-location');
  });

  it('with the checklist definitions, the server re-checks steps: a fingerprint step for a five-year-old is a conflict', () => {
    const day = new Scenario();
    day.do('desk-1', '09:00:00', (state, context) => checkIn(state, { appointmentIds: ['a-lina-bio'], method: 'scan' }, context));
    day.do('desk-1', '09:01:00', (state, context) => callAppointment(state, { appointmentId: 'a-lina-bio' }, context));
    day.do('desk-1', '09:02:00', (state, context) => startService(state, { appointmentId: 'a-lina-bio' }, context));
    const forged: BalieEvent = {
      ...day.log[0]!,
      id: '019cb2a4-0000-7000-8000-0000000000ff',
      deviceSeq: 4,
      type: 'stepRecorded',
      appointmentId: 'a-lina-bio',
      payload: { checklistId: 'bio', checklistVersion: 1, stepId: 'fingerprints', value: { kind: 'confirmed' } },
    } as BalieEvent;
    expect(reduceEvents(testDay(), [...day.log, forged]).conflicts).toEqual([]);
    expect(reduceEvents(testDay(), [...day.log, forged], { checklists }).conflicts.map((conflict) => conflict.error.code)).toEqual(['step-not-applicable']);
    const unknownVersion = { ...forged, payload: { ...forged.payload, stepId: 'identity', checklistVersion: 9 } } as BalieEvent;
    expect(reduceEvents(testDay(), [...day.log, unknownVersion], { checklists }).conflicts.map((conflict) => conflict.error.code)).toEqual(['checklist-unknown']);
  });
});
