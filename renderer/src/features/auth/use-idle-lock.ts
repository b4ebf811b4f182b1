import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import type { DeskDatabase } from '../../db/desk-db';
import { readMeta } from '../../db/desk-meta';
import { DEFAULT_IDLE_LOCK_MINUTES, lockDesk } from './desk-lock';

/** What counts as the clerk being there: any key, click, touch, wheel or mouse movement. */
const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/** A lock that could not be stored (a storage error) is tried again this much later, not given up. */
const LOCK_RETRY_MS = 5_000;

/**
 * Locks the desk after the set minutes without input while `active` (a clerk is signed in and the
 * desk is not locked). Input only notes the time; one timer checks it, so a moving mouse costs
 * nothing.
 */
export function useIdleLock(db: DeskDatabase, active: boolean, target: Window = window): void {
  const minutes = useLiveQuery(async () => (await readMeta(db.meta, 'idleLockMinutes')) ?? DEFAULT_IDLE_LOCK_MINUTES, [db]) ?? DEFAULT_IDLE_LOCK_MINUTES;
  useEffect(() => {
    if (!active) return;
    const idleMs = minutes * 60_000;
    let lastInput = Date.now();
    let timer: ReturnType<typeof setTimeout>;
    const check = () => {
      const idle = Date.now() - lastInput;
      if (idle >= idleMs) {
        void lockDesk(db).catch(() => {
          timer = setTimeout(check, LOCK_RETRY_MS);
        });
      } else timer = setTimeout(check, idleMs - idle);
    };
    const noteInput = () => {
      lastInput = Date.now();
    };
    for (const name of INPUT_EVENTS) target.addEventListener(name, noteInput, { capture: true, passive: true });
    timer = setTimeout(check, idleMs);
    return () => {
      clearTimeout(timer);
      for (const name of INPUT_EVENTS) target.removeEventListener(name, noteInput, { capture: true });
    };
  }, [db, active, minutes, target]);
}
