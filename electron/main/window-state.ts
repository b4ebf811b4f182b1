import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindow, Rectangle, Screen } from 'electron';
import { z } from 'zod';
import type { DeskLog } from './desk-log';

export const WINDOW_STATE_FILE = 'window-state.json';
export const MIN_WINDOW_SIZE = { width: 1024, height: 640 };
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 };
/** How much of the window must lie on a display to keep it where it was: enough to grab the title bar. */
const VISIBLE_MARGIN = { width: 120, height: 60 };

const rectangleSchema = z.object({
  x: z.int().min(-100_000).max(100_000),
  y: z.int().min(-100_000).max(100_000),
  width: z.int().min(1).max(100_000),
  height: z.int().min(1).max(100_000),
});

/** Where the desk window was when it last moved: its normal (not maximised) bounds, and whether it was maximised. */
export const windowStateSchema = z.object({ bounds: rectangleSchema, maximized: z.boolean() });
export type WindowState = z.infer<typeof windowStateSchema>;

/** Reads the saved state; a missing or damaged file means "no saved state", never a failed start. */
export function readWindowState(folder: string, log: Pick<DeskLog, 'warn'>): WindowState | null {
  let text: string;
  try {
    text = readFileSync(join(folder, WINDOW_STATE_FILE), 'utf8');
  } catch {
    return null;
  }
  try {
    return windowStateSchema.parse(JSON.parse(text));
  } catch {
    log.warn(`${WINDOW_STATE_FILE} is damaged; the desk window opens at its default place`);
    return null;
  }
}

/** Written aside and renamed: a crash mid-write leaves the old file whole. */
export function writeWindowState(folder: string, state: WindowState): void {
  const file = join(folder, WINDOW_STATE_FILE);
  mkdirSync(folder, { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify(windowStateSchema.parse(state))}\n`, 'utf8');
  renameSync(`${file}.tmp`, file);
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/**
 * The bounds to open with, given the displays' work areas now (the first is the primary). A window
 * saved on a monitor that is gone, or mostly off-screen, opens centred on the primary display; no
 * window is larger than the display it lands on.
 */
export function placeWindow(saved: WindowState | null, workAreas: Rectangle[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE };
  const fit = (size: { width: number; height: number }, area: Rectangle) => ({
    width: Math.min(Math.max(size.width, MIN_WINDOW_SIZE.width), area.width),
    height: Math.min(Math.max(size.height, MIN_WINDOW_SIZE.height), area.height),
  });
  const centred = (size: { width: number; height: number }, area: Rectangle): Rectangle => {
    const { width, height } = fit(size, area);
    return {
      x: area.x + Math.round((area.width - width) / 2),
      y: area.y + Math.round((area.height - height) / 2),
      width,
      height,
    };
  };
  if (!saved) return { bounds: centred(DEFAULT_WINDOW_SIZE, primary), maximized: false };

  const home = workAreas.find((area) => {
    const shared = overlap(saved.bounds, area);
    return shared.width >= VISIBLE_MARGIN.width && shared.height >= VISIBLE_MARGIN.height;
  });
  if (!home) return { bounds: centred(saved.bounds, primary), maximized: saved.maximized };

  const { width, height } = fit(saved.bounds, home);
  // Pulled inside the display it is mostly on, so no edge hangs off the screen.
  const x = Math.min(Math.max(saved.bounds.x, home.x), home.x + home.width - width);
  const y = Math.min(Math.max(saved.bounds.y, home.y), home.y + home.height - height);
  return { bounds: { x, y, width, height }, maximized: saved.maximized };
}

/** The displays' work areas (without task bars), the primary display first. */
export function workAreasPrimaryFirst(screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay'>): Rectangle[] {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((display) => display.id !== primary.id)].map(
    (display) => display.workArea,
  );
}

type TrackedWindow = Pick<BrowserWindow, 'on' | 'getNormalBounds' | 'isMaximized' | 'isDestroyed'>;

/** Saves the window's state when it settles after a move or resize, when it is (un)maximised, and when it closes. */
export function rememberWindowState(
  window: TrackedWindow,
  save: (state: WindowState) => void,
  log: Pick<DeskLog, 'warn'>,
  settleMs = 500,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const saveNow = () => {
    clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed()) return;
    try {
      save({ bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      log.warn(`Could not save the window state: ${(error as Error).message}`);
    }
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(saveNow, settleMs);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveNow);
  window.on('unmaximize', saveNow);
  window.on('close', saveNow);
}
