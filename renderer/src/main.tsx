/** The desk's entry (start-desk.ts): the early read of the day, then the app beside it. */
// The stylesheet stays in the page's head, loaded with the page rather than after the app.
import './app/app.css';
import { startDesk } from './start-desk';

startDesk(() => import('./desk-main'));
