import { useEffect, useState } from 'react';
import type { LiveView } from '../../../../shared/reports/supervision-api';
import { readChangeStream } from './change-stream';
import { fetchLiveView, type ApiFailure, type SupervisorSession } from './supervisor-api';

/**
 * How the view stays current. `live`: the change stream is open and every change is fetched at
 * once. `polling`: the server does not offer this session a stream, so the view is fetched every
 * `pollMs`. `down`: neither stream nor server answers; the view shown is from `fetchedAt`.
 */
export type LiveConnection = 'connecting' | 'live' | 'polling' | 'down';

export interface LiveViewState {
  readonly view: LiveView | null;
  /** When the shown view was fetched (the client's clock), or null before the first. */
  readonly fetchedAt: number | null;
  readonly connection: LiveConnection;
  readonly failure: ApiFailure | null;
}

export interface LiveViewTiming {
  /** While polling: how often. */
  readonly pollMs?: number;
  /** While live: a fetch now and then all the same, as waits grow and quiet desks go offline without a change. */
  readonly refreshMs?: number;
  /** Longest pause between reconnection attempts. */
  readonly maxRetryMs?: number;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });

/** The live view of the session's location, kept current through the change stream. */
export function useLiveView(session: SupervisorSession, timing: LiveViewTiming = {}): LiveViewState {
  const [state, setState] = useState<LiveViewState>({ view: null, fetchedAt: null, connection: 'connecting', failure: null });
  const { serverUrl, token, locationId } = session;
  const { pollMs = 10_000, refreshMs = 30_000, maxRetryMs = 30_000 } = timing;

  useEffect(() => {
    const stop = new AbortController();
    const signal = stop.signal;
    const current: SupervisorSession = { serverUrl, token, locationId };
    let connection: LiveConnection = 'connecting';

    async function refresh(): Promise<boolean> {
      const answer = await fetchLiveView(current);
      if (signal.aborted) return false;
      if (answer.ok) setState({ view: answer.value, fetchedAt: Date.now(), connection, failure: null });
      else setState((before) => ({ ...before, connection: answer.error === 'offline' ? 'down' : connection, failure: answer }));
      return answer.ok;
    }
    const setConnection = (next: LiveConnection) => {
      connection = next;
      setState((before) => ({ ...before, connection: next }));
    };

    async function run(): Promise<void> {
      let retryMs = 1_000;
      const location = locationId ? `?location=${encodeURIComponent(locationId)}` : '';
      while (!signal.aborted) {
        const refresher = setInterval(() => void refresh(), refreshMs);
        const end = await readChangeStream({
          url: `${serverUrl}/api/v1/sync/stream${location}`,
          token,
          signal,
          onOpen: () => { retryMs = 1_000; setConnection('live'); void refresh(); },
          onChange: () => void refresh(),
        });
        clearInterval(refresher);
        if (signal.aborted) return;
        if (end === 'refused' || end === 'unauthenticated') {
          // The server refuses this session a stream (e.g. a server older than browser streams): poll instead.
          setConnection('polling');
          while (!signal.aborted) {
            await refresh();
            await sleep(pollMs, signal);
          }
          return;
        }
        setConnection('down');
        await sleep(retryMs, signal);
        retryMs = Math.min(maxRetryMs, retryMs * 2);
      }
    }
    void refresh();
    void run();
    return () => stop.abort();
  }, [serverUrl, token, locationId, pollMs, refreshMs, maxRetryMs]);
  return state;
}
