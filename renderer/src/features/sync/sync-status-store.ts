/**
 * What the sync engine says about itself, for the status line: short-lived UI state only. The
 * counts of waiting events and conflicts are rows, so the hook reads them from IndexedDB.
 */
import { createStore } from 'zustand/vanilla';

/** A clock difference beyond this is shown: events would carry a wrong time. */
export const CLOCK_SKEW_WARNING_MS = 5 * 60_000;

export interface SyncStatus {
  /** `unknown` until the first attempt; `online` after a successful push and pull. */
  connection: 'unknown' | 'online' | 'offline';
  /** The stream of pokes is open: changes arrive at once rather than by polling. */
  streaming: boolean;
  /** When push and pull last both succeeded (ISO). */
  lastSyncAt: string | null;
  /** Failures in a row and when the next attempt is due, while backing off. */
  backoff: { attempts: number; retryAt: string } | null;
  /** Desk clock minus server clock (ms), from the last push answer. */
  clockOffsetMs: number | null;
  /** The server refused the session: the loops stopped until the clerk signs in again. */
  needsSignIn: boolean;
  /** The last problem, for the detail line (not for logic). */
  lastProblem: string | null;
}

export interface SyncStatusActions {
  succeeded(at: string): void;
  failed(problem: string, offline: boolean, backoff: SyncStatus['backoff']): void;
  setStreaming(streaming: boolean): void;
  setClockOffset(offsetMs: number): void;
  setNeedsSignIn(needsSignIn: boolean): void;
  reset(): void;
}

const initial: SyncStatus = {
  connection: 'unknown',
  streaming: false,
  lastSyncAt: null,
  backoff: null,
  clockOffsetMs: null,
  needsSignIn: false,
  lastProblem: null,
};

export function createSyncStatusStore() {
  return createStore<SyncStatus & SyncStatusActions>()((set) => ({
    ...initial,
    succeeded: (at) => set({ connection: 'online', lastSyncAt: at, backoff: null, lastProblem: null }),
    failed: (problem, offline, backoff) => set((state) => ({ connection: offline ? 'offline' : state.connection, lastProblem: problem, backoff })),
    setStreaming: (streaming) => set({ streaming }),
    setClockOffset: (clockOffsetMs) => set({ clockOffsetMs }),
    setNeedsSignIn: (needsSignIn) => set({ needsSignIn }),
    reset: () => set(initial),
  }));
}

export type SyncStatusStore = ReturnType<typeof createSyncStatusStore>;

/** Whether the desk's clock is far enough off to warn the clerk. */
export function clockSkewed(status: Pick<SyncStatus, 'clockOffsetMs'>): boolean {
  return status.clockOffsetMs !== null && Math.abs(status.clockOffsetMs) > CLOCK_SKEW_WARNING_MS;
}
