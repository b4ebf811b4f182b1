import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CLIENT_CHANNEL_NAME } from '../features/client-view/client-channel';
import { I18nProvider } from '../i18n/i18n';
import { ClientScreenApp } from './client-screen-app';
import './client-screen.css';

// Opened by the clerk's window (a second window on the same origin, or Electron's client window).
const root = document.getElementById('client-screen');
if (!root) throw new Error('client-screen.html has no #client-screen');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <ClientScreenApp openChannel={() => new BroadcastChannel(CLIENT_CHANNEL_NAME)} />
    </I18nProvider>
  </StrictMode>,
);
