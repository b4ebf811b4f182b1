/**
 * The channel between the clerk's window and the client screen (issue #9): a same-origin
 * BroadcastChannel. Both sides parse every message with these schemas and drop what does not fit:
 * the client screen is a window a member of the public touches, so nothing it sends is trusted.
 */
import { z } from 'zod';
import { isCalendarDate } from '../../../../shared/domain/calendar-date';
import { entityIdSchema, ratingCommentSchema, ratingScoreSchema } from '../../../../shared/sync/events';

/** The channel's name; the clerk's window and the client screen share an origin, so only they meet on it. */
export const CLIENT_CHANNEL_NAME = 'balie-client-screen';

const languageSchema = z.enum(['nl', 'en']);
const deskLabelSchema = z.string().trim().min(1).max(40);

/** What the client screen shows, as the clerk's window decides it. */
export const clientViewSchema = z.discriminatedUnion('kind', [
  /** Nobody at the desk: the service point's information. */
  z.object({ kind: z.literal('idle') }),
  /** A client was called to this desk. */
  z.object({ kind: z.literal('welcome'), desk: deskLabelSchema, ticket: z.string().max(16).nullable() }),
  /** During the DOC step: the card's name and date of birth, for the client to check. */
  z.object({ kind: z.literal('confirm'), name: z.string().trim().min(1).max(200), dateOfBirth: z.string().refine(isCalendarDate) }),
  /** At the end: the client may rate this appointment's service. */
  z.object({ kind: z.literal('rating'), appointmentId: entityIdSchema, desk: deskLabelSchema }),
  /** The rating was stored. */
  z.object({ kind: z.literal('thanks') }),
]);
export type ClientView = z.infer<typeof clientViewSchema>;
export type ClientLanguage = z.infer<typeof languageSchema>;

/** Messages from the clerk's window to the client screen. */
export const deskMessageSchema = z.discriminatedUnion('type', [z.object({ type: z.literal('view'), view: clientViewSchema })]);
export type DeskMessage = z.infer<typeof deskMessageSchema>;

/** Messages from the client screen to the clerk's window. */
export const clientMessageSchema = z.discriminatedUnion('type', [
  /** The screen opened (or reloaded): it asks what to show, and tells its language. */
  z.object({ type: z.literal('hello'), language: languageSchema }),
  /** The client switched the language (the clerk's mirror follows). */
  z.object({ type: z.literal('language'), language: languageSchema }),
  /** The client's rating of the appointment the screen offered. */
  z.object({ type: z.literal('rating'), appointmentId: entityIdSchema, score: ratingScoreSchema, comment: ratingCommentSchema.nullable() }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

/** The part of a BroadcastChannel the two sides use (a test may pass its own). */
export interface ClientChannel {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

/** Listens for messages that fit `schema`; anything else is dropped. Returns the unsubscribe. */
export function listen<Message>(channel: ClientChannel, schema: z.ZodType<Message>, onMessage: (message: Message) => void): () => void {
  const listener = (event: MessageEvent) => {
    const parsed = schema.safeParse(event.data);
    if (parsed.success) onMessage(parsed.data);
  };
  channel.addEventListener('message', listener);
  return () => channel.removeEventListener('message', listener);
}
