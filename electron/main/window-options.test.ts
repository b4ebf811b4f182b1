import { describe, expect, it } from 'vitest';
import { deskWindowOptions } from './window-options';

describe('the desk window', () => {
  const options = deskWindowOptions('/opt/balie/resources/app.asar/out/preload/index.cjs');
  const web = options.webPreferences ?? {};

  it('runs the renderer sandboxed, isolated from the preload, without Node', () => {
    expect(web.sandbox).toBe(true);
    expect(web.contextIsolation).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps the web security checks on and embeds no other pages', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
    expect(web).not.toHaveProperty('enableRemoteModule');
  });

  it('loads exactly the preload it is given', () => {
    expect(web.preload).toBe('/opt/balie/resources/app.asar/out/preload/index.cjs');
  });

  it('stays hidden until the page can be shown', () => {
    expect(options.show).toBe(false);
  });
});
