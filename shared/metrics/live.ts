/**
 * The live view at an instant: queue length and longest current wait, overall and per service,
 * and what every desk is doing. Waiting persons are those checked in or transferred and not yet
 * called; the wait runs from the later of check-in and slot (or from the transfer).
 */
import { SERVICE_CODES, type DeskStatus, type ServiceCode } from '../domain/codes';
import { deskStatusOf } from '../domain/day-queries';
import type { DayState } from '../domain/day-state';

/** Queue figures at an instant. */
export interface QueueNow {
  readonly queueLength: number;
  /** Seconds; 0 when nobody waits, or when those waiting are early for their slot. */
  readonly longestWaitSeconds: number;
  /** Persons waiting longer than the target. */
  readonly waitingBeyondTarget: number;
}

/** The live view. */
export interface LiveStatus extends QueueNow {
  readonly at: string;
  readonly byService: Readonly<Record<ServiceCode, QueueNow>>;
  readonly desks: Readonly<Record<string, Exclude<DeskStatus, 'offline'>>>;
}

function queueNow(waits: readonly number[], targetSeconds: number): QueueNow {
  return {
    queueLength: waits.length,
    longestWaitSeconds: waits.reduce((longest, wait) => Math.max(longest, wait), 0),
    waitingBeyondTarget: waits.filter((wait) => wait > targetSeconds).length,
  };
}

/** The live view of `state` at `now` (ISO instant); the target defaults to 5 minutes. */
export function liveStatus(state: DayState, now: string, targetSeconds = 300): LiveStatus {
  const nowMs = Date.parse(now);
  const waiting = Object.values(state.appointments)
    .filter((appointment) => appointment.status === 'arrived' || appointment.status === 'transferred')
    .map((appointment) => {
      const since = Date.parse(appointment.waitingSince ?? '');
      return { service: appointment.service, seconds: Number.isFinite(since) ? Math.max(0, nowMs - since) / 1000 : 0 };
    });
  const byService = Object.fromEntries(
    SERVICE_CODES.map((service) => [service, queueNow(waiting.filter((wait) => wait.service === service).map((wait) => wait.seconds), targetSeconds)]),
  ) as Record<ServiceCode, QueueNow>;
  const desks = Object.fromEntries(Object.keys(state.desks).sort().map((deskId) => [deskId, deskStatusOf(state, deskId)]));
  return { at: now, ...queueNow(waiting.map((wait) => wait.seconds), targetSeconds), byService, desks };
}
