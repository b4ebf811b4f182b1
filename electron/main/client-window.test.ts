import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { describe, expect, it } from 'vitest';
import { chooseClientDisplay, CLIENT_SCREEN_FILE, CLIENT_SCREEN_URL, clientScreenSettingSchema, clientWindowOptions, openClientWindow, readClientScreenSetting, type DisplayLike } from './client-window';

const laptop: DisplayLike = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const facingClient: DisplayLike = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 1024 } };
const third: DisplayLike = { id: 7, bounds: { x: -1280, y: 0, width: 1280, height: 1024 } };
const defaults = clientScreenSettingSchema.parse({});

/** A window that records what it was asked to do, as Electron's BrowserWindow would be. */
function recordingHost(displays: DisplayLike[]) {
  const made: { options: BrowserWindowConstructorOptions; loaded: string[] }[] = [];
  const logged: string[] = [];
  return {
    made,
    logged,
    host: {
      displays: () => displays,
      primaryId: () => 1,
      log: (message: string) => logged.push(message),
      createWindow: (bounds: Rectangle) => {
        const record = { options: clientWindowOptions(bounds), loaded: [] as string[] };
        made.push(record);
        return { once: () => undefined, show: () => undefined, loadURL: async (url: string) => void record.loaded.push(url) } as unknown as BrowserWindow;
      },
    },
  };
}

describe('the client window at the desk', () => {
  it('opens on the second display when one is connected, full screen on its bounds', async () => {
    const { host, made } = recordingHost([laptop, facingClient]);
    expect(await openClientWindow(defaults, host)).not.toBeNull();
    expect(made).toHaveLength(1);
    expect(made[0]!.options).toMatchObject({ ...facingClient.bounds, fullscreen: true });
    expect(made[0]!.loaded).toEqual([CLIENT_SCREEN_URL]);
  });

  it('takes the display the setting chooses, and falls back to another second display when that one is gone', () => {
    expect(chooseClientDisplay([laptop, facingClient, third], 1, { display: 7, onPrimaryWhenAlone: false })).toBe(third);
    expect(chooseClientDisplay([laptop, facingClient], 1, { display: 7, onPrimaryWhenAlone: false })).toBe(facingClient);
  });

  it('opens no window when no second display is connected, and says why in the log', async () => {
    const { host, made, logged } = recordingHost([laptop]);
    expect(await openClientWindow(defaults, host)).toBeNull();
    expect(made).toHaveLength(0);
    expect(logged.join()).toContain('no second display');
  });

  it("opens on the primary display only when asked, and never covers the clerk's screen otherwise", () => {
    expect(chooseClientDisplay([laptop], 1, { display: 'auto', onPrimaryWhenAlone: true })).toBe(laptop);
    expect(chooseClientDisplay([laptop, facingClient], 1, { display: 1, onPrimaryWhenAlone: false })).toBe(facingClient);
    expect(chooseClientDisplay([laptop, facingClient], 1, { display: 'off', onPrimaryWhenAlone: true })).toBeNull();
  });

  it('has the security options of the desk window, and no preload: the client screen gets no bridge', () => {
    const web = clientWindowOptions(facingClient.bounds).webPreferences ?? {};
    expect(web).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, webviewTag: false, disableBlinkFeatures: 'Auxclick' });
    expect(web).not.toHaveProperty('preload');
    expect(CLIENT_SCREEN_URL).toBe('balie://app/client-screen.html');
  });

  it('reads the setting from its file, lets the environment choose the display, and survives a damaged file', () => {
    const folder = mkdtempSync(join(tmpdir(), 'balie-client-screen-'));
    const warnings: string[] = [];
    expect(readClientScreenSetting(folder, {}, (message) => warnings.push(message))).toEqual(defaults);
    writeFileSync(join(folder, CLIENT_SCREEN_FILE), JSON.stringify({ display: 7, onPrimaryWhenAlone: true }));
    expect(readClientScreenSetting(folder, {}, (message) => warnings.push(message))).toEqual({ display: 7, onPrimaryWhenAlone: true });
    expect(readClientScreenSetting(folder, { BALIE_CLIENT_SCREEN: 'off' }, (message) => warnings.push(message)).display).toBe('off');
    expect(warnings).toEqual([]);
    writeFileSync(join(folder, CLIENT_SCREEN_FILE), '{"display": "left"}');
    expect(readClientScreenSetting(folder, {}, (message) => warnings.push(message))).toEqual(defaults);
    writeFileSync(join(folder, CLIENT_SCREEN_FILE), '{ broken');
    expect(readClientScreenSetting(folder, {}, (message) => warnings.push(message))).toEqual(defaults);
    expect(warnings).toHaveLength(2);
  });
});
