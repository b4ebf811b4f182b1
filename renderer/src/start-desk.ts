/**
 * How a desk page starts (the shipped entry, main.tsx, and the browser suite's harness page): ask
 * IndexedDB for today's shown rows first, then load the app, whose code runs while the database
 * reads (db/early-day-read.ts says why). Kept small on purpose: everything imported here runs before
 * the read is asked for. An app that cannot be loaded is said so in both languages instead of
 * leaving the window blank.
 */
import { amsterdamDateOf } from '../../shared/domain/calendar-date';
import { DESK_DATABASE_NAME } from './db/database-name';
import { startEarlyDayRead } from './db/early-day-read';

export function startDesk(loadApp: () => Promise<unknown>): void {
  startEarlyDayRead(indexedDB, DESK_DATABASE_NAME, amsterdamDateOf(new Date()));
  loadApp().catch(showStartFailure);
}

/** The app's code could not be loaded: plain DOM, as nothing else of the app is there. */
export function showStartFailure(error: unknown): void {
  const root = document.getElementById('root');
  if (!root) return;
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = `Balie kon niet starten; laad het venster opnieuw (Ctrl+R). Balie could not start; reload the window (Ctrl+R). (${error instanceof Error ? error.message : String(error)})`;
  root.replaceChildren(message);
}
