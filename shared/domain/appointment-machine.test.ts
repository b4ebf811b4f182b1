import { describe, expect, it } from 'vitest';
import { APPOINTMENT_STATUSES, type AppointmentStatus } from './codes';
import { LIFECYCLE_EVENT_KINDS, transition, type LifecycleEvent, type LifecycleEventKind } from './appointment-machine';
import { expectedAppointment, type AppointmentState } from './appointment-state';
import { APPOINTMENTS } from './test-support/day-fixtures';

const NOW = '2026-03-03T09:20:00.000Z';
const base = expectedAppointment(APPOINTMENTS[1]!); // Omar, BIO, slot 09:00

function inStatus(status: AppointmentStatus): AppointmentState {
  const atDesk = status === 'called' || status === 'in-service' || status === 'parked';
  return {
    ...base,
    status,
    deskId: atDesk ? 'desk-1' : null,
    checkedInAt: status === 'expected' ? null : '2026-03-03T08:05:00.000Z',
    outcome: status === 'completed' ? 'completed' : status === 'partial' ? 'missing-document' : null,
  };
}

/** One event of each kind, all from desk 1 (transfers keep the service, to desk 2). */
const EVENTS: Record<LifecycleEventKind, LifecycleEvent> = {
  'check-in': { kind: 'check-in' },
  call: { kind: 'call', deskId: 'desk-1', clerkId: 'clerk-1' },
  recall: { kind: 'recall', deskId: 'desk-1' },
  'start-service': { kind: 'start-service', deskId: 'desk-1', clerkId: 'clerk-1' },
  'record-step': { kind: 'record-step', deskId: 'desk-1', clerkId: 'clerk-1', stepId: 'identity', checklistId: 'bio', checklistVersion: 1, value: { kind: 'confirmed' } },
  park: { kind: 'park', deskId: 'desk-1', reason: 'fills in the form' },
  complete: { kind: 'complete', deskId: 'desk-1', outcome: 'completed', reason: null },
  'no-show': { kind: 'no-show', deskId: 'desk-1' },
  transfer: { kind: 'transfer', deskId: 'desk-1', toService: 'BIO', toDeskId: 'desk-2', toAppointmentId: base.id },
  'receive-transfer': { kind: 'receive-transfer', fromAppointmentId: 'a-omar-doc', checkedInAt: null, toDeskId: 'desk-3' },
  cancel: { kind: 'cancel' },
  'add-note': { kind: 'add-note', clerkId: 'clerk-1', text: 'brought the old card' },
};

const x = null; // refused
/** The next status for every status × event pair; null: refused with a reason. */
const TABLE: Record<AppointmentStatus, Record<LifecycleEventKind, AppointmentStatus | null>> = {
  expected: { 'check-in': 'arrived', call: x, recall: x, 'start-service': x, 'record-step': x, park: x, complete: x, 'no-show': 'no-show', transfer: x, 'receive-transfer': 'transferred', cancel: 'cancelled', 'add-note': 'expected' },
  arrived: { 'check-in': x, call: 'called', recall: x, 'start-service': x, 'record-step': x, park: x, complete: x, 'no-show': x, transfer: x, 'receive-transfer': 'transferred', cancel: 'cancelled', 'add-note': 'arrived' },
  called: { 'check-in': x, call: x, recall: 'called', 'start-service': 'in-service', 'record-step': x, park: x, complete: x, 'no-show': 'no-show', transfer: 'transferred', 'receive-transfer': x, cancel: x, 'add-note': 'called' },
  'in-service': { 'check-in': x, call: x, recall: x, 'start-service': x, 'record-step': 'in-service', park: 'parked', complete: 'completed', 'no-show': x, transfer: 'transferred', 'receive-transfer': x, cancel: x, 'add-note': 'in-service' },
  parked: { 'check-in': x, call: 'called', recall: x, 'start-service': x, 'record-step': x, park: x, complete: x, 'no-show': x, transfer: 'transferred', 'receive-transfer': x, cancel: x, 'add-note': 'parked' },
  transferred: { 'check-in': x, call: 'called', recall: x, 'start-service': x, 'record-step': x, park: x, complete: x, 'no-show': x, transfer: x, 'receive-transfer': x, cancel: x, 'add-note': 'transferred' },
  completed: { 'check-in': x, call: x, recall: x, 'start-service': x, 'record-step': x, park: x, complete: x, 'no-show': x, transfer: x, 'receive-transfer': x, cancel: x, 'add-note': 'completed' },
  partial: { 'check-in': x, call: x, recall: x, 'start-service': x, 'record-step': x, park: x, complete: x, 'no-show': x, transfer: x, 'receive-transfer': x, cancel: x, 'add-note': 'partial' },
  'no-show': { 'check-in': 'arrived', call: x, recall: x, 'start-service': x, 'record-step': x, park: x, complete: x, 'no-show': x, transfer: x, 'receive-transfer': x, cancel: x, 'add-note': 'no-show' },
  cancelled: { 'check-in': x, call: x, recall: x, 'start-service': x, 'record-step': x, park: x, complete: x, 'no-show': x, transfer: x, 'receive-transfer': x, cancel: x, 'add-note': 'cancelled' },
};

