import { useEffect, useState } from 'react';
import type { DeskBridge } from '../../../../shared/ipc/desk-bridge';
import type { DeskDatabase } from '../../db/desk-db';
import { loadDay, type DayLoadResult } from './load-day';

export type DayLoadState = { ok: 'loading' } | DayLoadResult;

// Until the sync engine pulls changes as they happen, the day is refreshed on a timer.
const RELOAD_INTERVAL_MS = 60_000;

/** Loads the day from the server now and then every minute; the screen reads Dexie, not this. */
export function useDayLoader(db: DeskDatabase, bridge: DeskBridge, date: string): DayLoadState {
  const [state, setState] = useState<DayLoadState>({ ok: 'loading' });
  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      const { serverUrl } = await bridge.getConfig();
      const result = await loadDay(db, serverUrl, date);
      if (!cancelled) setState(result);
    };
    void load();
    const timer = setInterval(() => void load(), RELOAD_INTERVAL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [db, bridge, date]);
  return state;
}
