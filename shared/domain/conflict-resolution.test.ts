import { describe, expect, it } from 'vitest';
import { parseEvent, serverDeviceId, type BalieEvent } from '../sync/events';
import { eventConflictSchema } from '../sync/change-data';
import type { CommandContext } from './command-support';
import { callAppointment, checkIn } from './commands-queue';
import { resolveConflict } from './commands-supervision';
import { applyEvent, reduceEvents } from './day-reducer';
import { eventWithoutPersonalData } from './field-fates';
import { idMaker, testDay } from './test-support/day-fixtures';
import { Scenario } from './test-support/scenario';

/** Desks 1 and 2 both call Jan Kowalski offline; desk 2's call is the conflict. */
function lostCall() {
  const day = new Scenario();
  day.do('desk-1', '09:00:00', (state, context) => checkIn(state, { appointmentIds: ['a-jan-bio'], method: 'scan' }, context));
  const offline = day.state;
  day.do('desk-1', '09:16:00', (state, context) => callAppointment(state, { appointmentId: 'a-jan-bio' }, context));
  const fromDesk2 = callAppointment(offline, { appointmentId: 'a-jan-bio' }, day.desk('desk-2').at('09:16:05'));
  if (!fromDesk2.ok) throw new Error('desk 2 could call offline');
  const log: BalieEvent[] = [...day.log, ...fromDesk2.events];
  return { log, server: reduceEvents(testDay(), log), conflictEventId: fromDesk2.events[0]!.id };
}

/** The server acting for supervisor Sanne at 10:05 (Amsterdam), with its own device for the location. */
function supervisor(nextDeviceSeq = 1, newId = idMaker(90)): CommandContext {
  const device = serverDeviceId('maa');
  return { now: '2026-03-03T09:05:00.000Z', deviceId: device, deskId: device, clerkId: 'supervisor-sanne', locationId: 'maa', nextDeviceSeq, newId };
}

describe('a supervisor resolves a conflict: an event like any other', () => {
  it('the lost call reads as resolved with the note, and nobody on the day moves', () => {
    const { server, conflictEventId } = lostCall();
    const note = 'Jan is bij balie 1 geholpen; balie 2 hoeft niets te doen.';
    const resolved = resolveConflict(server, { conflictEventId, note }, supervisor());
    expect(resolved.ok).toBe(true);
    if (!resolved.ok) return;
    const [event] = resolved.events;
    expect(event).toMatchObject({ type: 'conflictResolved', deviceId: 'server-maa', deviceSeq: 1, clerkId: 'supervisor-sanne', appointmentId: null, payload: { conflictEventId, note } });
    expect(resolved.state.conflicts).toEqual([
      { ...server.conflicts[0], resolution: { eventId: event!.id, note, resolvedBy: 'supervisor-sanne', resolvedAt: '2026-03-03T09:05:00.000Z' } },
    ]);
    // The appointments, persons and desks are the very same objects: Jan stays called at desk 1.
    expect(resolved.state.appointments).toBe(server.appointments);
    expect(resolved.state.persons).toBe(server.persons);
    expect(resolved.state.desks).toBe(server.desks);
    expect(resolved.state.appointments['a-jan-bio']).toMatchObject({ status: 'called', deskId: 'desk-1' });
    // What the feed carries parses as a resolved conflict.
    expect(eventConflictSchema.parse(resolved.state.conflicts[0]).resolution?.note).toBe(note);
  });

  it('a replay of the log with the resolution gives the same day, however it is split, and a resend changes nothing', () => {
    const { log, server, conflictEventId } = lostCall();
    const resolved = resolveConflict(server, { conflictEventId, note: 'Afgehandeld.' }, supervisor());
    if (!resolved.ok) throw new Error(resolved.error.code);
    const full = [...log, ...resolved.events];
    expect(reduceEvents(testDay(), full)).toEqual(resolved.state);
    expect(reduceEvents(reduceEvents(testDay(), full.slice(0, 2)), full.slice(2))).toEqual(resolved.state);
    expect(applyEvent(resolved.state, resolved.events[0]!)).toEqual({ state: resolved.state, outcome: { kind: 'duplicate', original: 'applied' } });
  });

  it('a second resolution of the same conflict is refused with a readable reason in Dutch and English', () => {
    const { server, conflictEventId } = lostCall();
    const first = resolveConflict(server, { conflictEventId, note: 'Balie 1 heeft Jan geholpen.' }, supervisor());
    if (!first.ok) throw new Error(first.error.code);
    const second = resolveConflict(first.state, { conflictEventId, note: 'Nog eens.' }, supervisor(2, idMaker(92)));
    expect(second).toEqual({
      ok: false,
      error: {
        code: 'conflict-already-resolved',
        message: {
          nl: 'Dit conflict is al opgelost, met de notitie: Balie 1 heeft Jan geholpen.',
          en: 'This conflict was already resolved, with the note: Balie 1 heeft Jan geholpen.',
        },
      },
    });
    // Replayed from the log (e.g. two servers raced), the second one is kept as a conflict and changes nothing.
    const again = { ...first.events[0]!, id: idMaker(91)(), deviceSeq: 2, payload: { conflictEventId, note: 'Nog eens.' } } as BalieEvent;
    const replayed = reduceEvents(first.state, [again]);
    expect(replayed.conflicts[0]!.resolution?.note).toBe('Balie 1 heeft Jan geholpen.');
    expect(replayed.conflicts[1]).toMatchObject({ eventId: again.id, type: 'conflictResolved', error: { code: 'conflict-already-resolved' } });
  });

  it('resolving an event that was no conflict, or one of another day, is refused', () => {
    const { log, server } = lostCall();
    const applied = resolveConflict(server, { conflictEventId: log[0]!.id, note: 'Vergissing.' }, supervisor());
    expect(applied).toMatchObject({ ok: false, error: { code: 'conflict-unknown', message: { nl: 'Dit conflict is op deze dag niet bekend.', en: 'This conflict is not known on this day.' } } });
    expect(resolveConflict(testDay(), { conflictEventId: 'no-such-event', note: 'x' }, supervisor())).toMatchObject({ ok: false, error: { code: 'conflict-unknown' } });
  });

  it('the event is versioned and checked like the others: a note is needed, and it is purged with the day on a desk', () => {
    const { server, conflictEventId } = lostCall();
    const resolved = resolveConflict(server, { conflictEventId, note: 'Mevrouw De Vries belt terug.' }, supervisor());
    if (!resolved.ok) throw new Error(resolved.error.code);
    const event = resolved.events[0]!;
    expect(event.v).toBe(1);
    expect(parseEvent({ ...event, payload: { conflictEventId, note: '   ' } }).ok).toBe(false);
    expect(parseEvent({ ...event, appointmentId: 'a-jan-bio' }).ok).toBe(false);
    expect(resolveConflict(server, { conflictEventId, note: ' ' }, supervisor())).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(eventWithoutPersonalData(event).payload).toEqual({ conflictEventId });
  });
});
