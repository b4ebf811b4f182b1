/**
 * IPC channel names of the DeskBridge, kept apart from the schemas so the sandboxed preload can
 * import them without bundling zod. `desk-bridge.ts` ties each name to its schemas.
 */
export const DESK_CHANNEL_NAMES = {
  getConfig: 'balie:get-config',
  chooseServerUrl: 'balie:choose-server-url',
  getRecoveryNotice: 'balie:get-recovery-notice',
  saveSession: 'balie:save-session',
  loadSession: 'balie:load-session',
  clearSession: 'balie:clear-session',
  saveDeviceSecret: 'balie:save-device-secret',
  loadDeviceSecret: 'balie:load-device-secret',
  printReceipt: 'balie:print-receipt',
  savePageAsPdf: 'balie:save-page-as-pdf',
} as const;

export type DeskChannelName = (typeof DESK_CHANNEL_NAMES)[keyof typeof DESK_CHANNEL_NAMES];
