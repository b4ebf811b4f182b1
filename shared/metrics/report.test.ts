import { describe, expect, it } from 'vitest';
import { callNext, checkIn, checkInBooking, markNoShow } from '../domain/commands-queue';
import { complete, recordStep, startService } from '../domain/commands-service';
import { closeDesk, endPause, openDesk, startPause } from '../domain/commands-desk';
import type { StepValue } from '../checklists/step-value';
import { testDay } from '../domain/test-support/day-fixtures';
import { Scenario } from '../domain/test-support/scenario';
import { liveStatus } from './live';
import { computeMetrics } from './report';
import { percentile, summarize } from './statistics';

/**
 * The hand-computed day at desk 1 (Amsterdam winter time, 3 March 2026):
 * 08:50 desk opens. 08:56 the Haddads (slot 09:00) check in; 09:01 called together (waits 60 s × 3),
 * 09:02 all start. Lina (5): steps 09:03:00, 09:03:30, 09:05:00, completed 09:05 (180 s).
 * Omar and Amira: missing document at 09:10 (480 s each). Jan (slot 09:15) checks in 09:05,
 * called 09:20 (300 s: within the 5-minute target), starts 09:21, four steps at 09:25, completed
 * 09:25 (240 s). Pause 09:30-09:45. Carlos (DOC, slot 09:30) checks in late at 09:40, called 09:50
 * (600 s), starts 09:51, not the holder 09:55 (240 s). Mei (VAA, slot 10:00) a no-show at 10:30.
 * Priya's three appointments stay expected. Desk closes 11:00.
 */
function handComputedDay(): Scenario {
  const day = new Scenario();
  const d = 'desk-1';
  const step = (time: string, appointmentId: string, stepId: string, value: StepValue) =>
    day.do(d, time, (state, context) => recordStep(state, { appointmentId, stepId, value }, context));
  day.do(d, '08:50:00', (state, context) => openDesk(state, context));
  day.do(d, '08:56:00', (state, context) => checkInBooking(state, { appointmentCode: 'HK7P2Q9', method: 'scan' }, context));
  day.do(d, '09:01:00', (state, context) => callNext(state, { services: ['BIO', 'DOC'] }, context));
  for (const id of ['a-amira-bio', 'a-omar-bio', 'a-lina-bio']) day.do(d, '09:02:00', (state, context) => startService(state, { appointmentId: id }, context));
  step('09:03:00', 'a-lina-bio', 'identity', { kind: 'confirmed' });
  step('09:03:30', 'a-lina-bio', 'previous-document', { kind: 'choice', optionIds: ['none'] });
  step('09:05:00', 'a-lina-bio', 'photo', { kind: 'choice', optionIds: ['taken'] });
  day.do(d, '09:05:00', (state, context) => complete(state, { appointmentId: 'a-lina-bio', outcome: 'completed', reason: null }, context));
  day.do(d, '09:05:00', (state, context) => checkIn(state, { appointmentIds: ['a-jan-bio'], method: 'scan' }, context));
  for (const id of ['a-omar-bio', 'a-amira-bio']) day.do(d, '09:10:00', (state, context) => complete(state, { appointmentId: id, outcome: 'missing-document', reason: null }, context));
  day.do(d, '09:20:00', (state, context) => callNext(state, { services: ['BIO', 'DOC'] }, context));
  day.do(d, '09:21:00', (state, context) => startService(state, { appointmentId: 'a-jan-bio' }, context));
  step('09:25:00', 'a-jan-bio', 'identity', { kind: 'confirmed' });
  step('09:25:00', 'a-jan-bio', 'previous-document', { kind: 'choice', optionIds: ['expired-document'] });
  step('09:25:00', 'a-jan-bio', 'photo', { kind: 'choice', optionIds: ['taken'] });
  step('09:25:00', 'a-jan-bio', 'signature', { kind: 'confirmed' });
  day.do(d, '09:25:00', (state, context) => complete(state, { appointmentId: 'a-jan-bio', outcome: 'completed', reason: null }, context));
  day.do(d, '09:30:00', (state, context) => startPause(state, { reason: 'break', note: null }, context));
  day.do(d, '09:40:00', (state, context) => checkIn(state, { appointmentIds: ['a-carlos-doc'], method: 'scan' }, context));
  day.do(d, '09:45:00', (state, context) => endPause(state, context));
  day.do(d, '09:50:00', (state, context) => callNext(state, { services: ['BIO', 'DOC'] }, context));
  day.do(d, '09:51:00', (state, context) => startService(state, { appointmentId: 'a-carlos-doc' }, context));
  day.do(d, '09:55:00', (state, context) => complete(state, { appointmentId: 'a-carlos-doc', outcome: 'not-the-holder', reason: null }, context));
  day.do(d, '10:30:00', (state, context) => markNoShow(state, { appointmentId: 'a-mei-vaa' }, context));
  day.do(d, '11:00:00', (state, context) => closeDesk(state, context));
  return day;
}

