/**
 * A keyboard-wedge scanner types a whole code within milliseconds and ends with Enter. Into a
 * focused text field that is just typing (the field checks and records it). Anywhere else on the
 * visit screen (a "Done" button has the focus, say) the run must not click that button with its
 * Enter, nor pick options with its digits: the run is taken off the page and handed to `onScan`.
 * The first character of a run cannot be told from a key press and goes through as typed.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';

/** A scanner sends a character every few milliseconds; a person's separate key presses are slower. */
const SCAN_KEY_GAP_MS = 35;
/** Shorter runs are a fast typist's roll, not a code. */
const SCAN_MIN_LENGTH = 4;

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'submit', 'reset', 'checkbox', 'radio'].includes(target.type);
}

export function useVisitScanner(onScan: (text: string) => void): void {
  const latest = useRef(onScan);
  useLayoutEffect(() => {
    latest.current = onScan;
  });
  useEffect(() => {
    let run: string[] = [];
    let lastAt = -Infinity;
    const onKeyCapture = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) {
        run = [];
        lastAt = -Infinity;
        return;
      }
      const fast = event.timeStamp - lastAt <= SCAN_KEY_GAP_MS;
      if (event.key === 'Enter' && fast && run.length >= SCAN_MIN_LENGTH) {
        event.preventDefault();
        event.stopPropagation();
        latest.current(run.join(''));
      }
      if (event.key.length !== 1) {
        run = [];
        lastAt = -Infinity;
        return;
      }
      if (fast && run.length > 0) {
        event.preventDefault();
        event.stopPropagation();
        run.push(event.key);
      } else {
        run = [event.key];
      }
      lastAt = event.timeStamp;
    };
    window.addEventListener('keydown', onKeyCapture, { capture: true });
    return () => window.removeEventListener('keydown', onKeyCapture, { capture: true });
  }, []);
}
