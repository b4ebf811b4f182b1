import { describe, expect, it, vi } from 'vitest';
import { deskBridgeContract } from '../../shared/ipc/desk-bridge';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => 'answer'), send: vi.fn(), on: vi.fn() },
}));
vi.mock('electron', () => electron);

describe('the preload', () => {
  it('exposes window.deskBridge and nothing else', async () => {
    await import('./index');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    const [key, bridge] = electron.contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
    expect(key).toBe('deskBridge');
    expect(Object.keys(bridge as object).sort()).toEqual(Object.keys(deskBridgeContract).sort());
    expect(Object.values(bridge as object).every((value) => typeof value === 'function')).toBe(true);
    expect(Object.values(bridge as object)).not.toContain(electron.ipcRenderer);
  });

  it('forwards each bridge function to its channel, arguments and all', async () => {
    await import('./index');
    const bridge = electron.contextBridge.exposeInMainWorld.mock.calls[0]?.[1] as Record<string, (...args: unknown[]) => unknown>;
    await expect(bridge.getConfig?.()).resolves.toBe('answer');
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('balie:get-config');
    const handout = { appointmentCode: 'MAA-K7Q2M9', service: 'BIO', date: '2026-03-02', time: '09:40', desk: 'Balie 3' };
    await bridge.printReceipt?.(handout);
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('balie:print-receipt', handout);
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
  });
});
