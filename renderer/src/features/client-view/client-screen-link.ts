/**
 * The clerk's side of the client screen: it decides what the screen shows, answers a screen that
 * (re)opens, and performs the client's rating as an event. A rating is accepted only for the
 * appointment the screen is offering right now, and only once: a second click, a replayed message
 * or a rating for another appointment does nothing (the shared rule refuses a second rating too).
 */
import type { Failure } from '../../../../shared/domain/messages';
import { clientMessageSchema, listen, type ClientChannel, type ClientLanguage, type ClientView, type DeskMessage } from './client-channel';

/** What the link tells the clerk's screen. */
export interface ClientScreenSnapshot {
  readonly view: ClientView;
  /** The language the client chose, once the screen said hello. */
  readonly clientLanguage: ClientLanguage | null;
  /** The last rating stored, or the reason the last one was refused. */
  readonly lastRating: { readonly appointmentId: string; readonly score: number } | Failure | null;
}

export type PerformRating = (rating: { appointmentId: string; score: number; comment: string | null }) => Promise<{ ok: true } | Failure>;

export interface ClientScreenLink {
  show(view: ClientView): void;
  snapshot(): ClientScreenSnapshot;
  subscribe(listener: () => void): () => void;
  close(): void;
}

export function createClientScreenLink(channel: ClientChannel, performRating: PerformRating): ClientScreenLink {
  let snapshot: ClientScreenSnapshot = { view: { kind: 'idle' }, clientLanguage: null, lastRating: null };
  const listeners = new Set<() => void>();
  let ratingInFlight = false;
  const update = (next: Partial<ClientScreenSnapshot>) => {
    snapshot = { ...snapshot, ...next };
    for (const listener of listeners) listener();
  };
  const post = (message: DeskMessage) => channel.postMessage(message);
  const show = (view: ClientView) => {
    update({ view });
    post({ type: 'view', view });
  };

  const unlisten = listen(channel, clientMessageSchema, (message) => {
    if (message.type === 'hello') {
      update({ clientLanguage: message.language });
      post({ type: 'view', view: snapshot.view });
      return;
    }
    if (message.type === 'language') return update({ clientLanguage: message.language });
    const offered = snapshot.view;
    if (offered.kind !== 'rating' || offered.appointmentId !== message.appointmentId || ratingInFlight) return;
    ratingInFlight = true;
    void performRating({ appointmentId: message.appointmentId, score: message.score, comment: message.comment })
      .then((result) => {
        // A refusal (already rated, a full disk) is the clerk's to read in the mirror; the client is thanked either way.
        update({ lastRating: result.ok ? { appointmentId: message.appointmentId, score: message.score } : result });
        show({ kind: 'thanks' });
      })
      .finally(() => {
        ratingInFlight = false;
      });
  });

  return {
    show,
    snapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      unlisten();
      channel.close();
    },
  };
}
