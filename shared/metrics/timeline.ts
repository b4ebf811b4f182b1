/**
 * Replays the events through the same reducer as the desk and the server, and writes down what
 * supervisors measure: each wait (queue → called), each service episode (in service at a desk,
 * parked time left out), each checklist step, and the desk's open, pause and busy intervals.
 * Only events the reducer applied count: duplicates and conflicts never inflate a figure.
 */
import { reduceEvents } from '../domain/day-reducer';
import type { ReducerOptions } from '../domain/event-effects';
import type { AppointmentState } from '../domain/appointment-state';
import type { DayState } from '../domain/day-state';
import type { ServiceCode } from '../domain/codes';
import type { BalieEvent } from '../sync/events';
import type { Interval } from './intervals';

interface SampleBase {
  readonly appointmentId: string;
  readonly personId: string;
  readonly service: ServiceCode;
  readonly deskId: string;
  readonly clerkId: string;
  /** Epoch ms of the event that ended the measured stretch. */
  readonly at: number;
  readonly seconds: number;
}

/** A wait that ended with a call (not counting calls back from parking). */
export type WaitSample = SampleBase;
/** A service episode at a desk, ended by an outcome or a transfer. */
export type ServiceSample = SampleBase & { readonly ending: 'completed' | 'partial' | 'transferred' };
/** Time spent on one checklist step: since the previous step or the (re)start of service. */
export type StepSample = SampleBase & { readonly checklistId: string; readonly stepId: string };
/** An interval with the clerk it belongs to. */
export type ClerkInterval = Interval & { readonly clerkId: string };

/** The intervals of one desk. */
export interface DeskIntervals {
  readonly open: ClerkInterval[];
  readonly paused: ClerkInterval[];
  readonly busy: ClerkInterval[];
}

/** Everything measured in one replay. */
export interface Timeline {
  readonly finalState: DayState;
  readonly waits: WaitSample[];
  readonly services: ServiceSample[];
  readonly steps: StepSample[];
  readonly desks: Record<string, DeskIntervals>;
}

interface Episode {
  deskId: string;
  clerkId: string;
  activeSince: number | null;
  activeMs: number;
  lastMark: number;
}

const ms = (iso: string | null): number => (iso === null ? Number.NaN : Date.parse(iso));
const seconds = (from: number, to: number): number => (Number.isFinite(from) && Number.isFinite(to) ? Math.max(0, to - from) / 1000 : 0);

/** The running measurements of one replay. */
class Collector {
  readonly waits: WaitSample[] = [];
  readonly services: ServiceSample[] = [];
  readonly steps: StepSample[] = [];
  readonly desks: Record<string, DeskIntervals> = {};
  private readonly episodes = new Map<string, Episode>();
  private readonly busySince = new Map<string, { deskId: string; clerkId: string; since: number }>();
  private readonly openSince = new Map<string, { clerkId: string; since: number }>();
  private readonly pausedSince = new Map<string, { clerkId: string; since: number }>();

  desk(deskId: string): DeskIntervals {
    return (this.desks[deskId] ??= { open: [], paused: [], busy: [] });
  }

  endBusy(appointmentId: string, at: number): void {
    const busy = this.busySince.get(appointmentId);
    if (busy) this.desk(busy.deskId).busy.push({ start: busy.since, end: Math.max(busy.since, at), clerkId: busy.clerkId });
    this.busySince.delete(appointmentId);
  }

  endPause(deskId: string, at: number): void {
    const pause = this.pausedSince.get(deskId);
    if (pause) this.desk(deskId).paused.push({ start: pause.since, end: Math.max(pause.since, at), clerkId: pause.clerkId });
    this.pausedSince.delete(deskId);
  }

  endOpen(deskId: string, at: number): void {
    const open = this.openSince.get(deskId);
    if (open) this.desk(deskId).open.push({ start: open.since, end: Math.max(open.since, at), clerkId: open.clerkId });
    this.openSince.delete(deskId);
  }

