/**
 * Desk time per desk and per clerk: open, paused, busy (someone called or served) and idle (open,
 * not paused, nobody at the desk), with the throughput per open hour.
 */
import { measure, overlap } from './intervals';
import type { DeskIntervals, ServiceSample } from './timeline';

/** Time in seconds of one desk or one clerk. */
export interface DeskTime {
  readonly openSeconds: number;
  readonly pauseSeconds: number;
  readonly busySeconds: number;
  readonly idleSeconds: number;
  /** Services finished (completed or partial) per open hour; null before the desk was open. */
  readonly servicesPerOpenHour: number | null;
}

function timeOf(intervals: DeskIntervals, finished: number): DeskTime {
  const open = measure(intervals.open);
  const pause = overlap(intervals.open, intervals.paused);
  const busy = overlap(intervals.open, intervals.busy);
  const occupied = overlap(intervals.open, [...intervals.paused, ...intervals.busy]);
  return {
    openSeconds: open / 1000,
    pauseSeconds: pause / 1000,
    busySeconds: busy / 1000,
    idleSeconds: Math.max(0, open - occupied) / 1000,
    servicesPerOpenHour: open > 0 ? finished / (open / 3_600_000) : null,
  };
}

const isFinished = (sample: ServiceSample) => sample.ending !== 'transferred';

/** Desk time of every desk. Pauses and busy time count only while the desk was open. */
export function deskTimes(desks: Readonly<Record<string, DeskIntervals>>, services: readonly ServiceSample[]): Record<string, DeskTime> {
  return Object.fromEntries(
    Object.entries(desks).map(([deskId, intervals]) => [
      deskId,
      timeOf(intervals, services.filter((sample) => isFinished(sample) && sample.deskId === deskId).length),
    ]),
  );
}

/**
 * Desk time of every clerk: the periods a clerk had a desk open, with that desk's pauses and busy
 * time inside those periods.
 */
export function clerkTimes(desks: Readonly<Record<string, DeskIntervals>>, services: readonly ServiceSample[]): Record<string, DeskTime> {
  const perClerk: Record<string, DeskIntervals> = {};
  for (const intervals of Object.values(desks)) {
    for (const period of intervals.open) {
      const clerk = (perClerk[period.clerkId] ??= { open: [], paused: [], busy: [] });
      clerk.open.push(period);
      const within = <T extends { start: number; end: number }>(interval: T) => interval.end > period.start && interval.start < period.end;
      clerk.paused.push(...intervals.paused.filter(within).map((interval) => ({ ...interval, start: Math.max(interval.start, period.start), end: Math.min(interval.end, period.end) })));
      clerk.busy.push(...intervals.busy.filter(within).map((interval) => ({ ...interval, start: Math.max(interval.start, period.start), end: Math.min(interval.end, period.end) })));
    }
  }
  return Object.fromEntries(
    Object.entries(perClerk).map(([clerkId, intervals]) => [
      clerkId,
      timeOf(intervals, services.filter((sample) => isFinished(sample) && sample.clerkId === clerkId).length),
    ]),
  );
}