describe('the metrics of a hand-computed day', () => {
  const day = handComputedDay();
  const report = computeMetrics({ initial: testDay(), events: day.log, now: '2026-03-03T11:00:00+01:00' });

  it('waiting time runs from the later of check-in and slot to the call: 60, 60, 60, 300 and 600 seconds', () => {
    expect(report.overall.waitingTime).toEqual({ count: 5, mean: 216, median: 60, p90: 480, max: 600 });
  });

  it('four of five clients were called within five minutes', () => {
    expect(report.overall.serviceLevel).toEqual({ targetSeconds: 300, withinTarget: 4, calls: 5, share: 0.8 });
  });

  it('service time runs from the start of service to the outcome: 180, 480, 480, 240 and 240 seconds', () => {
    expect(report.overall.serviceTime).toEqual({ count: 5, mean: 324, median: 240, p90: 480, max: 480 });
    expect([report.overall.servicesFinished, report.overall.servicesCompleted, report.overall.personsServed]).toEqual([5, 2, 5]);
  });

  it('per service, BIO and DOC are apart', () => {
    expect(report.byService.BIO!.waitingTime).toEqual({ count: 4, mean: 120, median: 60, p90: 228, max: 300 });
    expect(report.byService.DOC!.serviceTime.median).toBe(240);
    expect(report.byService.VAA!.noShowRate).toBe(1);
    expect(report.byService.BRP!.noShowRate).toBe(0);
  });

  it('one no-show out of nine booked appointments, and one late arrival', () => {
    expect(report.overall.noShows).toBe(1);
    expect(report.overall.noShowRate).toBeCloseTo(1 / 9, 10);
    expect(report.overall.lateArrivals).toBe(1);
    expect(report.byDesk['desk-1']!.noShowRate).toBeNull();
  });

  it('per hour: everything was served in the 09 hour; the 10:00 slots had the no-show', () => {
    expect(Object.keys(report.byHour)).toEqual(['09:00', '10:00']);
    expect(report.byHour['09:00']!.servicesFinished).toBe(5);
    expect(report.byHour['10:00']!.noShowRate).toBeCloseTo(1 / 3, 10);
    expect(Object.keys(report.byDay)).toEqual(['2026-03-03']);
    expect(report.byClerk['clerk-desk-1']!.servicesFinished).toBe(5);
  });

  it('time per checklist step runs from the start of service or the previous step', () => {
    const identity = report.steps.find((step) => step.service === 'BIO' && step.stepId === 'identity')!;
    expect(identity.time).toEqual({ count: 2, mean: 150, median: 150, p90: 222, max: 240 });
    const photo = report.steps.find((step) => step.stepId === 'photo')!;
    expect([photo.time.count, photo.time.max]).toEqual([2, 90]);
  });

  it("a family member's step counts from when the clerk turned to her, not from the family's start of service", () => {
    const family = new Scenario();
    const d = 'desk-1';
    family.do(d, '08:50:00', (state, context) => openDesk(state, context));
    family.do(d, '08:56:00', (state, context) => checkInBooking(state, { appointmentCode: 'HK7P2Q9', method: 'scan' }, context));
    family.do(d, '09:01:00', (state, context) => callNext(state, { services: ['BIO'] }, context));
    for (const id of ['a-amira-bio', 'a-omar-bio']) family.do(d, '09:02:00', (state, context) => startService(state, { appointmentId: id }, context));
    family.do(d, '09:06:00', (state, context) => recordStep(state, { appointmentId: 'a-omar-bio', stepId: 'identity', value: { kind: 'confirmed' } }, context));
    // The desk says the clerk turned to Amira at 09:08 (Amsterdam), after Omar.
    family.do(d, '09:09:00', (state, context) =>
      recordStep(state, { appointmentId: 'a-amira-bio', stepId: 'identity', value: { kind: 'confirmed' }, startedAt: '2026-03-03T09:08:00+01:00' }, context),
    );
    const identity = computeMetrics({ initial: testDay(), events: family.log, now: '2026-03-03T12:00:00+01:00' }).steps.find((step) => step.stepId === 'identity')!;
    // Omar 4 minutes from the start of service; Amira 1 minute, not 7.
    expect([identity.time.count, identity.time.max, identity.time.median]).toEqual([2, 240, 150]);
  });

  it('a step start the desk dates after the step itself is not sent', () => {
    const family = new Scenario();
    const d = 'desk-1';
    family.do(d, '08:56:00', (state, context) => checkInBooking(state, { appointmentCode: 'HK7P2Q9', method: 'scan' }, context));
    family.do(d, '08:57:00', (state, context) => openDesk(state, context));
    family.do(d, '09:01:00', (state, context) => callNext(state, { services: ['BIO'] }, context));
    family.do(d, '09:02:00', (state, context) => startService(state, { appointmentId: 'a-omar-bio' }, context));
    const [event] = family.do(d, '09:06:00', (state, context) =>
      recordStep(state, { appointmentId: 'a-omar-bio', stepId: 'identity', value: { kind: 'confirmed' }, startedAt: '2026-03-03T10:00:00+01:00' }, context),
    );
    expect(event!.payload).not.toHaveProperty('startedAt');
  });

  it('five visits finished, two of them first time right; visit time from check-in to the end of the last service', () => {
    expect(report.visits).toMatchObject({ visits: 7, finished: 5, firstTimeRight: 2, firstTimeRightShare: 0.4 });
    expect(report.visits.visitTime).toEqual({ count: 5, mean: 864, median: 840, p90: 1080, max: 1200 });
  });

  it('desk 1 was open 130 minutes: 15 paused, 19 busy, 96 idle', () => {
    expect(report.deskTime['desk-1']).toEqual({ openSeconds: 7800, pauseSeconds: 900, busySeconds: 1140, idleSeconds: 5760, servicesPerOpenHour: 5 / (7800 / 3600) });
    expect(report.clerkTime['clerk-desk-1']).toEqual(report.deskTime['desk-1']);
  });

  it('at the end of the day nobody waits', () => {
    expect([report.live.queueLength, report.live.longestWaitSeconds]).toEqual([0, 0]);
    expect(report.live.desks['desk-1']).toBe('closed');
  });

  it('a report twice over the same log, with every event sent twice, gives the same figures', () => {
    const doubled = day.log.flatMap((event) => [event, event]);
    expect(computeMetrics({ initial: testDay(), events: doubled, now: '2026-03-03T11:00:00+01:00' })).toEqual(report);
  });
});

describe('the live view', () => {
  it('at 09:47 Carlos has waited seven minutes for DOC, beyond the target, while desk 1 is idle', () => {
    const day = handComputedDay();
    const upTo = day.log.findIndex((event) => event.type === 'called' && event.appointmentId === 'a-carlos-doc');
    const report = computeMetrics({ initial: testDay(), events: day.log.slice(0, upTo), now: '2026-03-03T09:47:00+01:00' });
    expect(report.live.byService.DOC).toEqual({ queueLength: 1, longestWaitSeconds: 420, waitingBeyondTarget: 1 });
    expect(report.live.desks['desk-1']).toBe('idle');
    expect(liveStatus(testDay(), '2026-03-03T09:47:00+01:00').queueLength).toBe(0);
  });
});

describe('statistics', () => {
  it('the median of an even count is the mean of the middle two, as in a spreadsheet', () => {
    expect(summarize([4, 1, 3, 2]).median).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBeCloseTo(91, 10);
  });
  it('an empty set gives nulls, not NaN', () => {
    expect(summarize([])).toEqual({ count: 0, mean: null, median: null, p90: null, max: null });
  });
});