  /** Closes whatever is still running at the end of the replay. */
  finish(at: number): void {
    for (const appointmentId of [...this.busySince.keys()]) this.endBusy(appointmentId, at);
    for (const deskId of [...this.pausedSince.keys()]) this.endPause(deskId, at);
    for (const deskId of [...this.openSince.keys()]) this.endOpen(deskId, at);
  }

  onDeskEvent(event: BalieEvent, at: number): void {
    this.desk(event.deskId);
    if (event.type === 'deskOpened') this.openSince.set(event.deskId, { clerkId: event.clerkId, since: at });
    if (event.type === 'pauseStarted') this.pausedSince.set(event.deskId, { clerkId: event.clerkId, since: at });
    if (event.type === 'pauseEnded' || event.type === 'deskClosed') this.endPause(event.deskId, at);
    if (event.type === 'deskClosed') this.endOpen(event.deskId, at);
  }

  private stopEpisode(appointmentId: string, at: number): Episode | undefined {
    const episode = this.episodes.get(appointmentId);
    if (episode?.activeSince != null) episode.activeMs += Math.max(0, at - episode.activeSince);
    if (episode) episode.activeSince = null;
    return episode;
  }

  onAppointmentEvent(event: BalieEvent, was: AppointmentState, now: AppointmentState, at: number): void {
    const id = now.id;
    const base = { appointmentId: id, personId: now.personId, service: now.service, deskId: event.deskId, clerkId: event.clerkId, at };
    switch (event.type) {
      case 'called':
        if (was.status !== 'parked') this.waits.push({ ...base, seconds: seconds(ms(was.waitingSince), at) });
        if (!this.busySince.has(id)) this.busySince.set(id, { deskId: event.deskId, clerkId: event.clerkId, since: at });
        return;
      case 'serviceStarted': {
        const episode = this.episodes.get(id) ?? { deskId: event.deskId, clerkId: event.clerkId, activeSince: null, activeMs: 0, lastMark: at };
        this.episodes.set(id, { ...episode, activeSince: at, lastMark: at });
        return;
      }
      case 'stepRecorded': {
        const episode = this.episodes.get(id);
        if (!episode) return;
        // From the later of the previous mark and when the clerk turned to this person for it.
        const start = Math.max(episode.lastMark, event.payload.startedAt ? ms(event.payload.startedAt) : Number.NEGATIVE_INFINITY);
        this.steps.push({ ...base, checklistId: event.payload.checklistId, stepId: event.payload.stepId, seconds: seconds(start, at) });
        episode.lastMark = Math.max(episode.lastMark, at);
        return;
      }
      case 'parked':
        this.stopEpisode(id, at);
        this.endBusy(id, at);
        return;
      case 'noShow':
        this.endBusy(id, at);
        return;
      case 'serviceCompleted':
      case 'transferred': {
        if (event.type === 'transferred' && event.payload.toService !== now.service) return;
        const episode = this.stopEpisode(id, at);
        this.episodes.delete(id);
        this.endBusy(id, at);
        const ending = event.type === 'transferred' ? 'transferred' : now.status === 'completed' ? 'completed' : 'partial';
        if (episode) this.services.push({ ...base, seconds: episode.activeMs / 1000, ending });
        return;
      }
      default:
        return;
    }
  }
}

/**
 * Replays `events` on `initial` up to `now` (ISO instant) and collects the samples. Pass the same
 * reducer options as the log's own reducer, so that exactly the same events count as applied.
 */
export function buildTimeline(initial: DayState, events: readonly BalieEvent[], now: string, options: ReducerOptions = {}): Timeline {
  const collector = new Collector();
  const state = reduceEvents(initial, events, options, (event, outcome, before, after) => {
    if (outcome.kind !== 'applied') return;
    const at = Date.parse(event.occurredAt);
    if (event.appointmentId == null) {
      if (event.type !== 'bookingCancelled') collector.onDeskEvent(event, at);
      return;
    }
    const was = before.appointments[event.appointmentId];
    const now = after.appointments[event.appointmentId];
    if (was && now) collector.onAppointmentEvent(event, was, now, at);
  });
  collector.finish(Date.parse(now));
  const { waits, services, steps, desks } = collector;
  return { finalState: state, waits, services, steps, desks };
}
