import { describe, expect, it, vi } from 'vitest';
import { startUpdateChecks, UPDATE_CHECK_INTERVAL_MS } from './update-checks';

// electron-updater is never loaded in tests: it is handed in, and here a recording stand-in.
function fakeUpdater() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  return {
    listeners,
    autoDownload: false,
    autoInstallOnAppQuit: false,
    logger: null as unknown,
    setFeedURL: vi.fn(),
    checkForUpdates: vi.fn(async () => null),
    on: vi.fn((name: string, listener: (...args: unknown[]) => void) => listeners.set(name, listener)),
  };
}
const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

describe('update checks', () => {
  it('are off when running unpacked, without loading the updater', () => {
    const updater = vi.fn(fakeUpdater);
    expect(startUpdateChecks({ updater: updater as never, updateUrl: 'https://updates.example.org/balie', isPackaged: false, log })).toBe(
      'off: not packaged',
    );
    expect(updater).not.toHaveBeenCalled();
  });

  it('are off when no update server is set for the desk, and fetch nothing', () => {
    const updater = vi.fn(fakeUpdater);
    expect(startUpdateChecks({ updater: updater as never, updateUrl: undefined, isPackaged: true, log })).toBe('off: no update server');
    expect(updater).not.toHaveBeenCalled();
  });

  it('use the generic provider at the desk\'s update server, at start and every four hours', () => {
    const updater = fakeUpdater();
    const every = vi.fn();
    const state = startUpdateChecks({
      updater: () => updater as never,
      updateUrl: 'https://updates.example.org/balie',
      isPackaged: true,
      log,
      every,
    });
    expect(state).toBe('on');
    expect(updater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'https://updates.example.org/balie' });
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updater.checkForUpdates).toHaveBeenCalledOnce();
    expect(every).toHaveBeenCalledWith(expect.any(Function), UPDATE_CHECK_INTERVAL_MS);
  });

  it('only log a failed check: an unreachable update server never stops the desk', async () => {
    const updater = fakeUpdater();
    updater.checkForUpdates.mockRejectedValueOnce(new Error('net::ERR_CONNECTION_REFUSED'));
    startUpdateChecks({ updater: () => updater as never, updateUrl: 'https://updates.example.org/balie', isPackaged: true, log, every: vi.fn() });
    await vi.waitFor(() => expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('ERR_CONNECTION_REFUSED')));
    updater.listeners.get('error')?.(new Error('bad latest.yml'));
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('bad latest.yml'));
  });
});
