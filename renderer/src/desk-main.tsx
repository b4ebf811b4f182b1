/** The desk app itself, loaded by the entry (main.tsx, start-desk.ts) beside its early read of the day. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { pickBridge } from './bridge/pick-bridge';
import { openDeskDatabase } from './db/desk-db';
import { I18nProvider } from './i18n/i18n';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <App db={openDeskDatabase()} bridge={pickBridge()} />
    </I18nProvider>
  </StrictMode>,
);
