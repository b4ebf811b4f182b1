import { forwardRef, type ButtonHTMLAttributes } from 'react';

/**
 * A button with its keyboard shortcut shown on it. The key is announced through
 * `aria-keyshortcuts`, so the button's name stays the action's words.
 */
export const ShortcutButton = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement> & { shortcut?: string }>(
  function ShortcutButton({ shortcut, children, className = '', ...rest }, ref) {
    return (
      <button ref={ref} type="button" className={`button ${className}`} aria-keyshortcuts={shortcut} {...rest}>
        {children}
        {shortcut && (
          <kbd className="button__key" aria-hidden="true">
            {shortcut}
          </kbd>
        )}
      </button>
    );
  },
);
