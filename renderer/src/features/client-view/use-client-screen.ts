/**
 * The clerk's window's hold on the client screen: one link over the BroadcastChannel for as long as
 * the desk is open, the client's ratings performed with `act` as the signed-in clerk (so they go
 * through the outbox, offline too), and a way to open the screen as a second browser window.
 */
import { useEffect, useRef, useState } from 'react';
import { giveRating } from '../../../../shared/domain/commands-rating';
import type { DeskDatabase } from '../../db/desk-db';
import { act, type DeskActor } from '../../db/desk-actor';
import { CLIENT_CHANNEL_NAME, type ClientChannel, type ClientView } from './client-channel';
import { clientViewOfDesk, type DeskRow } from './client-view-of-desk';
import { createClientScreenLink, type ClientScreenLink, type ClientScreenSnapshot, type PerformRating } from './client-screen-link';

export interface ClientScreenOptions {
  readonly db: DeskDatabase;
  readonly actor: DeskActor;
  /** The day the desk acts on. */
  readonly date: string;
  readonly openChannel?: () => ClientChannel;
  /**
   * The day's appointment rows, or only this desk's: when given, the screen follows the desk (client-view-of-desk.ts).
   * After a rating the thanks stay until the next client is called.
   */
  readonly rows?: readonly DeskRow[];
}

export interface ClientScreen {
  readonly snapshot: ClientScreenSnapshot;
  show(view: ClientView): void;
  /** Opens the client screen as a second window (browser desk); Electron opens its own window. */
  openWindow(): void;
}

/** Performs a rating as one event of `actor`, the same way every clerk action is performed. */
export function ratingPerformer(db: DeskDatabase, actor: DeskActor, date: string): PerformRating {
  return async (rating) => {
    const result = await act(db, actor, date, (state, context) => giveRating(state, rating, context));
    return result.ok ? { ok: true } : result;
  };
}

const openBroadcastChannel = () => new BroadcastChannel(CLIENT_CHANNEL_NAME);

export function useClientScreen({ db, actor, date, openChannel = openBroadcastChannel, rows }: ClientScreenOptions): ClientScreen {
  const link = useRef<ClientScreenLink | null>(null);
  const [snapshot, setSnapshot] = useState<ClientScreenSnapshot>(IDLE);
  // The link lives as long as the channel; a rating always goes to the current clerk and day.
  const perform = useRef(ratingPerformer(db, actor, date));
  useEffect(() => {
    perform.current = ratingPerformer(db, actor, date);
  }, [db, actor, date]);
  useEffect(() => {
    const created = createClientScreenLink(openChannel(), (rating) => perform.current(rating));
    link.current = created;
    const unsubscribe = created.subscribe(() => setSnapshot(created.snapshot()));
    return () => {
      unsubscribe();
      created.close();
      link.current = null;
    };
  }, [openChannel]);
  const followed = rows ? clientViewOfDesk(rows, actor.deskId) : null;
  const followedKey = followed ? JSON.stringify(followed) : null;
  useEffect(() => {
    const current = link.current;
    if (!current || followedKey === null) return;
    const parsed = JSON.parse(followedKey) as ClientView;
    // A rating this window performed is never asked again, even while a pulled row does not carry it yet.
    const last = current.snapshot().lastRating;
    const ratedHere = parsed.kind === 'rating' && last !== null && 'appointmentId' in last && last.appointmentId === parsed.appointmentId;
    const next: ClientView = ratedHere ? { kind: 'idle' } : parsed;
    if (next.kind === 'idle' && current.snapshot().view.kind === 'thanks') return;
    current.show(next);
  }, [followedKey]);
  return {
    snapshot,
    show: (view) => link.current?.show(view),
    openWindow: () => {
      window.open(new URL('client-screen.html', document.baseURI).href, 'balie-client-screen', 'popup,width=1280,height=800');
    },
  };
}

const IDLE: ClientScreenSnapshot = { view: { kind: 'idle' }, clientLanguage: null, lastRating: null };
