/**
 * The desk's entry: asks IndexedDB for today's shown rows first, then loads the app, whose code runs
 * while the database reads (early-day-read.ts says why). Kept small on purpose: everything imported
 * here runs before the read is asked for.
 */
import { amsterdamDateOf } from '../../shared/domain/calendar-date';
// The stylesheet stays in the page's head, loaded with the page rather than after the app.
import './app/app.css';
import { DESK_DATABASE_NAME } from './db/database-name';
import { startEarlyDayRead } from './db/early-day-read';
import { showStartFailure } from './start-failure';

startEarlyDayRead(indexedDB, DESK_DATABASE_NAME, amsterdamDateOf(new Date()));
import('./desk-main').catch(showStartFailure);
