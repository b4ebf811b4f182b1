/**
 * The desk's keyboard, page-wide: single-key shortcuts (N, R, C, /, P…) and a keyboard-wedge
 * barcode scanner, which types a whole code within milliseconds and ends with Enter. The two are
 * told apart by the time between keys, not by where the focus is: a key starts a shortcut only
 * when no next key follows quickly, and a fast run of characters ending in Enter is a scan, even
 * while a button has the focus (its Enter is then kept from clicking it).
 *
 * Keys typed into a field (input, textarea, select, contenteditable) are left alone entirely: the
 * visit screen's fields take their own scans.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';

/** A scanner sends a character every few milliseconds; a person's separate key presses are slower. */
export const SCAN_KEY_GAP_MS = 35;
/** Shorter runs are a fast typist's roll, not a code. */
export const SCAN_MIN_LENGTH = 4;

export interface DeskKeyOptions {
  /** A complete scan (without its Enter). */
  onScan(text: string): void;
  /** A single key pressed on its own (upper-case letter, or '/'). */
  onShortcut(key: string): void;
  /** Escape, unless a part of the screen handled it first. */
  onEscape(): void;
  /** When each key arrived (ms); the event's own time stamp by default. */
  clock?: (event: KeyboardEvent) => number;
  enabled?: boolean;
}

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'submit', 'reset', 'checkbox', 'radio'].includes(target.type);
}

export function useDeskKeys(options: DeskKeyOptions): void {
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });
  const enabled = options.enabled ?? true;

  useEffect(() => {
    if (!enabled) return;
    let run: string[] = [];
    let lastAt = -Infinity;
    let pending: ReturnType<typeof setTimeout> | undefined;
    const cancelPending = () => {
      clearTimeout(pending);
      pending = undefined;
    };
    const timeOf = (event: KeyboardEvent) => (latest.current.clock ?? ((e: KeyboardEvent) => e.timeStamp))(event);

    const onKeyCapture = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) {
        run = [];
        return;
      }
      const at = timeOf(event);
      const fast = at - lastAt <= SCAN_KEY_GAP_MS;
      if (event.key === 'Enter') {
        if (fast && run.length >= SCAN_MIN_LENGTH) {
          event.preventDefault();
          event.stopPropagation();
          cancelPending();
          latest.current.onScan(run.join(''));
        }
        run = [];
        lastAt = -Infinity;
        return;
      }
      if (event.key.length !== 1) {
        run = [];
        lastAt = -Infinity;
        return;
      }
      lastAt = at;
      if (fast && run.length > 0) {
        // A second character right after the first: a scan, not a shortcut.
        cancelPending();
        run.push(event.key);
        event.preventDefault();
        return;
      }
      run = [event.key];
      cancelPending();
      const key = event.key === '/' ? '/' : event.key.toUpperCase();
      if (key === '/' || key === ' ') event.preventDefault();
      pending = setTimeout(() => {
        pending = undefined;
        run = [];
        lastAt = -Infinity;
        latest.current.onShortcut(key);
      }, SCAN_KEY_GAP_MS + 5);
    };
    const onKeyBubble = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) latest.current.onEscape();
    };
    window.addEventListener('keydown', onKeyCapture, true);
    window.addEventListener('keydown', onKeyBubble);
    return () => {
      cancelPending();
      window.removeEventListener('keydown', onKeyCapture, true);
      window.removeEventListener('keydown', onKeyBubble);
    };
  }, [enabled]);
}
