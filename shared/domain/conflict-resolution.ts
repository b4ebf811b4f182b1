/**
 * A supervisor's resolution of a recorded conflict, as an event like any other (`conflictResolved`):
 * the reducer marks the conflict resolved with the note and changes nothing else, so the day stays
 * as the server decided it. A conflict is resolved once; resolving an unknown or an already
 * resolved conflict is itself refused, with a reason in Dutch and English. The command that makes
 * the event is in commands-supervision.ts.
 */
import type { EventOf } from '../sync/events';
import type { DayState } from './day-state';
import { domainError, fail, type Failure } from './messages';

/** The day with the conflict of `event.payload.conflictEventId` resolved, or why that cannot be. */
export function resolveConflictIn(state: DayState, event: EventOf<'conflictResolved'>): { readonly ok: true; readonly state: DayState } | Failure {
  const { conflictEventId, note } = event.payload;
  const index = state.conflicts.findIndex((conflict) => conflict.eventId === conflictEventId);
  const conflict = state.conflicts[index];
  if (!conflict) {
    return fail(domainError('conflict-unknown', 'Dit conflict is op deze dag niet bekend.', 'This conflict is not known on this day.'));
  }
  if (conflict.resolution) {
    return fail(
      domainError(
        'conflict-already-resolved',
        `Dit conflict is al opgelost, met de notitie: ${conflict.resolution.note}`,
        `This conflict was already resolved, with the note: ${conflict.resolution.note}`,
      ),
    );
  }
  const conflicts = [...state.conflicts];
  conflicts[index] = { ...conflict, resolution: { eventId: event.id, note, resolvedBy: event.clerkId, resolvedAt: event.occurredAt } };
  return { ok: true, state: { ...state, conflicts } };
}
