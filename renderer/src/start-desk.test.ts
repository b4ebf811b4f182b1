import { describe, expect, it } from 'vitest';
import { showStartFailure } from './start-desk';

describe('a desk whose app cannot be loaded', () => {
  it('says so in Dutch and English, with the way out and the cause, instead of a blank window', () => {
    document.body.innerHTML = '<div id="root"><p>oud</p></div>';
    showStartFailure(new Error('Failed to fetch dynamically imported module'));
    const alert = document.querySelector('#root [role="alert"]');
    expect(alert?.textContent).toContain('Balie kon niet starten; laad het venster opnieuw (Ctrl+R).');
    expect(alert?.textContent).toContain('Balie could not start; reload the window (Ctrl+R).');
    expect(alert?.textContent).toContain('Failed to fetch dynamically imported module');
    expect(document.getElementById('root')?.children).toHaveLength(1);
  });
});
