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
    expect(web.disableBlinkFeatures).toBe('Auxclick');
    expect(web).not.toHaveProperty('enableRemoteModule');
  });

  it('loads exactly the preload it is given', () => {
    expect(web.preload).toBe('/opt/balie/resources/app.asar/out/preload/index.cjs');
  });

  it('stays hidden until the page can be shown', () => {
    expect(options.show).toBe(false);
  });

  it('opens where it was last time, or at the default size', () => {
    expect(deskWindowOptions('/p.cjs', { x: 40, y: 30, width: 1300, height: 900 })).toMatchObject({
      x: 40,
      y: 30,
      width: 1300,
      height: 900,
    });
    expect(options).toMatchObject({ width: 1280, height: 800, minWidth: 1024, minHeight: 640 });
    expect(options).not.toHaveProperty('x');
  });
});
