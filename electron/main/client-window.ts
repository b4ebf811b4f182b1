/**
 * The client screen's window (issue #9): the second monitor at the desk, facing the client. It
 * shows client-screen.html from the app protocol (same origin as the desk window, so the two talk
 * over a BroadcastChannel), with the desk window's security options and no preload at all: the
 * client screen needs no bridge, and a window a member of the public touches gets none.
 *
 * Which display: the setting `client-screen.json` in the user data folder (or BALIE_CLIENT_SCREEN,
 * "auto" | "off" | a display id). "auto" takes the first display that is not the primary; with
 * only one display there is no client window, unless `onPrimaryWhenAlone` asks for one (a test
 * desk, a demo on a laptop).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { z } from 'zod';
import { APP_HOST, APP_SCHEME } from './app-protocol';
import { deskWindowOptions } from './window-options';

export const CLIENT_SCREEN_FILE = 'client-screen.json';
export const CLIENT_SCREEN_URL = `${APP_SCHEME}://${APP_HOST}/client-screen.html`;

export const clientScreenSettingSchema = z.object({
  /** `auto`: the first display that is not the primary; `off`: no client window; a number: that display's id. */
  display: z.union([z.enum(['auto', 'off']), z.int().min(0)]).default('auto'),
  /** With only one display connected, open the client window on it anyway. */
  onPrimaryWhenAlone: z.boolean().default(false),
});
export type ClientScreenSetting = z.infer<typeof clientScreenSettingSchema>;

/** What the placement needs of Electron's `Display`. */
export interface DisplayLike {
  readonly id: number;
  readonly bounds: Rectangle;
}

/** The display the client window opens on, or null for no client window. */
export function chooseClientDisplay(displays: readonly DisplayLike[], primaryId: number, setting: ClientScreenSetting): DisplayLike | null {
  if (setting.display === 'off') return null;
  const others = displays.filter((display) => display.id !== primaryId);
  if (typeof setting.display === 'number') {
    const chosen = displays.find((display) => display.id === setting.display);
    // A chosen display that is the primary would cover the clerk's own screen: only when asked.
    if (chosen && (chosen.id !== primaryId || setting.onPrimaryWhenAlone)) return chosen;
  }
  if (others.length > 0) return others[0]!;
  return setting.onPrimaryWhenAlone ? (displays.find((display) => display.id === primaryId) ?? null) : null;
}

/**
 * Reads the setting: the environment wins over the file; a missing file is the default, a damaged
 * one is reported and read as the default (never a failed start).
 */
export function readClientScreenSetting(folder: string, env: Record<string, string | undefined>, warn: (message: string) => void): ClientScreenSetting {
  let stored: unknown = {};
  try {
    stored = JSON.parse(readFileSync(join(folder, CLIENT_SCREEN_FILE), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') warn(`${CLIENT_SCREEN_FILE} is damaged; the client screen uses its defaults`);
  }
  const fromEnv = env.BALIE_CLIENT_SCREEN?.trim();
  const display = fromEnv === undefined || fromEnv === '' ? undefined : /^\d+$/.test(fromEnv) ? Number(fromEnv) : fromEnv;
  const parsed = clientScreenSettingSchema.safeParse({ ...(typeof stored === 'object' && stored !== null ? stored : {}), ...(display === undefined ? {} : { display }) });
  if (parsed.success) return parsed.data;
  warn(`the client screen setting is not valid (${parsed.error.issues.map((issue) => issue.message).join('; ')}); the defaults are used`);
  return clientScreenSettingSchema.parse({});
}

/** The client window's options: full screen on its display, the desk window's web preferences without a preload. */
export function clientWindowOptions(bounds: Rectangle): BrowserWindowConstructorOptions {
  const { preload: _none, ...webPreferences } = deskWindowOptions('').webPreferences ?? {};
  return {
    title: 'Balie · klantscherm',
    ...bounds,
    fullscreen: true,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences,
  };
}

export interface ClientWindowHost {
  readonly displays: () => readonly DisplayLike[];
  readonly primaryId: () => number;
  /**
   * Makes the window on these bounds, always as `new BrowserWindow(clientWindowOptions(bounds))`:
   * written out at the call site, so Electronegativity sees which options function it gets.
   */
  readonly createWindow: (bounds: Rectangle) => BrowserWindow;
  readonly log: (message: string) => void;
}

/** Opens the client window where the setting says, or opens none. */
export async function openClientWindow(setting: ClientScreenSetting, host: ClientWindowHost): Promise<BrowserWindow | null> {
  const display = chooseClientDisplay(host.displays(), host.primaryId(), setting);
  if (!display) {
    host.log('No client screen: no second display connected, or the setting turns it off');
    return null;
  }
  const window = host.createWindow(display.bounds);
  window.once('ready-to-show', () => window.show());
  await window.loadURL(CLIENT_SCREEN_URL);
  return window;
}
