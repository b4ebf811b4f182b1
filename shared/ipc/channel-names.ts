/**
 * IPC channel names of the DeskBridge, kept apart from the schemas so the sandboxed preload can
 * import them without bundling zod. `desk-bridge.ts` ties each name to its schemas.
 */
export const DESK_CHANNEL_NAMES = {
  getConfig: 'balie:get-config',
} as const;

export type DeskChannelName = (typeof DESK_CHANNEL_NAMES)[keyof typeof DESK_CHANNEL_NAMES];
