import { useEffect, useState } from 'react';
import type { DeskBridge } from '../../../../shared/ipc/desk-bridge';
import type { DeskDatabase } from '../../db/desk-db';
import { loadDay, type DayLoadResult } from './load-day';

export type DayLoadState = { ok: 'loading' } | DayLoadResult;

// Before a clerk signs in (no sync engine yet), the day is refreshed on a timer.
const RELOAD_INTERVAL_MS = 60_000;

/**
 * Loads the day from the server now and then every minute, while `enabled`: once a clerk is signed
 * in, the sync engine keeps the day current and this loader stays quiet (no second fetch of the
 * whole day). The screen reads Dexie, not this.
 */
export function useDayLoader(db: DeskDatabase, bridge: DeskBridge, date: string, enabled = true): DayLoadState {
  const [state, setState] = useState<DayLoadState>({ ok: 'loading' });
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    const load = async () => {
      const { serverUrl } = await bridge.getConfig();
      const result = await loadDay(db, serverUrl, date);
      if (!cancelled) setState(result);
    };
    // loadDay reports its failures; only an unreadable configuration throws, and the shell says so.
    const loadQuietly = () => void load().catch(() => undefined);
    loadQuietly();
    const timer = setInterval(loadQuietly, RELOAD_INTERVAL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [db, bridge, date, enabled]);
  return state;
}
