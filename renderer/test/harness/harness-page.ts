/**
 * The browser suite's harness page (built by e2e/harness/build-harness.ts): starts as the shipped
 * desk does (renderer/src/main.tsx), then loads harness-app.ts.
 */
import '../../src/app/app.css';
import { startDesk } from '../../src/start-desk';

startDesk(() => import('./harness-app'));
