/**
 * The reducer: rebuilds a location's day from events, the same function on the desk and on the
 * server. Events are applied in log order (on the server: its sequence; on the desk: the pulled
 * log, then its own unsent events).
 *
 * Conflict rules (DESIGN.md principle 3: kept, flagged, never hidden):
 * 1. Idempotence: an event id already seen changes nothing and reports its original outcome.
 * 2. First in the log wins: an event the lifecycle refuses in the current state is kept as a
 *    conflict with the lifecycle's reason and changes nothing. So when two desks call the same
 *    person, the later call is a conflict, and so is every later step of that desk for the person,
 *    since the person is at the other desk.
 * 3. A booking is cancelled as a whole or not at all: once anyone of it was called, the cancel is
 *    a conflict and nobody's service is undone.
 * 4. Presence beats absence: a check-in after a no-show reopens the appointment (late arrival).
 * 5. A transfer to the next service changes both appointments or neither.
 * 6. Unknown appointments, bookings, persons or checklists make a conflict, never a guess; a
 *    walk-in whose appointment id exists already is a conflict.
 * 7. With checklist definitions given, steps and completions are re-checked against the version the
 *    event names (applicable to the person, value in format, required steps done).
 * 8. A conflict is resolved once (`conflictResolved`, made by the server for a supervisor): it
 *    changes no appointment; resolving an unknown or already resolved conflict is a conflict.
 */
import type { BalieEvent } from '../sync/events';
import type { DayState, EventConflict, SeenEvent } from './day-state';
import { draftOf, sealedDraft } from './appointment-trail';
import { effectOf, type ReducerOptions } from './event-effects';
import type { DomainError } from './messages';

/** What the reducer did with one event. */
export type ApplyOutcome =
  | { readonly kind: 'applied' }
  | { readonly kind: 'duplicate'; readonly original: SeenEvent }
  | { readonly kind: 'conflict'; readonly error: DomainError };

function conflictOf(event: BalieEvent, error: DomainError): EventConflict {
  return {
    eventId: event.id,
    type: event.type,
    appointmentId: event.appointmentId ?? null,
    deskId: event.deskId,
    clerkId: event.clerkId,
    occurredAt: event.occurredAt,
    error,
  };
}

/**
 * Applies one event to the day. An event whose id was seen before changes nothing (`duplicate`);
 * one that does not fit is recorded in `conflicts` and otherwise changes nothing (`conflict`).
 */
export function applyEvent(
  state: DayState,
  event: BalieEvent,
  options: ReducerOptions = {},
): { readonly state: DayState; readonly outcome: ApplyOutcome } {
  const seen = state.seenEvents[event.id];
  if (seen) return { state, outcome: { kind: 'duplicate', original: seen } };
  const result = effectOf(state, event, options);
  if (!result.ok) {
    return {
      state: { ...state, seenEvents: { ...state.seenEvents, [event.id]: 'conflict' }, conflicts: [...state.conflicts, conflictOf(event, result.error)] },
      outcome: { kind: 'conflict', error: result.error },
    };
  }
  return { state: { ...result.state, seenEvents: { ...result.state.seenEvents, [event.id]: 'applied' } }, outcome: { kind: 'applied' } };
}

/** Sees each new event with what the reducer did with it, and the day before and after it. */
export type ReplayObserver = (event: BalieEvent, outcome: ApplyOutcome, before: DayState, after: DayState) => void;

/**
 * Applies events in order; any batch split of the same events gives the same day, and a log
 * replayed on a day that has seen it returns that very day. Same result as folding
 * {@link applyEvent}, in linear time: the seen ids and conflicts are collected once. An observer
 * sees every event that was not a duplicate; in the states it is given, `appointments`, `persons`
 * and `desks` are current while `seenEvents` and `conflicts` are complete only in the result.
 */
export function reduceEvents(
  state: DayState,
  events: readonly BalieEvent[],
  options: ReducerOptions = {},
  observe?: ReplayObserver,
): DayState {
  const seenEvents: Record<string, SeenEvent> = { ...state.seenEvents };
  let conflicts = [...state.conflicts];
  // Unobserved, no state between two events is ever seen: the appointments are changed in a
  // private draft (appointment-trail.ts), not copied whole per event. An observer gets real states.
  const inPlace = !observe;
  let day = inPlace ? { ...state, appointments: draftOf(state.appointments) } : state;
  let changed = false;
  for (const event of events) {
    if (seenEvents[event.id]) continue;
    changed = true;
    const before = day;
    // Only a resolution reads the conflicts, which this loop collects apart from `day`.
    const resolving = event.type === 'conflictResolved';
    const result = effectOf(resolving ? { ...day, conflicts } : day, event, options);
    if (result.ok) {
      day = result.state;
      if (resolving) conflicts = [...result.state.conflicts];
      seenEvents[event.id] = 'applied';
      observe?.(event, { kind: 'applied' }, before, day);
    } else {
      seenEvents[event.id] = 'conflict';
      conflicts.push(conflictOf(event, result.error));
      observe?.(event, { kind: 'conflict', error: result.error }, before, day);
    }
  }
  if (!changed) return state;
  return { ...day, appointments: inPlace ? sealedDraft(day.appointments) : day.appointments, seenEvents, conflicts };
}
