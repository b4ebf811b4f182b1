/**
 * The browser suite's harness page (built by e2e/harness/build-harness.ts): starts as the shipped
 * desk does (renderer/src/main.tsx), with the early read of the day, then loads harness-app.ts.
 */
import { amsterdamDateOf } from '../../../shared/domain/calendar-date';
import '../../src/app/app.css';
import { DESK_DATABASE_NAME } from '../../src/db/database-name';
import { startEarlyDayRead } from '../../src/db/early-day-read';
import { showStartFailure } from '../../src/start-failure';

startEarlyDayRead(indexedDB, DESK_DATABASE_NAME, amsterdamDateOf(new Date()));
import('./harness-app').catch(showStartFailure);
