import type { DeskBridge } from '../../../shared/ipc/desk-bridge';
import { createWebBridge } from './web-bridge';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in a plain browser. */
    deskBridge?: DeskBridge;
  }
}

/** The Electron preload's bridge when it is there, otherwise the web bridge. */
export function pickBridge(): DeskBridge {
  return window.deskBridge ?? createWebBridge(window.location, window.localStorage, () => crypto.randomUUID(), window.sessionStorage);
}
