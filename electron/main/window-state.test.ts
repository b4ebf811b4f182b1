import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  placeWindow,
  readWindowState,
  rememberWindowState,
  WINDOW_STATE_FILE,
  workAreasPrimaryFirst,
  writeWindowState,
  type WindowState,
} from './window-state';

const fullHd = { x: 0, y: 0, width: 1920, height: 1040 };
const secondScreen = { x: 1920, y: 0, width: 1920, height: 1040 };
let folder: string;
const log = { warn: vi.fn() };

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'balie-window-state-'));
  log.warn.mockClear();
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the desk window remembers where it was', () => {
  it('writes the bounds and the maximised flag, and reads them back at the next start', () => {
    const state: WindowState = { bounds: { x: 40, y: 30, width: 1300, height: 900 }, maximized: true };
    writeWindowState(folder, state);
    expect(readWindowState(folder, log)).toEqual(state);
  });

  it('opens at the default place when nothing was saved yet', () => {
    expect(readWindowState(folder, log)).toBeNull();
    expect(placeWindow(null, [fullHd])).toEqual({
      bounds: { x: 320, y: 120, width: 1280, height: 800 },
      maximized: false,
    });
  });

  it.each([
    ['not JSON', '{"bounds": '],
    ['a width that is not a number', '{"bounds":{"x":0,"y":0,"width":"wide","height":800},"maximized":false}'],
    ['no maximised flag', '{"bounds":{"x":0,"y":0,"width":1280,"height":800}}'],
  ])('ignores a file with %s and says so', async (_what, text) => {
    await writeFile(join(folder, WINDOW_STATE_FILE), text);
    expect(readWindowState(folder, log)).toBeNull();
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('damaged'));
  });

  it('keeps a window that is on the second monitor there', () => {
    const saved = { bounds: { x: 2000, y: 100, width: 1280, height: 800 }, maximized: false };
    expect(placeWindow(saved, [fullHd, secondScreen])).toEqual(saved);
  });

  it('brings a window from a monitor that was unplugged back to the middle of the primary one', () => {
    const saved = { bounds: { x: 2000, y: 100, width: 1280, height: 800 }, maximized: true };
    expect(placeWindow(saved, [fullHd])).toEqual({ bounds: { x: 320, y: 120, width: 1280, height: 800 }, maximized: true });
  });

  it('pulls a window that hangs off the edge back inside the display', () => {
    const saved = { bounds: { x: 1700, y: -50, width: 1280, height: 800 }, maximized: false };
    expect(placeWindow(saved, [fullHd]).bounds).toEqual({ x: 640, y: 0, width: 1280, height: 800 });
  });

  it('shrinks a window larger than a smaller display, but never below the desk minimum', () => {
    const laptop = { x: 0, y: 0, width: 1366, height: 728 };
    expect(placeWindow({ bounds: { x: 0, y: 0, width: 2500, height: 1400 }, maximized: false }, [laptop]).bounds).toEqual(
      { x: 0, y: 0, width: 1366, height: 728 },
    );
    expect(placeWindow({ bounds: { x: 10, y: 10, width: 300, height: 200 }, maximized: false }, [laptop]).bounds).toEqual(
      { x: 10, y: 10, width: 1024, height: 640 },
    );
  });

  it('puts the primary display first, wherever the OS lists it', () => {
    const screen = {
      getPrimaryDisplay: () => ({ id: 2, workArea: secondScreen }),
      getAllDisplays: () => [
        { id: 1, workArea: fullHd },
        { id: 2, workArea: secondScreen },
      ],
    };
    expect(workAreasPrimaryFirst(screen as never)).toEqual([secondScreen, fullHd]);
  });

  it('saves once the window has settled after moving, at once on maximise and on close', async () => {
    vi.useFakeTimers();
    try {
      const listeners = new Map<string, () => void>();
      let bounds = { x: 0, y: 0, width: 1280, height: 800 };
      let maximized = false;
      const window = {
        on: (name: string, listener: () => void) => void listeners.set(name, listener),
        getNormalBounds: () => bounds,
        isMaximized: () => maximized,
        isDestroyed: () => false,
      };
      const save = vi.fn((state: WindowState) => writeWindowState(folder, state));
      rememberWindowState(window as never, save, log, 500);

      bounds = { ...bounds, x: 100 };
      listeners.get('move')?.();
      bounds = { ...bounds, x: 200 };
      listeners.get('move')?.();
      expect(save).not.toHaveBeenCalled();
      vi.advanceTimersByTime(500);
      expect(save).toHaveBeenCalledOnce();
      expect(save).toHaveBeenLastCalledWith({ bounds: { x: 200, y: 0, width: 1280, height: 800 }, maximized: false });

      maximized = true;
      listeners.get('maximize')?.();
      expect(save).toHaveBeenCalledTimes(2);
      listeners.get('close')?.();
      expect(save).toHaveBeenCalledTimes(3);
      expect(JSON.parse(await readFile(join(folder, WINDOW_STATE_FILE), 'utf8'))).toEqual({
        bounds: { x: 200, y: 0, width: 1280, height: 800 },
        maximized: true,
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it('logs a failed save instead of crashing the app', () => {
    const listeners = new Map<string, () => void>();
    const window = {
      on: (name: string, listener: () => void) => void listeners.set(name, listener),
      getNormalBounds: () => ({ x: 0, y: 0, width: 1280, height: 800 }),
      isMaximized: () => false,
      isDestroyed: () => false,
    };
    rememberWindowState(window as never, () => { throw new Error('disk full'); }, log);
    expect(() => listeners.get('close')?.()).not.toThrow();
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('disk full'));
  });
});
