// The whole preload: it exposes the DeskBridge's functions and nothing else, never ipcRenderer
// itself, so a compromised page can reach only the channels listed in shared/ipc. It imports the
// channel names alone (no zod): a sandboxed preload can load nothing but 'electron'. The main
// process validates every call; this side only forwards.
import { contextBridge, ipcRenderer } from 'electron';
import { DESK_CHANNEL_NAMES, type DeskChannelName } from '../../shared/ipc/channel-names';
import type { DesktopBridge } from '../../shared/ipc/desk-bridge';

/** The renderer finds the bridge at `window.deskBridge`. */
const DESK_BRIDGE_GLOBAL = 'deskBridge';

// Fails to compile when a bridge function has no channel name.
const channels: Record<keyof DesktopBridge, DeskChannelName> = DESK_CHANNEL_NAMES;

const deskBridge = Object.fromEntries(
  Object.entries(channels).map(([name, channel]) => [
    name,
    (...args: unknown[]) => ipcRenderer.invoke(channel, ...args),
  ]),
) as DesktopBridge;

contextBridge.exposeInMainWorld(DESK_BRIDGE_GLOBAL, deskBridge);
