import { describe, expect, it, vi } from 'vitest';
import { guardNavigation } from './navigation-guard';
import { denyAllPermissions } from './permission-guard';

type Listener = (event: { preventDefault: () => void }, url: string) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, listener: Listener) => {
      listeners.set(name, listener);
      return contents;
    },
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  };
  const log = vi.fn();
  guardNavigation(contents as unknown as Parameters<typeof guardNavigation>[0], log);
  const emit = (name: string, url = '') => {
    const event = { preventDefault: vi.fn() };
    listeners.get(name)?.(event, url);
    return event.preventDefault.mock.calls.length > 0 ? 'blocked' : 'allowed';
  };
  return { emit, openWindow: (url: string) => openHandler?.({ url }), log };
}

describe('the navigation guard', () => {
  it('lets the desk move around inside balie://app', () => {
    const { emit } = fakeContents();
    expect(emit('will-navigate', 'balie://app/index.html')).toBe('allowed');
    expect(emit('will-navigate', 'balie://app/#/queue')).toBe('allowed');
  });

  it.each(['https://evil.example/', 'http://127.0.0.1:4870/', 'file:///etc/passwd', 'balie://elsewhere/', 'javascript:alert(1)'])(
    'blocks navigation to %s',
    (url) => {
      const { emit, log } = fakeContents();
      expect(emit('will-navigate', url)).toBe('blocked');
      expect(log).toHaveBeenCalledWith(expect.stringContaining(url));
    },
  );

  it('blocks a redirect that would leave the app', () => {
    const { emit } = fakeContents();
    expect(emit('will-redirect', 'https://evil.example/')).toBe('blocked');
  });

  it('denies every new window, even one for the app itself', () => {
    const { openWindow } = fakeContents();
    expect(openWindow('https://evil.example/')).toEqual({ action: 'deny' });
    expect(openWindow('balie://app/index.html')).toEqual({ action: 'deny' });
  });

  it('refuses to attach a webview', () => {
    const { emit } = fakeContents();
    expect(emit('will-attach-webview')).toBe('blocked');
  });
});

describe('the permission guard', () => {
  it('refuses every permission the page asks for and answers every check with no, but keeps the desk\'s own storage', () => {
    let onRequest: ((contents: unknown, permission: string, grant: (granted: boolean) => void, details?: { requestingUrl: string }) => void) | undefined;
    let onCheck: ((...args: unknown[]) => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (handler) => {
        onRequest = handler as typeof onRequest;
      },
      setPermissionCheckHandler: (handler) => {
        onCheck = handler as typeof onCheck;
      },
    });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const grant = vi.fn();
      onRequest?.({}, permission, grant, { requestingUrl: 'balie://app/index.html' });
      expect(grant).toHaveBeenCalledWith(false);
      expect(onCheck?.({}, permission, 'balie://app', {})).toBe(false);
    }
    // The outbox in IndexedDB must not be evicted under disk pressure: only the desk's page may ask.
    const kept = vi.fn();
    onRequest?.({}, 'persistent-storage', kept, { requestingUrl: 'balie://app/index.html' });
    expect(kept).toHaveBeenCalledWith(true);
    expect(onCheck?.({}, 'persistent-storage', 'balie://app', {})).toBe(true);
    const foreign = vi.fn();
    onRequest?.({}, 'persistent-storage', foreign, { requestingUrl: 'https://elsewhere.example/' });
    expect(foreign).toHaveBeenCalledWith(false);
    expect(onCheck?.({}, 'persistent-storage', 'data:', {})).toBe(false);
  });
});
