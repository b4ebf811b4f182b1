import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DisplayApp } from './display-app';
import './display.css';

// The server serves this page at /display/<location>; ?lang=nl or ?lang=en fixes the language.
const locationId = /^\/display\/([A-Z]{3})\/?$/.exec(window.location.pathname)?.[1] ?? '';
const lang = new URLSearchParams(window.location.search).get('lang');
const root = document.getElementById('display');
if (!root) throw new Error('display.html has no #display');
createRoot(root).render(
  <StrictMode>
    <DisplayApp locationId={locationId} fixedLanguage={lang === 'nl' || lang === 'en' ? lang : null} storage={window.localStorage} />
  </StrictMode>,
);
