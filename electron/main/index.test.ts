import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deskContentSecurityPolicy } from '../../shared/security/csp';

// Electron's binary is not here: the wiring is checked against a recording stand-in.
const electron = vi.hoisted(() => {
  const steps: string[] = [];
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = () => {
      steps.push('app ready');
      resolve();
    };
  });
  const windows: Array<{ options: unknown; loadURL: ReturnType<typeof vi.fn>; once: ReturnType<typeof vi.fn> }> = [];
  return {
    steps,
    markReady,
    windows,
    userData: { folder: '' },
    app: {
      on: vi.fn((name: string) => steps.push(`app.on ${name}`)),
      whenReady: () => ready,
      getPath: vi.fn(() => electron.userData.folder),
      quit: vi.fn(),
      exit: vi.fn(),
    },
    BrowserWindow: vi.fn(function BrowserWindow(this: Record<string, unknown>, options: unknown) {
      const window = { options, loadURL: vi.fn(async () => undefined), once: vi.fn(), show: vi.fn() };
      windows.push(window);
      return window;
    }),
    ipcMain: { handle: vi.fn() },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => steps.push('scheme registered')),
      handle: vi.fn(),
    },
    session: {
      defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() },
    },
  };
});

vi.mock('electron', () => ({
  app: electron.app,
  BrowserWindow: electron.BrowserWindow,
  ipcMain: electron.ipcMain,
  protocol: electron.protocol,
  session: electron.session,
}));

beforeAll(async () => {
  electron.userData.folder = await mkdtemp(join(tmpdir(), 'balie-main-'));
  vi.stubEnv('BALIE_SERVER_URL', 'https://balie.example.org/');
  await import('./index');
  electron.markReady();
  await vi.waitFor(() => expect(electron.windows[0]?.loadURL).toHaveBeenCalled());
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(electron.userData.folder, { recursive: true, force: true });
});

describe('starting the desk', () => {
  it('registers the balie scheme before the app is ready', () => {
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    expect(electron.steps.indexOf('scheme registered')).toBeLessThan(electron.steps.indexOf('app ready'));
  });

  it('guards every web contents and quits when the window closes', () => {
    const events = electron.app.on.mock.calls.map(([name]) => name);
    expect(events).toEqual(expect.arrayContaining(['web-contents-created', 'window-all-closed']));
  });

  it('opens one sandboxed window with the CommonJS preload next to the main bundle', () => {
    expect(electron.windows).toHaveLength(1);
    const { webPreferences } = electron.windows[0]?.options as { webPreferences: Record<string, unknown> };
    expect(webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(webPreferences.preload).toBe(join(import.meta.dirname, '../preload/index.cjs'));
  });

  it('loads the app shell from balie://app, not from a file', () => {
    expect(electron.windows[0]?.loadURL).toHaveBeenCalledWith('balie://app/index.html');
  });

  it('denies permissions on the session the window uses', () => {
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(electron.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalledOnce();
  });

  it('serves the shell with a CSP that allows only the configured server', async () => {
    expect(electron.protocol.handle).toHaveBeenCalledWith('balie', expect.any(Function));
    const serve = electron.protocol.handle.mock.calls[0]?.[1] as (request: Request) => Promise<Response>;
    const response = await serve({ url: 'balie://app/index.html', method: 'GET' } as Request);
    expect(response.headers.get('content-security-policy')).toBe(
      deskContentSecurityPolicy('https://balie.example.org'),
    );
  });

  it('answers the bridge on its channel with the stored device id', async () => {
    expect(electron.ipcMain.handle).toHaveBeenCalledWith('balie:get-config', expect.any(Function));
    const answer = electron.ipcMain.handle.mock.calls[0]?.[1] as (event: unknown) => Promise<unknown>;
    await expect(answer({ senderFrame: { url: 'balie://app/index.html' } })).resolves.toMatchObject({
      serverUrl: 'https://balie.example.org/',
      host: 'electron',
      deviceId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });
});
