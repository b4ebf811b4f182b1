/**
 * What a supervisor does to the day's log: resolve a recorded conflict with a note. The server makes
 * the event on the supervisor's behalf (desks never do); the effect is in conflict-resolution.ts.
 */
import { emit, type CommandContext, type CommandResult } from './command-support';
import type { DayState } from './day-state';

/**
 * A supervisor resolves the conflict of event `conflictEventId` with a note. The server runs it on
 * the conflict's day with its own device in the context (`serverDeviceId`) and the supervisor as
 * the clerk; it succeeds exactly when the reducer will apply the event.
 */
export function resolveConflict(state: DayState, input: { conflictEventId: string; note: string }, context: CommandContext): CommandResult {
  return emit(state, [{ type: 'conflictResolved', appointmentId: null, payload: { conflictEventId: input.conflictEventId, note: input.note } }], context);
}
