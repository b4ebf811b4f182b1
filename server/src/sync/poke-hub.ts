/**
 * Pokes for the live stream. Writers call `pg_notify` inside their transaction, so a poke leaves
 * only when the change is committed, and reaches every server process on the same database
 * (LISTEN/NOTIFY); each process passes it on to the desks of that location connected to it.
 * Bursts are coalesced: one poke per location per 25 ms is plenty for a desk to pull.
 */
import type { Database, Queryable } from '../db/database';

export const CHANGES_CHANNEL = 'balie_changes';
const COALESCE_MS = 25;

type Listener = () => void;

export interface PokeHub {
  subscribe(locationId: string, listener: Listener): () => void;
  stop(): Promise<void>;
}

/** Tells every process (after commit) that `locationId` has new changes. Call inside the transaction. */
export async function notifyChanges(tx: Queryable, locationId: string): Promise<void> {
  await tx.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, locationId]);
}

export async function startPokeHub(db: Database): Promise<PokeHub> {
  const listeners = new Map<string, Set<Listener>>();
  const pending = new Map<string, NodeJS.Timeout>();
  const deliver = (locationId: string) => {
    pending.delete(locationId);
    for (const listener of listeners.get(locationId) ?? []) listener();
  };
  const stopListening = await db.listen(CHANGES_CHANNEL, (locationId) => {
    if (!pending.has(locationId)) pending.set(locationId, setTimeout(deliver, COALESCE_MS, locationId));
  });
  return {
    subscribe(locationId, listener) {
      const set = listeners.get(locationId) ?? new Set();
      set.add(listener);
      listeners.set(locationId, set);
      return () => set.delete(listener);
    },
    async stop() {
      for (const timer of pending.values()) clearTimeout(timer);
      await stopListening();
    },
  };
}
