import { forwardRef, type ButtonHTMLAttributes } from 'react';

/** How a key is written on the button (ARIA names it in full). */
const SHOWN_AS: Readonly<Record<string, string>> = { Escape: 'Esc' };

/**
 * A button with its keyboard shortcut shown on it. The key is announced through
 * `aria-keyshortcuts` (ARIA's key names: "N", "Escape", "Alt+R"), so the button's name stays the
 * action's words. Outside the features, so every screen with keys (the queue, the visit) shows them alike.
 */
export const ShortcutButton = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement> & { shortcut?: string }>(
  function ShortcutButton({ shortcut, children, className = '', ...rest }, ref) {
    return (
      <button ref={ref} type="button" className={`button ${className}`} aria-keyshortcuts={shortcut} {...rest}>
        {children}
        {shortcut && (
          <kbd className="button__key" aria-hidden="true">
            {SHOWN_AS[shortcut] ?? shortcut}
          </kbd>
        )}
      </button>
    );
  },
);
