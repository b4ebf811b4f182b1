import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, SERVER_EVENT_TYPES } from '../sync/events';
import { APPOINTMENT_STATUSES } from './codes';
import { applyEvent, reduceEvents } from './day-reducer';
import { actionsArbitrary, playDay } from './test-support/random-day';

const RUNS = { numRuns: 1000 };

describe('replaying the event log (property tests, 1,000 random days each)', () => {
  it('the random days reach every event type a desk makes and every appointment status', () => {
    const types = new Set<string>();
    const statuses = new Set<string>();
    for (const actions of fc.sample(actionsArbitrary(), { numRuns: 1000, seed: 7 })) {
      const day = playDay(actions);
      for (const event of day.events) types.add(event.type);
      for (const appointment of Object.values(day.state.appointments)) statuses.add(appointment.status);
    }
    const deskTypes = EVENT_TYPES.filter((type) => !(SERVER_EVENT_TYPES as readonly string[]).includes(type));
    expect([...types].sort()).toEqual([...deskTypes].sort());
    expect([...statuses].sort()).toEqual([...APPOINTMENT_STATUSES].sort());
  });

  it("the desk's state after a random day equals a replay of its log from scratch, without conflicts", () => {
    fc.assert(
      fc.property(actionsArbitrary(), (actions) => {
        const day = playDay(actions);
        expect(reduceEvents(day.initial, day.events)).toEqual(day.state);
        expect(day.state.conflicts).toEqual([]);
      }),
      RUNS,
    );
  });

  it('any batch split of a valid log, with retried batches, gives the same state', () => {
    fc.assert(
      fc.property(actionsArbitrary(), fc.array(fc.nat(), { maxLength: 8 }), fc.array(fc.boolean(), { maxLength: 8 }), (actions, cuts, retries) => {
        const day = playDay(actions);
        const points = [...new Set(cuts.map((cut) => cut % (day.events.length + 1)))].sort((a, b) => a - b);
        const bounds = [0, ...points, day.events.length];
        let state = day.initial;
        for (let index = 0; index + 1 < bounds.length; index += 1) {
          const batch = day.events.slice(bounds[index], bounds[index + 1]);
          state = reduceEvents(state, batch);
          if (retries[index]) state = reduceEvents(state, batch);
        }
        expect(state).toEqual(day.state);
      }),
      RUNS,
    );
  });

  it('applying any event a second time changes nothing', () => {
    fc.assert(
      fc.property(actionsArbitrary(), fc.nat(), (actions, pick) => {
        const day = playDay(actions);
        if (day.events.length === 0) return;
        const upTo = pick % day.events.length;
        const before = reduceEvents(day.initial, day.events.slice(0, upTo + 1));
        const again = applyEvent(before, day.events[upTo]!);
        expect(again.state).toBe(before);
        expect(again.outcome.kind).toBe('duplicate');
        expect(reduceEvents(day.state, day.events)).toBe(day.state);
      }),
      RUNS,
    );
  });

  it('with events out of order and resent (conflicts included), the linear replay equals applying one event at a time', () => {
    fc.assert(
      fc.property(actionsArbitrary(), fc.func(fc.integer()), fc.array(fc.nat(), { maxLength: 5 }), (actions, rank, resend) => {
        const day = playDay(actions);
        const shuffled = [...day.events].sort((a, b) => rank(a.id) - rank(b.id));
        const log = [...shuffled, ...resend.flatMap((pick) => (shuffled.length ? [shuffled[pick % shuffled.length]!] : []))];
        let oneByOne = day.initial;
        for (const event of log) oneByOne = applyEvent(oneByOne, event).state;
        expect(reduceEvents(day.initial, log)).toEqual(oneByOne);
        const half = Math.floor(log.length / 2);
        expect(reduceEvents(reduceEvents(day.initial, log.slice(0, half)), log.slice(half))).toEqual(oneByOne);
      }),
      RUNS,
    );
  });
});
