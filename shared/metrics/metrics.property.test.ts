import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionsArbitrary, playDay } from '../domain/test-support/random-day';
import { computeMetrics } from './report';

/** Every number in a report, with its path. */
function numbersIn(value: unknown, path = 'report'): Array<[string, number]> {
  if (typeof value === 'number') return [[path, value]];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => numbersIn(inner, `${path}.${key}`));
}

describe('metrics on random days (property tests, 1,000 runs each)', () => {
  it('never produce a negative, infinite or NaN figure, even with desk clocks going backwards', () => {
    fc.assert(
      fc.property(actionsArbitrary(), fc.integer({ min: -7200, max: 7200 }), (actions, offset) => {
        const day = playDay(actions);
        const now = new Date(Date.parse(day.end) + offset * 1000).toISOString();
        const report = computeMetrics({ initial: day.initial, events: day.events, now });
        for (const [path, number] of numbersIn(report)) {
          expect(Number.isFinite(number), path).toBe(true);
          expect(number, path).toBeGreaterThanOrEqual(0);
          if (path.endsWith('.share') || path.endsWith('Rate') || path.endsWith('Share')) expect(number, path).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('medians and 90th percentiles lie between zero and the maximum, and counts add up', () => {
    fc.assert(
      fc.property(actionsArbitrary(), (actions) => {
        const day = playDay(actions);
        const report = computeMetrics({ initial: day.initial, events: day.events, now: day.end });
        for (const stats of [report.overall.waitingTime, report.overall.serviceTime, report.visits.visitTime]) {
          if (stats.count === 0) continue;
          expect(stats.median!).toBeLessThanOrEqual(stats.p90! + 1e-9);
          expect(stats.p90!).toBeLessThanOrEqual(stats.max! + 1e-9);
        }
        const perDesk = Object.values(report.byDesk).reduce((sum, group) => sum + group.servicesFinished, 0);
        expect(perDesk).toBe(report.overall.servicesFinished);
        expect(report.overall.serviceLevel.withinTarget).toBeLessThanOrEqual(report.overall.serviceLevel.calls);
      }),
      { numRuns: 1000 },
    );
  });
});
