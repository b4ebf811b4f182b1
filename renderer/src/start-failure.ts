/**
 * The app's code could not be loaded (the entry loads it apart, main.tsx): say so in both languages
 * instead of leaving the window blank. Plain DOM: nothing else of the app is there.
 */
export function showStartFailure(error: unknown): void {
  const root = document.getElementById('root');
  if (!root) return;
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = `Balie kon niet starten; laad het venster opnieuw (Ctrl+R). Balie could not start; reload the window (Ctrl+R). (${error instanceof Error ? error.message : String(error)})`;
  root.replaceChildren(message);
}
