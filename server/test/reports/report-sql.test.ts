/**
 * The report's SQL against the shared metrics: the hand-computed day of shared/metrics/report.test.ts
 * gives the same hand-checked figures from the server's tables, and random days (clock skew,
 * conflicts, transfers, parking, walk-ins, pauses) give exactly what `computeMetrics` gives.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StepValue } from '../../../shared/checklists/step-value';
import { closeDesk, endPause, openDesk, startPause } from '../../../shared/domain/commands-desk';
import { callAppointment, callNext, checkIn, checkInBooking, markNoShow } from '../../../shared/domain/commands-queue';
import { complete, recordStep, startService } from '../../../shared/domain/commands-service';
import { computeMetrics } from '../../../shared/metrics/report';
import { computeReport } from '../../src/reports/report-query';
import type { RunningServer } from '../../src/server';
import { actionsArbitrary, DayPlayer, playRandomDay, testDay, TEST_DAY as DAY, TEST_LOCATION as LOCATION } from './day-player';
import { clearLocation, storeLog } from './stored-log';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../support/test-databases';
import { startTestServer } from '../support/test-server';
import { reportFiguresOf, sharedFiguresOf } from './shared-figures';

/** The hand-computed day of shared/metrics/report.test.ts, at desk 1 on 3 March 2026. */
function handComputedDay(): DayPlayer {
  const day = new DayPlayer(testDay());
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

describe.each(databaseKindsUnderTest())('the report SQL on %s', (kind) => {
  let database: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer(database);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  describe('the hand-computed day', () => {
    const day = handComputedDay();
    const now = '2026-03-03T11:00:00+01:00';
    let report: Awaited<ReturnType<typeof computeReport>>;

    beforeAll(async () => {
      await clearLocation(server.db, LOCATION);
      await storeLog(server.db, LOCATION, testDay(), day.log);
      report = await computeReport(server.db, { locationIds: [LOCATION], from: DAY, to: DAY, now: new Date(now).toISOString() });
    });

    it('waits of 60, 60, 60, 300 and 600 seconds: four of five called within five minutes', () => {
      expect(report.overall.waitingTime).toEqual({ count: 5, mean: 216, median: 60, p90: 480, max: 600 });
      expect(report.overall.serviceLevel).toEqual({ targetSeconds: 300, withinTarget: 4, calls: 5, share: 0.8 });
      const buckets = report.waitingTimeDistribution.filter((bucket) => bucket.count > 0);
      expect(buckets).toEqual([{ fromMinute: 1, toMinute: 2, count: 3 }, { fromMinute: 5, toMinute: 6, count: 1 }, { fromMinute: 10, toMinute: 11, count: 1 }]);
      expect(report.waitingTimeDistribution.at(-1)).toEqual({ fromMinute: 30, toMinute: null, count: 0 });
    });

    it('services of 180, 480, 480, 240 and 240 seconds; five finished, two completed', () => {
      expect(report.overall.serviceTime).toEqual({ count: 5, mean: 324, median: 240, p90: 480, max: 480 });
      expect([report.overall.servicesFinished, report.overall.servicesCompleted, report.overall.personsServed]).toEqual([5, 2, 5]);
      expect(report.byService.BIO!.waitingTime).toEqual({ count: 4, mean: 120, median: 60, p90: 228, max: 300 });
    });

    it('one no-show of nine booked, one late arrival; none of that per desk', () => {
      expect([report.overall.noShows, report.overall.lateArrivals]).toEqual([1, 1]);
      expect(report.overall.noShowRate).toBeCloseTo(1 / 9, 10);
      expect(report.byService.VAA!.noShowRate).toBe(1);
      expect(report.byDesk['desk-1']!.noShowRate).toBeNull();
      expect(Object.keys(report.byHour)).toEqual(['09:00', '10:00']);
    });

    it('the identity step of BIO took 60 and 240 seconds; it is the slowest BIO step', () => {
      const identity = report.steps.find((step) => step.service === 'BIO' && step.stepId === 'identity')!;
      expect(identity.time).toEqual({ count: 2, mean: 150, median: 150, p90: 222, max: 240 });
      expect(report.slowestSteps.BIO!.stepId).toBe('identity');
    });

    it('five visits finished, two first time right', () => {
      expect(report.visits).toMatchObject({ visits: 7, finished: 5, firstTimeRight: 2, firstTimeRightShare: 0.4 });
      expect(report.visits.visitTime).toEqual({ count: 5, mean: 864, median: 840, p90: 1080, max: 1200 });
    });

    it('desk 1 was open 130 minutes: 15 paused, 19 busy, 96 idle; five services per 130 minutes', () => {
      expect(report.deskTime['desk-1']).toEqual({ openSeconds: 7800, pauseSeconds: 900, busySeconds: 1140, idleSeconds: 5760, servicesPerOpenHour: 5 / (7800 / 3600) });
      expect(report.clerkTime['clerk-desk-1']).toEqual(report.deskTime['desk-1']);
      expect(report.servicesPerDeskHour).toBe(5 / (7800 / 3600));
    });

    it('every figure equals computeMetrics over the same events', () => {
      expect(reportFiguresOf(report)).toEqual(sharedFiguresOf(computeMetrics({ initial: testDay(), events: day.log, now })));
    });
  });

  it('a desk clock a day behind: a call stamped the evening before still makes the clerk busy within the open period', async () => {
    const day = new DayPlayer(testDay());
    day.do('desk-1', '09:00:00', (state, context) => openDesk(state, context));
    day.do('desk-1', '09:01:00', (state, context) => checkIn(state, { appointmentIds: ['a-jan-bio'], method: 'scan' }, context));
    day.do('desk-1', '2026-03-02T23:59:00+01:00', (state, context) => callAppointment(state, { appointmentId: 'a-jan-bio' }, context));
    day.do('desk-1', '09:05:00', (state, context) => startService(state, { appointmentId: 'a-jan-bio' }, context));
    day.do('desk-1', '09:10:00', (state, context) => complete(state, { appointmentId: 'a-jan-bio', outcome: 'client-left', reason: null }, context));
    day.do('desk-1', '09:30:00', (state, context) => closeDesk(state, context));
    const now = '2026-03-03T12:00:00.000Z';
    await clearLocation(server.db, LOCATION);
    await storeLog(server.db, LOCATION, testDay(), day.log);
    const report = await computeReport(server.db, { locationIds: [LOCATION], from: DAY, to: DAY, now });
    expect(report.clerkTime['clerk-desk-1']).toMatchObject({ openSeconds: 1800, busySeconds: 600, idleSeconds: 1200 });
    expect(reportFiguresOf(report)).toEqual(sharedFiguresOf(computeMetrics({ initial: testDay(), events: day.log, now })));
  });

  it('random days give the figures of computeMetrics, to the last bit', async () => {
    await fc.assert(
      fc.asyncProperty(actionsArbitrary(60), async (actions) => {
        const { events, initial, end } = playRandomDay(actions);
        await clearLocation(server.db, LOCATION);
        await storeLog(server.db, LOCATION, initial, events);
        const report = await computeReport(server.db, { locationIds: [LOCATION], from: DAY, to: DAY, now: end });
        expect(reportFiguresOf(report)).toEqual(sharedFiguresOf(computeMetrics({ initial, events, now: end })));
      }),
      { numRuns: kind === 'pglite' ? 40 : 60 },
    );
  }, 120_000);
});
