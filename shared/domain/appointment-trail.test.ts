import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appointmentIdsChangedSince, withAppointmentsReplaced, type Appointments } from './appointment-trail';
import { checkInBooking } from './commands-queue';
import type { DayState } from './day-state';
import { testDay } from './test-support/day-fixtures';
import { Scenario } from './test-support/scenario';
import { nextTicket } from './tickets';

/** The same day without any trail or remembered answer: what a look at every row gives. */
const freshCopy = (state: DayState): DayState => ({ ...state, appointments: { ...state.appointments } });

describe("the appointments' trail", () => {
  it('names exactly the persons an action changed, across several actions', () => {
    const day = new Scenario();
    const before = day.state.appointments;
    day.do('desk-1', '08:50:00', (state, context) => checkInBooking(state, { appointmentCode: 'HK7P2Q9', method: 'scan' }, context));
    day.do('desk-1', '08:51:00', (state, context) => checkInBooking(state, { appointmentCode: 'JK4M8R2', method: 'manual' }, context));
    expect([...appointmentIdsChangedSince(day.state.appointments, before)!].sort()).toEqual(['a-amira-bio', 'a-jan-bio', 'a-lina-bio', 'a-omar-bio']);
    expect([...appointmentIdsChangedSince(day.state.appointments, day.state.appointments)!]).toEqual([]);
  });

  it('says it does not know for a day that was not made from the other (a day read from storage)', () => {
    const day = new Scenario();
    const stored = freshCopy(day.state).appointments;
    day.do('desk-1', '08:50:00', (state, context) => checkInBooking(state, { appointmentCode: 'HK7P2Q9', method: 'scan' }, context));
    expect(appointmentIdsChangedSince(day.state.appointments, stored)).toBeNull();
  });
});

describe('the next ticket along the trail (property test, 1,000 random days)', () => {
  const ids = Object.keys(testDay().appointments);
  const step = fc.record({
    appointment: fc.nat({ max: ids.length - 1 }),
    // A ticket given (A or B, a low number so that numbers repeat), or taken away (null).
    ticket: fc.option(fc.tuple(fc.constantFrom('A', 'B'), fc.integer({ min: 1, max: 12 })), { nil: null, freq: 4 }),
    ask: fc.constantFrom(null, 'desk-1', 'desk-2'),
  });

  it('is always what a look at every row gives, whatever was asked before', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let state = testDay();
        for (const { appointment, ticket, ask } of steps) {
          const id = ids[appointment]!;
          const changed = { ...state.appointments[id]!, ticket: ticket ? `${ticket[0]}-${String(ticket[1]).padStart(3, '0')}` : null };
          state = { ...state, appointments: withAppointmentsReplaced(state.appointments, [changed]) as Appointments };
          if (ask) expect(nextTicket(state, ask)).toBe(nextTicket(freshCopy(state), ask));
        }
        for (const desk of ['desk-1', 'desk-2']) expect(nextTicket(state, desk)).toBe(nextTicket(freshCopy(state), desk));
      }),
      { numRuns: 1000 },
    );
  });
});
