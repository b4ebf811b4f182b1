import { describe, expect, inject, it } from 'vitest';
import { createWebBridge, memoryStorage } from './web-bridge';

const at = (href: string) => new URL(href) as unknown as Location;
let counter = 0;
const uuid = () => `0195f3d2-7c6a-7b1e-9c1a-3f2b5d6e7a${String(++counter).padStart(2, '0')}`;

describe('the web bridge of a desk in a plain browser', () => {
  it('uses the page origin as the server when the server itself serves the desk', async () => {
    const config = await createWebBridge(at('http://127.0.0.1:4870/desk/'), memoryStorage(), uuid).getConfig();
    expect(config).toMatchObject({ serverUrl: 'http://127.0.0.1:4870', host: 'web' });
  });

  it('remembers a ?server= address so a reload without it still finds the server', async () => {
    const storage = memoryStorage();
    await createWebBridge(at('http://127.0.0.1:5173/?server=http://127.0.0.1:4870/'), storage, uuid).getConfig();
    const later = await createWebBridge(at('http://127.0.0.1:5173/'), storage, uuid).getConfig();
    expect(later.serverUrl).toBe('http://127.0.0.1:4870');
  });

  it('keeps one device id across reloads', async () => {
    const storage = memoryStorage();
    const first = await createWebBridge(at('http://127.0.0.1:4870/desk/'), storage, uuid).getConfig();
    const second = await createWebBridge(at('http://127.0.0.1:4870/desk/'), storage, uuid).getConfig();
    expect(second.deviceId).toBe(first.deviceId);
  });

  it('refuses a server address that is not http(s), and does not remember it', async () => {
    const storage = memoryStorage();
    const bridge = createWebBridge(at('http://127.0.0.1:5173/?server=javascript:alert(1)'), storage, uuid);
    await expect(bridge.getConfig()).rejects.toThrow();
    expect(storage.getItem('balie.serverUrl')).toBeNull();
  });

  const session = { token: 'a-bearer-token-of-enough-length', accountId: 'clerk-1', expiresAt: '2026-11-25T20:00:00.000Z' };

  it('keeps the session for this tab only: in sessionStorage, never in localStorage', async () => {
    const local = memoryStorage();
    const tab = memoryStorage();
    const bridge = createWebBridge(at('http://127.0.0.1:4870/desk/'), local, uuid, tab);
    expect(await bridge.saveSession!(session)).toEqual({ ok: true });
    expect(await bridge.loadSession!()).toEqual({ ok: true, session });
    expect(JSON.stringify(Object.fromEntries(Array.from({ length: local.length }, (_, i) => [local.key(i), local.getItem(local.key(i)!)])))).not.toContain(session.token);
    const reloaded = createWebBridge(at('http://127.0.0.1:4870/desk/'), local, uuid, tab);
    expect(await reloaded.loadSession!()).toEqual({ ok: true, session });
    const newTab = createWebBridge(at('http://127.0.0.1:4870/desk/'), local, uuid, memoryStorage());
    expect(await newTab.loadSession!()).toEqual({ ok: true, session: null });
  });

  it('forgets the session on clearSession but keeps the device credential', async () => {
    const local = memoryStorage();
    const tab = memoryStorage();
    const bridge = createWebBridge(at('http://127.0.0.1:4870/desk/'), local, uuid, tab);
    await bridge.saveDeviceSecret!('a-device-secret-of-at-least-32-chars');
    await bridge.saveSession!(session);
    await bridge.clearSession!();
    expect(await bridge.loadSession!()).toEqual({ ok: true, session: null });
    expect(tab.length).toBe(0);
    expect(await bridge.loadDeviceSecret!()).toEqual({ ok: true, deviceSecret: 'a-device-secret-of-at-least-32-chars' });
  });
});

describe('the first run of a browser desk', () => {
  const serverUrl = inject('deskTestServerUrl');

  it('has no chosen server on a page that is neither served by the server nor given ?server=', async () => {
    expect(await createWebBridge(at('http://127.0.0.1:5173/'), memoryStorage(), uuid).getConfig()).toMatchObject({ serverUrlChosen: false });
    expect(await createWebBridge(at('http://127.0.0.1:4870/desk/'), memoryStorage(), uuid).getConfig()).toMatchObject({ serverUrlChosen: true });
    expect(await createWebBridge(at('http://127.0.0.1:5173/?server=http://127.0.0.1:4870'), memoryStorage(), uuid).getConfig()).toMatchObject({ serverUrlChosen: true });
  });

  it('refuses an address that is not http(s), or where nothing answers, and remembers nothing', async () => {
    const storage = memoryStorage();
    const bridge = createWebBridge(at('http://127.0.0.1:5173/'), storage, uuid);
    expect(await bridge.chooseServerUrl!('ftp://127.0.0.1/')).toEqual({ ok: false, error: 'invalid-url' });
    expect(await bridge.chooseServerUrl!('http://127.0.0.1:1')).toEqual({ ok: false, error: 'unreachable' });
    expect(await bridge.getConfig()).toMatchObject({ serverUrlChosen: false });
  });

  it('takes the address of a running Balie server and keeps it for the next start', async () => {
    const storage = memoryStorage();
    const bridge = createWebBridge(at('http://127.0.0.1:5173/'), storage, uuid);
    expect(await bridge.chooseServerUrl!(`  ${serverUrl}/ `)).toEqual({ ok: true, serverUrl, reloadRequired: false });
    const next = createWebBridge(at('http://127.0.0.1:5173/'), storage, uuid);
    expect(await next.getConfig()).toMatchObject({ serverUrl, serverUrlChosen: true });
    // Chosen once: the page cannot move the desk to another server.
    expect(await next.chooseServerUrl!('http://127.0.0.1:4870')).toEqual({ ok: false, error: 'already-chosen' });
    expect(await next.getConfig()).toMatchObject({ serverUrl });
  });
});
