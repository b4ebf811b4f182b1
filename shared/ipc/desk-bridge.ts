/**
 * The DeskBridge: the one boundary between the desk's renderer and whatever hosts it (the Electron
 * main process, or a plain browser). Each function is declared once here, with the zod schemas of
 * its arguments and its answer; the preload, the main-process handlers and the web implementation
 * all take their types from this table, so a function without schemas cannot compile.
 */
import { z } from 'zod';
import { DESK_CHANNEL_NAMES } from './channel-names';

/** What the desk needs to know about where it runs. */
export const deskConfigSchema = z.object({
  /** Base URL of the Balie server this desk syncs with, e.g. `http://127.0.0.1:4870`. */
  serverUrl: z.url({ protocol: /^https?$/ }),
  /** Stable id of this desk device (UUID), made on first start. */
  deviceId: z.uuid(),
  /** Which host runs the renderer. */
  host: z.enum(['electron', 'web']),
});
export type DeskConfig = z.infer<typeof deskConfigSchema>;

/** Every bridge function: its IPC channel, its argument tuple and its answer. */
export const deskBridgeContract = {
  getConfig: {
    channel: DESK_CHANNEL_NAMES.getConfig,
    args: z.tuple([]),
    result: deskConfigSchema,
  },
} as const;

type Contract = typeof deskBridgeContract;
export type DeskBridgeFunction = keyof Contract;

/** The bridge as the renderer sees it: every function is async and validated on both sides. */
export type DeskBridge = {
  [Name in DeskBridgeFunction]: (
    ...args: z.input<Contract[Name]['args']>
  ) => Promise<z.output<Contract[Name]['result']>>;
};

/** The implementation a host provides for each bridge function (arguments already validated). */
export type DeskBridgeHandlers = {
  [Name in DeskBridgeFunction]: (
    ...args: z.output<Contract[Name]['args']>
  ) => Promise<z.input<Contract[Name]['result']>> | z.input<Contract[Name]['result']>;
};
