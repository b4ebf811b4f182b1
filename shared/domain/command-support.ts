/**
 * What every command shares: the explicit context (who, where, when, which ids), turning drafts
 * into complete events, and a dry run through the reducer, so a command succeeds exactly when the
 * reducer will apply its events: the desk and the server cannot disagree on the rules.
 */
import type { ChecklistDefinition } from '../checklists/definition-schema';
import { DEFAULT_CHECKLISTS } from '../checklists/default-checklists';
import { balieEventSchema, EVENT_VERSION, type BalieEvent } from '../sync/events';
import type { AppointmentState } from './appointment-state';
import { applyEvent } from './day-reducer';
import type { DayState } from './day-state';
import { domainError, fail, type Failure } from './messages';

/** Everything a command needs from outside; commands read no clock and no random source. */
export interface CommandContext {
  /** Now, by the desk's clock (ISO instant). */
  readonly now: string;
  readonly deviceId: string;
  readonly deskId: string;
  readonly clerkId: string;
  readonly locationId: string;
  /**
   * The device sequence number of the first event this command makes. The caller stores the
   * events and advances its counter by `events.length`, in the same transaction.
   */
  readonly nextDeviceSeq: number;
  /**
   * Makes a new unique id: a UUIDv7 (formatUuidV7) for events, any unique id for the appointment
   * and person a walk-in creates. May be called even when the command then fails.
   */
  readonly newId: () => string;
  /** Checklist definitions the desk has; defaults to the shipped ones. */
  readonly checklists?: readonly ChecklistDefinition[];
}

/** What a command returns: the events to store and send, and the day with them applied. */
export type CommandResult = { readonly ok: true; readonly events: BalieEvent[]; readonly state: DayState } | Failure;

/** An event before the envelope is filled in. */
export type EventDraft = Pick<BalieEvent, 'type' | 'payload'> & { readonly appointmentId: string | null; readonly personId?: string };

/** The definitions a command checks against. */
export function checklistsOf(context: CommandContext): readonly ChecklistDefinition[] {
  return context.checklists ?? Object.values(DEFAULT_CHECKLISTS);
}

/** The appointment, or a failure a clerk can read. */
export function findAppointment(state: DayState, appointmentId: string): { ok: true; appointment: AppointmentState } | Failure {
  const appointment = state.appointments[appointmentId];
  return appointment
    ? { ok: true, appointment }
    : fail(domainError('appointment-unknown', 'Deze afspraak is onbekend.', 'This appointment is unknown.'));
}

/** A draft for one appointment, with its person. */
export function appointmentDraft(appointment: AppointmentState, type: BalieEvent['type'], payload: unknown): EventDraft {
  return { type, appointmentId: appointment.id, personId: appointment.personId, payload } as EventDraft;
}

/**
 * Completes the drafts into events (ids, sequence numbers, who, where, when), validates them with
 * the protocol's schema, and applies them to `state` as the reducer will. The first refusal is the
 * command's answer.
 */
export function emit(state: DayState, drafts: readonly EventDraft[], context: CommandContext): CommandResult {
  const events: BalieEvent[] = [];
  let day = state;
  for (const [index, draft] of drafts.entries()) {
    const candidate = {
      id: context.newId(),
      deviceId: context.deviceId,
      deviceSeq: context.nextDeviceSeq + index,
      clerkId: context.clerkId,
      deskId: context.deskId,
      locationId: context.locationId,
      occurredAt: context.now,
      v: EVENT_VERSION,
      ...draft,
    };
    const parsed = balieEventSchema.safeParse(candidate);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      return fail(domainError('invalid-input', `Ongeldige invoer (${detail}).`, `Invalid input (${detail}).`));
    }
    const applied = applyEvent(day, parsed.data, { checklists: checklistsOf(context) });
    if (applied.outcome.kind === 'conflict') return fail(applied.outcome.error);
    if (applied.outcome.kind === 'duplicate') throw new Error(`newId() returned an id already used: ${candidate.id}`);
    day = applied.state;
    events.push(parsed.data);
  }
  return { ok: true, events, state: day };
}
