/**
 * Keeps the display's calls current: one Server-Sent Events stream (read with `fetch`, since
 * `EventSource` cannot send the display's credential) whose pokes make it read the calls again.
 * When the stream breaks or falls silent, the snapshot says so (`live: false`, the screen shows
 * that it is stale) and the feed reconnects by itself, backing off 1 s doubling to 5 s; the first
 * poke after reconnecting reads the calls, so the screen catches up without a reload.
 */
import { displayAuthorization, displayCallsSchema, type DisplayCalls } from '../../../shared/display/calls-api';
import type { DisplayCredential } from './display-credential';

/** What the screen shows. */
export interface DisplaySnapshot {
  readonly calls: DisplayCalls | null;
  /** When the calls were last read (the display's clock). */
  readonly updatedAt: string | null;
  /** The stream is open and the calls were read since it opened. */
  readonly live: boolean;
  /** The server no longer knows this display: it must be registered again. */
  readonly revoked: boolean;
}

/**
 * The feed as React's `useSyncExternalStore` wants it: the connection runs while anyone is
 * subscribed (the first subscriber starts it, the last one leaving stops it).
 */
export interface DisplayFeed {
  getSnapshot(): DisplaySnapshot;
  subscribe(listener: () => void): () => void;
}

// The server sends a comment line every 10 s: this much silence means the connection is gone.
const SILENCE_MS = 30_000;
const BACKOFF_FIRST_MS = 1_000;
const BACKOFF_MAX_MS = 5_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createDisplayFeed(credential: DisplayCredential): DisplayFeed {
  const authorization = displayAuthorization(credential);
  const listeners = new Set<() => void>();
  let snapshot: DisplaySnapshot = { calls: null, updatedAt: null, live: false, revoked: false };
  let stopped = true;
  let current: AbortController | null = null;
  let stopRun = () => {};
  const update = (change: Partial<DisplaySnapshot>) => {
    snapshot = { ...snapshot, ...change };
    for (const listener of listeners) listener();
  };

  let reading: Promise<void> | null = null;
  let readAgain = false;
  /** Reads the calls; pokes that arrive meanwhile make one more read, not one each. */
  const refresh = (): Promise<void> => {
    if (reading) {
      readAgain = true;
      return reading;
    }
    reading = (async () => {
      do {
        readAgain = false;
        const response = await fetch('/api/v1/display/calls', { headers: { authorization }, cache: 'no-store' });
        if (response.status === 401) throw new RevokedError();
        if (!response.ok) throw new Error(`calls answered ${response.status}`);
        const calls = displayCallsSchema.parse(await response.json());
        update({ calls, updatedAt: new Date().toISOString(), live: true });
      } while (readAgain && !stopped);
    })().finally(() => {
      reading = null;
    });
    return reading;
  };

  const listen = async (controller: AbortController) => {
    const response = await fetch('/api/v1/display/stream', { headers: { authorization }, signal: controller.signal, cache: 'no-store' });
    if (response.status === 401) throw new RevokedError();
    if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let silence = setTimeout(() => controller.abort(), SILENCE_MS);
    try {
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) return;
        clearTimeout(silence);
        silence = setTimeout(() => controller.abort(), SILENCE_MS);
        buffer += decoder.decode(chunk.value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.split('\n').includes('event: calls')) await refresh();
        }
      }
    } finally {
      clearTimeout(silence);
    }
  };

  const run = async (isStopped: () => boolean) => {
    let failures = 0;
    while (!isStopped()) {
      current = new AbortController();
      try {
        await listen(current);
        failures = 0;
      } catch (error) {
        if (error instanceof RevokedError) {
          update({ live: false, revoked: true });
          return;
        }
        failures += 1;
      }
      if (isStopped()) return;
      update({ live: false });
      const backoff = Math.min(BACKOFF_FIRST_MS * 2 ** Math.max(failures - 1, 0), BACKOFF_MAX_MS);
      await sleep(backoff * (0.8 + Math.random() * 0.4));
    }
  };

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      if (stopped) {
        // Each run has its own flag, so a run stopped and a new one started never share one.
        let runStopped = false;
        stopped = false;
        stopRun = () => {
          runStopped = true;
          current?.abort();
        };
        void run(() => runStopped);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && !stopped) {
          stopped = true;
          stopRun();
        }
      };
    },
  };
}

class RevokedError extends Error {}
