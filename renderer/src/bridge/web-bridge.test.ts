import { describe, expect, it } from 'vitest';
import { createWebBridge } from './web-bridge';

const memoryStorage = (): Storage => {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
};
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
});
