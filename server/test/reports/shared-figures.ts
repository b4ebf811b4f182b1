/**
 * The figures a server report and the shared `computeMetrics` both have, picked from each, so a
 * test compares them with `toEqual` (every group, every key: nothing extra on either side).
 */
import type { MetricsReport } from '../../../shared/metrics/report';
import type { Report } from '../../../shared/reports/report-api';

const pick = (figures: Pick<Report, 'overall' | 'byDesk' | 'byClerk' | 'byService' | 'byHour' | 'byDay' | 'steps' | 'visits' | 'deskTime' | 'clerkTime'>) => ({
  overall: figures.overall,
  byDesk: figures.byDesk,
  byClerk: figures.byClerk,
  byService: figures.byService,
  byHour: figures.byHour,
  byDay: figures.byDay,
  steps: figures.steps,
  visits: figures.visits,
  deskTime: figures.deskTime,
  clerkTime: figures.clerkTime,
});

/** What `computeMetrics` says, in the comparable shape. */
export function sharedFiguresOf(metrics: MetricsReport) {
  return pick(metrics as unknown as Report);
}

/** What the server's report says, in the comparable shape. */
export function reportFiguresOf(report: Report) {
  return pick(report);
}
