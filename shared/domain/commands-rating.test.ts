import { describe, expect, it } from 'vitest';
import { applyEvent, reduceEvents } from './day-reducer';
import { testDay } from './test-support/day-fixtures';
import { Scenario } from './test-support/scenario';
import { callNext, checkIn, markNoShow } from './commands-queue';
import { complete, startService } from './commands-service';
import { giveRating } from './commands-rating';
import { eventWithoutPersonalData } from './field-fates';
import { appointmentStateSchema } from '../sync/change-data';
import { parseEvent } from '../sync/events';

/** Jan checks in, is called to desk-1 and sits down: his BIO service has started. */
function janInService(): Scenario {
  const day = new Scenario();
  day.do('desk-1', '09:10:00', (state, context) => checkIn(state, { appointmentIds: ['a-jan-bio'], method: 'scan' }, context));
  day.do('desk-1', '09:16:00', (state, context) => callNext(state, { services: ['BIO'] }, context));
  day.do('desk-1', '09:17:00', (state, context) => startService(state, { appointmentId: 'a-jan-bio' }, context));
  return day;
}

describe("the client's rating at the desk", () => {
  it('a client who was served rates the service 9 with a comment: one event names the appointment, desk, clerk and score', () => {
    const day = janInService();
    const [event] = day.do('desk-1', '09:30:00', (state, context) => giveRating(state, { appointmentId: 'a-jan-bio', score: 9, comment: '  Vriendelijk en snel ' }, context));
    expect(event).toMatchObject({ type: 'ratingGiven', appointmentId: 'a-jan-bio', personId: 'p-jan', deskId: 'desk-1', clerkId: 'clerk-desk-1', payload: { score: 9, comment: 'Vriendelijk en snel' } });
    expect(day.state.appointments['a-jan-bio']!.rating).toEqual({ score: 9, ratedAt: event!.occurredAt, deskId: 'desk-1' });
    // The rating moves no lifecycle: Jan is still being served.
    expect(day.state.appointments['a-jan-bio']!.status).toBe('in-service');
  });

  it('a desk that pulls the rated appointment keeps its rating, so the client is not asked twice', () => {
    const day = janInService();
    day.do('desk-1', '09:30:00', (state, context) => giveRating(state, { appointmentId: 'a-jan-bio', score: 8, comment: null }, context));
    const pulled = appointmentStateSchema.parse(JSON.parse(JSON.stringify(day.state.appointments['a-jan-bio'])));
    expect(pulled.rating).toMatchObject({ score: 8, deskId: 'desk-1' });
  });

  it('the rating can also be given after the service was completed, and a blank comment is stored as none', () => {
    const day = janInService();
    const refusal = day.refused('desk-1', '09:20:00', (state, context) => complete(state, { appointmentId: 'a-jan-bio', outcome: 'completed', reason: null }, context));
    expect(refusal.code).toBeTruthy();
    day.do('desk-1', '09:20:00', (state, context) => complete(state, { appointmentId: 'a-jan-bio', outcome: 'client-left', reason: 'had to go' }, context));
    const [event] = day.do('desk-1', '09:21:00', (state, context) => giveRating(state, { appointmentId: 'a-jan-bio', score: 7, comment: '   ' }, context));
    expect(event!.payload).toEqual({ score: 7, comment: null });
  });

  it('only whole scores from 1 to 10 are accepted; nothing is stored for 0, 11 or 7.5', () => {
    const day = janInService();
    for (const score of [0, 11, 7.5, -3]) {
      const error = day.refused('desk-1', '09:30:00', (state, context) => giveRating(state, { appointmentId: 'a-jan-bio', score, comment: null }, context));
      expect(error.code).toBe('invalid-input');
    }
    expect(day.state.appointments['a-jan-bio']!.rating).toBeUndefined();
    for (const score of [1, 10]) expect(parseEvent({ ...day.log[0]!, type: 'ratingGiven', id: day.log[0]!.id, payload: { score, comment: null } }).ok).toBe(true);
  });

  it('a comment longer than 300 characters is refused with a clear message, and nothing is stored', () => {
    const day = janInService();
    const error = day.refused('desk-1', '09:30:00', (state, context) => giveRating(state, { appointmentId: 'a-jan-bio', score: 8, comment: 'x'.repeat(301) }, context));
    expect(error.code).toBe('invalid-input');
    expect(error.message.en).toContain('comment');
    day.do('desk-1', '09:30:00', (state, context) => giveRating(state, { appointmentId: 'a-jan-bio', score: 8, comment: 'x'.repeat(300) }, context));
  });

  it('a double submit makes one event: the second rating of the same service is refused', () => {
    const day = janInService();
    day.do('desk-1', '09:30:00', (state, context) => giveRating(state, { appointmentId: 'a-jan-bio', score: 9, comment: null }, context));
    const error = day.refused('desk-1', '09:30:01', (state, context) => giveRating(state, { appointmentId: 'a-jan-bio', score: 3, comment: null }, context));
    expect(error.code).toBe('rating-given');
    expect(day.log.filter((event) => event.type === 'ratingGiven')).toHaveLength(1);
    expect(day.state.appointments['a-jan-bio']!.rating?.score).toBe(9);
  });

  it('is refused when there was no visit: an unknown appointment, a client still waiting, or a no-show', () => {
    const day = new Scenario();
    expect(day.refused('desk-1', '09:00:00', (state, context) => giveRating(state, { appointmentId: 'a-nobody', score: 8, comment: null }, context)).code).toBe('appointment-unknown');
    expect(day.refused('desk-1', '09:00:00', (state, context) => giveRating(state, { appointmentId: 'a-jan-bio', score: 8, comment: null }, context)).code).toBe('rating-without-service');
    day.do('desk-1', '09:10:00', (state, context) => checkIn(state, { appointmentIds: ['a-jan-bio'], method: 'scan' }, context));
    day.do('desk-1', '09:16:00', (state, context) => callNext(state, { services: ['BIO'] }, context));
    expect(day.refused('desk-1', '09:16:30', (state, context) => giveRating(state, { appointmentId: 'a-jan-bio', score: 8, comment: null }, context)).code).toBe('rating-without-service');
    day.do('desk-1', '09:20:00', (state, context) => markNoShow(state, { appointmentId: 'a-jan-bio' }, context));
    expect(day.refused('desk-1', '09:21:00', (state, context) => giveRating(state, { appointmentId: 'a-jan-bio', score: 8, comment: null }, context)).code).toBe('rating-without-service');
  });

  it('two desks rating the same service offline: the server keeps the first and records the second as a conflict', () => {
    const day = janInService();
    const first = day.do('desk-1', '09:30:00', (state, context) => giveRating(state, { appointmentId: 'a-jan-bio', score: 9, comment: null }, context));
    const racing = janInService().do('desk-2', '09:30:05', (state, context) => giveRating(state, { appointmentId: 'a-jan-bio', score: 2, comment: null }, context));
    const server = reduceEvents(testDay(), day.log);
    const second = applyEvent(server, racing[0]!);
    expect(second.outcome.kind).toBe('conflict');
    expect(first[0]!.type).toBe('ratingGiven');
    expect(second.state.appointments['a-jan-bio']!.rating?.score).toBe(9);
    expect(second.state.conflicts.map((conflict) => conflict.error.code)).toEqual(['rating-given']);
  });

  it("the client's comment is personal data: purged from the stored event with the day, the score is kept", () => {
    const day = janInService();
    const [event] = day.do('desk-1', '09:30:00', (state, context) => giveRating(state, { appointmentId: 'a-jan-bio', score: 10, comment: 'Mijn naam is Jan' }, context));
    expect(eventWithoutPersonalData(event!).payload).toEqual({ score: 10 });
  });
});
