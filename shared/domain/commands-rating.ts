/**
 * The client's rating of the service at the desk (issue #9): given on the client screen, performed
 * by the clerk's desk as one event, so it is stored, synced and counted like any clerk action.
 * The rule (once per served appointment) lives in appointment-rating.ts, where the reducer checks
 * it too.
 */
import { appointmentDraft, emit, findAppointment, type CommandContext, type CommandResult } from './command-support';
import type { DayState } from './day-state';

/** What the client gave: a score 1-10 and an optional comment (blank means none). */
export interface RatingInput {
  readonly appointmentId: string;
  readonly score: number;
  readonly comment: string | null;
}

/** Records the client's rating of the appointment's service; refused when not served or already rated. */
export function giveRating(state: DayState, input: RatingInput, context: CommandContext): CommandResult {
  const found = findAppointment(state, input.appointmentId);
  if (!found.ok) return found;
  const comment = input.comment?.trim() || null;
  return emit(state, [appointmentDraft(found.appointment, 'ratingGiven', { score: input.score, comment })], context);
}