describe('every status × event pair of the appointment lifecycle', () => {
  const pairs = APPOINTMENT_STATUSES.flatMap((status) => LIFECYCLE_EVENT_KINDS.map((kind) => [status, kind, TABLE[status][kind]] as const));

  it('the table covers all 10 statuses × 12 events', () => {
    expect(pairs).toHaveLength(120);
  });

  it.each(pairs)('from %s, %s gives %s', (status, kind, expected) => {
    const before = inStatus(status);
    const result = transition(before, EVENTS[kind], NOW);
    if (expected === null) {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toMatch(/^[a-z-]+$/);
      expect(result.error.message.nl).not.toBe('');
      expect(result.error.message.en).not.toBe('');
      expect(result.error.message.nl).not.toBe(result.error.message.en);
    } else {
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.state.status).toBe(expected);
    }
    expect(before).toEqual(inStatus(status));
  });
});

describe('lifecycle details a clerk relies on', () => {
  it('a client checking in early waits from their slot, not from the door', () => {
    const result = transition(base, { kind: 'check-in' }, '2026-03-03T07:50:00.000Z');
    expect(result.ok && result.state.waitingSince).toBe('2026-03-03T08:00:00.000Z');
  });

  it('a client checking in late waits from the check-in', () => {
    const result = transition(base, { kind: 'check-in' }, '2026-03-03T08:12:00.000Z');
    expect(result.ok && result.state.waitingSince).toBe('2026-03-03T08:12:00.000Z');
  });

  it('a client called at desk 1 cannot be started at desk 2', () => {
    const result = transition(inStatus('called'), { kind: 'start-service', deskId: 'desk-2', clerkId: 'clerk-2' }, NOW);
    expect(!result.ok && result.error.code).toBe('other-desk');
  });

  it('a recall at the same desk counts the calls', () => {
    const called = transition(inStatus('arrived'), EVENTS.call, NOW);
    const recalled = called.ok ? transition(called.state, EVENTS.recall, NOW) : called;
    expect(recalled.ok && recalled.state.callCount).toBe(2);
  });

  it('a client transferred to desk 2 can only be called by desk 2', () => {
    const transferred = { ...inStatus('transferred'), deskId: 'desk-2' };
    expect(transition(transferred, EVENTS.call, NOW).ok).toBe(false);
    expect(transition(transferred, { kind: 'call', deskId: 'desk-2', clerkId: 'clerk-2' }, NOW).ok).toBe(true);
  });

  it('a parked client who left ends partial, with the outcome client left', () => {
    const result = transition(inStatus('parked'), { kind: 'complete', deskId: 'desk-1', outcome: 'client-left', reason: null }, NOW);
    expect(result.ok && [result.state.status, result.state.outcome]).toEqual(['partial', 'client-left']);
  });

  it('any outcome but completed makes the appointment partial', () => {
    const result = transition(inStatus('in-service'), { kind: 'complete', deskId: 'desk-1', outcome: 'not-in-ind-system', reason: null }, NOW);
    expect(result.ok && result.state.status).toBe('partial');
  });

  it('a finished BIO service sends the client on to BRP once, and not before it ended', () => {
    const next: LifecycleEvent = { kind: 'transfer', deskId: 'desk-1', toService: 'BRP', toDeskId: null, toAppointmentId: 'a-omar-brp' };
    expect(transition(inStatus('in-service'), next, NOW).ok).toBe(false);
    const sent = transition(inStatus('completed'), next, NOW);
    expect(sent.ok && [sent.state.status, sent.state.transferredTo]).toEqual(['completed', 'a-omar-brp']);
    if (sent.ok) expect(transition(sent.state, next, NOW).ok).toBe(false);
  });

  it('a late arrival after a no-show reopens the appointment', () => {
    const result = transition({ ...inStatus('no-show'), finishedAt: NOW }, { kind: 'check-in' }, NOW);
    expect(result.ok && [result.state.status, result.state.outcome, result.state.finishedAt]).toEqual(['arrived', null, null]);
  });

  it('the reason for a refusal names what stands in the way', () => {
    const result = transition(inStatus('completed'), EVENTS.call, NOW);
    expect(!result.ok && result.error.message).toEqual({
      nl: 'Oproepen kan niet: deze dienst is al afgerond.',
      en: 'Cannot call: this service is already completed.',
    });
  });
});
