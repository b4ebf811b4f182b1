import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../i18n/i18n';
import { SupervisorApp } from './supervisor-app';

// Served by the Balie server at /supervisor/: the API is on the same origin (the CSP allows only 'self').
const root = document.getElementById('root');
if (!root) throw new Error('supervisor.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <SupervisorApp serverUrl={window.location.origin} />
    </I18nProvider>
  </StrictMode>,
);
