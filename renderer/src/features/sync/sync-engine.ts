/**
 * The desk's sync engine: one loop per desk (under the device's lock) that pushes the outbox and
 * then pulls the location's changes, again and again:
 * - at once when the outbox gets a new pending event, when the stream pokes, or when the browser
 *   comes back online;
 * - otherwise on a timer: every `pollMs` while the stream is down, every `idlePullMs` while it is up;
 * - after a failure of the network or the server, after an exponential backoff with jitter.
 * Push and pull take turns in one loop, so a pull never lands between a push's acknowledgement and
 * the server state it acknowledged. A 401 stops everything and asks for sign-in; the outbox and
 * the day stay as they are.
 */
import { liveQuery } from 'dexie';
import type { DeskDatabase } from '../../db/desk-db';
import { writeMeta } from '../../db/desk-meta';
import { createBackoff } from './backoff';
import { defaultLocks, type LockRequester } from './desk-lock';
import { readPokeStream } from './poke-stream';
import { pullChanges } from './pull-changes';
import { pushOutbox } from './push-outbox';
import type { SyncConnection } from './sync-api';
import type { SyncStatusStore } from './sync-status-store';

export interface SyncEngineOptions {
  readonly db: DeskDatabase;
  readonly serverUrl: string;
  /** The registered device's id (the events' `deviceId`); also names the lock. */
  readonly deviceId: string;
  /** The current session's token, or null when nobody is signed in. */
  readonly token: () => Promise<string | null>;
  /** The server refused the session: the loops have stopped; ask the clerk to sign in again. */
  readonly onUnauthenticated: () => void | Promise<void>;
  readonly status: SyncStatusStore;
  readonly locks?: LockRequester;
  readonly fetch?: typeof fetch;
  readonly random?: () => number;
  readonly now?: () => Date;
  readonly pollMs?: number;
  readonly idlePullMs?: number;
  readonly backoff?: { readonly baseMs?: number; readonly maxMs?: number };
}

export interface SyncEngine {
  /** Asks for the device's lock and runs the loop once it holds it. */
  start(): void;
  /** Stops the loop and the stream, and gives the lock up. */
  stop(): Promise<void>;
  /** Runs a push and pull now (e.g. the clerk pressed "sync"). */
  syncNow(): void;
  /** Whether this engine holds the lock and runs the loop (another window's engine may). */
  isActive(): boolean;
}

/** Waits `ms`, or less when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { db, status } = options;
  const now = options.now ?? (() => new Date());
  let controller: AbortController | null = null;
  let finished: Promise<void> | null = null;
  let active = false;
  let wakePending = false;
  let forcedWakePending = false;
  let backingOff = false;
  let wakeUp: (() => void) | null = null;

  /**
   * Runs a round now. A new outbox event (`forced` false) does not cut a backoff short: while the
   * server is down or failing, every clerk action would otherwise cost a request. The network
   * coming back, a stream poke and "sync now" do.
   */
  const wake = (forced = true) => {
    if (!forced && backingOff) return;
    wakePending = true;
    if (forced) forcedWakePending = true;
    wakeUp?.();
  };

  const sleep = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve) => {
      if (wakePending || signal.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      wakeUp = done;
      signal.addEventListener('abort', done);
    });

  async function cycle(connection: SyncConnection) {
    const pushed = await pushOutbox(db, connection, { deviceId: options.deviceId, now });
    if (!pushed.ok) return pushed;
    if (pushed.clockOffsetMs !== null) status.getState().setClockOffset(pushed.clockOffsetMs);
    const pulled = await pullChanges(db, connection, { now });
    if (!pulled.ok) return pulled;
    const at = now().toISOString();
    await writeMeta(db.meta, 'lastSyncAt', at);
    status.getState().succeeded(at);
    return pulled;
  }

  /** One round; an unexpected error (a bug, a full disk) is a failure to retry, never the end of the loop. */
  async function guardedCycle(signal: AbortSignal) {
    try {
      const token = await options.token();
      if (!token) return { ok: false, reason: 'unauthenticated', detail: 'no session' } as const;
      return await cycle({ serverUrl: options.serverUrl, token, fetch: options.fetch, signal });
    } catch (error) {
      return { ok: false, reason: 'refused', detail: error instanceof Error ? error.message : String(error) } as const;
    }
  }

  async function runStream(signal: AbortSignal): Promise<void> {
    const backoff = createBackoff({ ...options.backoff, random: options.random });
    while (!signal.aborted) {
      const token = await options.token();
      if (!token) return;
      const end = await readPokeStream({
        serverUrl: options.serverUrl,
        token,
        signal,
        fetch: options.fetch,
        onOpen: () => {
          status.getState().setStreaming(true);
          backoff.reset();
        },
        onPoke: () => wake(true),
      });
      status.getState().setStreaming(false);
      if (end.reason === 'unauthenticated') return wake(true);
      await pause(backoff.next(), signal);
    }
  }

  async function signInAgain(own: AbortController): Promise<void> {
    own.abort();
    status.getState().setNeedsSignIn(true);
    await options.onUnauthenticated();
  }

  async function runLoop(signal: AbortSignal, ownController: AbortController): Promise<void> {
    const backoff = createBackoff({ ...options.backoff, random: options.random });
    // Whether anything waits, not how much: counting a long offline outbox after every action costs more.
    const pending = liveQuery(() => db.outbox.where('state').equals('pending').limit(1).primaryKeys()).subscribe({
      next: (keys) => {
        if (keys.length > 0) wake(false);
      },
    });
    const onOnline = () => wake(true);
    globalThis.addEventListener?.('online', onOnline);
    const stream = runStream(signal);
    try {
      while (!signal.aborted) {
        wakePending = false;
        forcedWakePending = false;
        const outcome = await guardedCycle(signal);
        if (signal.aborted) break;
        if (!outcome.ok && outcome.reason === 'unauthenticated') {
          await signInAgain(ownController);
          break;
        }
        let delay = status.getState().streaming ? (options.idlePullMs ?? 60_000) : (options.pollMs ?? 10_000);
        backingOff = !outcome.ok;
        if (outcome.ok) backoff.reset();
        else {
          // Events made during the failed round wait for the backoff like the rest of the outbox.
          wakePending = forcedWakePending;
          delay = backoff.next();
          const retryAt = new Date(now().getTime() + delay).toISOString();
          status.getState().failed(`${outcome.reason}: ${outcome.detail}`, outcome.reason === 'offline' || outcome.reason === 'server-error', { attempts: backoff.attempts, retryAt });
        }
        await sleep(delay, signal);
      }
    } finally {
      pending.unsubscribe();
      globalThis.removeEventListener?.('online', onOnline);
      ownController.abort();
      await stream;
    }
  }

  return {
    start() {
      if (controller && !controller.signal.aborted) return;
      const own = new AbortController();
      controller = own;
      status.getState().setNeedsSignIn(false);
      const locks = options.locks ?? defaultLocks();
      finished = locks(
        `balie-sync:${options.deviceId}`,
        async () => {
          if (own.signal.aborted) return;
          active = true;
          try {
            await runLoop(own.signal, own);
          } finally {
            active = false;
          }
        },
        own.signal,
      ).catch(() => undefined);
    },
    async stop() {
      controller?.abort();
      wakeUp?.();
      await finished;
      controller = null;
      finished = null;
    },
    syncNow: () => wake(true),
    isActive: () => active,
  };
}
