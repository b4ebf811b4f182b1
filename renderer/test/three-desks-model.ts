/**
 * The property test's reference model and network: what three desks did (every event each one
 * made), what the server answered (its own order, from the push answers, also those the desk never
 * received), and the day that order must give when the shared reducer replays it. The network in
 * front of each desk can fail a request before it leaves, lose the answer after the server
 * committed, or deliver a push twice.
 */
import { addNote, complete, park, startService } from '../../shared/domain/commands-service';
import { callAppointment, checkIn, markNoShow, recall } from '../../shared/domain/commands-queue';
import type { AppointmentState } from '../../shared/domain/appointment-state';
import { applyEvent } from '../../shared/domain/day-reducer';
import type { DayState } from '../../shared/domain/day-state';
import type { BalieEvent } from '../../shared/sync/events';
import { pushResponseSchema } from '../../shared/sync/push-pull';
import type { DeskCommand } from '../src/db/perform-command';

export const ACTIONS = ['checkIn', 'call', 'startService', 'note', 'park', 'recall', 'noShow', 'finish'] as const;
export type ActionKind = (typeof ACTIONS)[number];

/**
 * What a clerk would do next with this person as the desk shows them (most steps of a schedule):
 * random actions alone would mostly be refused by the desk's own rules and reach no server.
 */
export function nextActionFor(status: AppointmentState['status'], variant: number): ActionKind {
  switch (status) {
    case 'expected':
      return variant % 5 === 0 ? 'noShow' : 'checkIn';
    case 'arrived':
    case 'parked':
    case 'transferred':
      return 'call';
    case 'called':
      return variant % 4 === 0 ? 'recall' : 'startService';
    case 'in-service':
      return (['note', 'finish', 'park', 'note'] as const)[variant % 4]!;
    default:
      return 'note';
  }
}
export const FAULTS = ['none', 'offline', 'lost-answer', 'twice'] as const;
export type Fault = (typeof FAULTS)[number];

export type Step =
  | { kind: 'act'; desk: number; action: ActionKind | 'next'; person: number; variant: number }
  | { kind: 'sync'; desk: number; push: Fault; pull: Exclude<Fault, 'twice'> }
  | { kind: 'restart'; desk: number };

export function commandFor(action: ActionKind, appointmentId: string, label: string): DeskCommand {
  switch (action) {
    case 'checkIn':
      return (state, context) => checkIn(state, { appointmentIds: [appointmentId], method: 'manual' }, context);
    case 'call':
      return (state, context) => callAppointment(state, { appointmentId }, context);
    case 'startService':
      return (state, context) => startService(state, { appointmentId }, context);
    case 'note':
      return (state, context) => addNote(state, { appointmentId, text: label }, context);
    case 'park':
      return (state, context) => park(state, { appointmentId, reason: label }, context);
    case 'recall':
      return (state, context) => recall(state, { appointmentId }, context);
    case 'noShow':
      return (state, context) => markNoShow(state, { appointmentId }, context);
    case 'finish':
      return (state, context) => complete(state, { appointmentId, outcome: 'partial', reason: label }, context);
  }
}

/** What the server answered for one event: its outcome and its place in the server's order. */
export interface ServerVerdict {
  status: 'accepted' | 'conflict' | 'rejected';
  serverSeq: bigint | null;
}

export class ReferenceModel {
  /** Every event the desks made, by id. */
  readonly made = new Map<string, BalieEvent>();
  /** The server's first answer for each event (later answers are duplicates of it). */
  readonly verdicts = new Map<string, ServerVerdict>();
  /** Pushes the server received (each delivery counts). */
  deliveries = 0;

  recordMade(events: readonly BalieEvent[]): void {
    for (const event of events) this.made.set(event.id, event);
  }

  recordAnswer(body: unknown): void {
    const answer = pushResponseSchema.safeParse(body);
    if (!answer.success) return;
    for (const result of answer.data.results) {
      if (!result.id || this.verdicts.has(result.id)) continue;
      if (result.status === 'accepted' || result.status === 'conflict') this.verdicts.set(result.id, { status: result.status, serverSeq: BigInt(result.serverSeq) });
      if (result.status === 'rejected') this.verdicts.set(result.id, { status: 'rejected', serverSeq: null });
    }
  }

  /**
   * The day the server must hold: the run's starting day with the stored events replayed in the
   * server's order by the shared reducer, and which events that replay finds in conflict.
   */
  expectedDay(start: DayState, eventIds: readonly string[]): { day: DayState; conflicts: Set<string>; unanswered: string[] } {
    const unanswered = eventIds.filter((id) => this.verdicts.get(id)?.serverSeq == null);
    const ordered = eventIds
      .flatMap((id) => {
        const verdict = this.verdicts.get(id);
        return verdict?.serverSeq != null ? [{ event: this.made.get(id)!, seq: verdict.serverSeq }] : [];
      })
      .sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));
    let day = start;
    const conflicts = new Set<string>();
    for (const { event } of ordered) {
      const applied = applyEvent(day, event);
      if (applied.outcome.kind === 'conflict') conflicts.add(event.id);
      day = applied.state;
    }
    return { day, conflicts, unanswered };
  }
}

/**
 * A fetch for one request with a fault: `offline` fails before anything leaves; `lost-answer`
 * delivers and lets the server commit, then fails as a dropped connection; `twice` delivers the
 * same request twice (a retrying proxy) and answers with the second. Push answers go to the model.
 */
export function faultyFetch(fault: Fault, model: ReferenceModel): typeof fetch {
  return async (input, init) => {
    if (fault === 'offline') throw new TypeError('Failed to fetch');
    const isPush = String(input).endsWith('/sync/push');
    const deliver = async () => {
      const response = await fetch(input, init);
      if (isPush) {
        model.deliveries++;
        model.recordAnswer(await response.clone().json().catch(() => null));
      }
      return response;
    };
    let response = await deliver();
    if (fault === 'twice') response = await deliver();
    if (fault === 'lost-answer') {
      await response.arrayBuffer();
      throw new TypeError('network error: the connection was reset');
    }
    return response;
  };
}

/** The appointments of a day, for comparing (the reducer's bookkeeping left out). */
export function appointmentsOf(day: DayState): AppointmentState[] {
  return Object.values(day.appointments).sort((a, b) => a.id.localeCompare(b.id));
}
