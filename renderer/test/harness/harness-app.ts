/**
 * The browser suite's harness page, the app part (loaded by harness-page.ts, never part of the
 * shipped renderer): the real desk App on the web bridge, plus `window.balieHarness`.
 *
 * One difference from the shipped browser desk, on purpose: the session is kept in localStorage,
 * so it survives closing the browser, as the desktop app's session does in its secret store
 * (safeStorage). The suite's "browser closed and reopened" is a desk PC restarted mid-day.
 */
import { createElement, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../../src/app/app';
import { createWebBridge } from '../../src/bridge/web-bridge';
import { openDeskDatabase } from '../../src/db/desk-db';
import { I18nProvider } from '../../src/i18n/i18n';
import { createHarness, type BalieHarness } from './harness-api';

declare global {
  interface Window {
    balieHarness?: BalieHarness;
  }
}

const db = openDeskDatabase();
const bridge = createWebBridge(window.location, window.localStorage, () => crypto.randomUUID(), window.localStorage);
window.balieHarness = createHarness(db, bridge);

const root = document.getElementById('root');
if (!root) throw new Error('the harness page has no #root');
createRoot(root).render(
  createElement(StrictMode, null, createElement(I18nProvider, null, createElement(App, { db, bridge }))),
);
