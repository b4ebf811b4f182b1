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
  type FakeWindow = {
    options: unknown;
    loadURL: ReturnType<typeof vi.fn>;
    once: ReturnType<typeof vi.fn>;
    on: ReturnType<typeof vi.fn>;
    webContents: { on: ReturnType<typeof vi.fn> };
  };
  const windows: FakeWindow[] = [];
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  return {
    steps,
    markReady,
    windows,
    userData: { folder: '' },
    appListeners,
    app: {
      on: vi.fn((name: string, listener: (...args: unknown[]) => void) => {
        steps.push(`app.on ${name}`);
        appListeners.set(name, listener);
      }),
      whenReady: () => ready,
      getPath: vi.fn(() => electron.userData.folder),
      getVersion: () => '0.1.0',
      isPackaged: false,
      requestSingleInstanceLock: vi.fn(() => {
        steps.push('single instance lock');
        return true;
      }),
      quit: vi.fn(),
      exit: vi.fn(),
    },
    BrowserWindow: vi.fn(function BrowserWindow(this: Record<string, unknown>, options: unknown) {
      const window = {
        options,
        loadURL: vi.fn(async () => undefined),
        once: vi.fn(),
        on: vi.fn(),
        show: vi.fn(),
        isDestroyed: () => false,
        isMinimized: () => true,
        isVisible: () => true,
        restore: vi.fn(),
        focus: vi.fn(),
        webContents: { on: vi.fn() },
      };
      windows.push(window);
      return window;
    }),
    screen: {
      getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
      getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    },
    safeStorage: { isEncryptionAvailable: () => false, encryptString: vi.fn(), decryptString: vi.fn() },
    ipcMain: { handle: vi.fn() },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => steps.push('scheme registered')),
      handle: vi.fn(),
    },
    session: {
      defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() },
      fromPartition: vi.fn(() => ({ setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() })),
    },
  };
});

// The log goes nowhere and the updater is never loaded in a unit test.
const fakeLogger = vi.hoisted(() => ({
  transports: { file: {} as Record<string, unknown>, console: {} as Record<string, unknown> },
  errorHandler: { startCatching: () => undefined },
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
}));
vi.mock('electron-log/node', () => ({ default: fakeLogger }));
const updater = vi.hoisted(() => ({ loaded: false }));
vi.mock('electron-updater', () => ({
  get autoUpdater() {
    updater.loaded = true;
    return {};
  },
}));

vi.mock('electron', () => ({
  app: electron.app,
  BrowserWindow: electron.BrowserWindow,
  ipcMain: electron.ipcMain,
  protocol: electron.protocol,
  safeStorage: electron.safeStorage,
  screen: electron.screen,
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

  it('takes the single-instance lock before the app is ready, and brings the window forward on a second start', () => {
    expect(electron.steps.indexOf('single instance lock')).toBeLessThan(electron.steps.indexOf('app ready'));
    electron.appListeners.get('second-instance')?.();
    const window = electron.windows[0] as unknown as { restore: ReturnType<typeof vi.fn>; focus: ReturnType<typeof vi.fn> };
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
  });

  it('guards every web contents and quits when the window closes', () => {
    const events = electron.app.on.mock.calls.map(([name]) => name);
    expect(events).toEqual(expect.arrayContaining(['web-contents-created', 'window-all-closed', 'second-instance']));
  });

  it('writes its log to logs/main.log in the user data folder', () => {
    const resolvePath = fakeLogger.transports.file.resolvePathFn as () => string;
    expect(resolvePath()).toBe(join(electron.userData.folder, 'logs', 'main.log'));
  });

  it('reloads the page when its renderer crashes, and remembers where the window was', () => {
    expect(electron.windows[0]?.webContents.on).toHaveBeenCalledWith('render-process-gone', expect.any(Function));
    const windowEvents = electron.windows[0]?.on.mock.calls.map(([name]) => name);
    expect(windowEvents).toEqual(expect.arrayContaining(['move', 'resize', 'close', 'closed']));
  });

  it('does not load the updater when the app runs unpacked', () => {
    expect(updater.loaded).toBe(false);
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

  it('denies permissions on the session the window uses and on the handout window\'s own session', () => {
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(electron.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalledOnce();
    expect(electron.session.fromPartition).toHaveBeenCalledWith('balie-receipt');
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
    const answer = electron.ipcMain.handle.mock.calls.find(([channel]) => channel === 'balie:get-config')?.[1] as (
      event: unknown,
    ) => Promise<unknown>;
    await expect(answer({ senderFrame: { url: 'balie://app/index.html' } })).resolves.toMatchObject({
      serverUrl: 'https://balie.example.org/',
      host: 'electron',
      deviceId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });
});
