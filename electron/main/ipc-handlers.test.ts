import { describe, expect, it, vi } from 'vitest';
import { DESK_CHANNEL_NAMES } from '../../shared/ipc/channel-names';
import { deskBridgeContract, type DeskBridgeHandlers } from '../../shared/ipc/desk-bridge';
import { createDeskBridgeHandlers, registerDeskBridgeHandlers } from './ipc-handlers';

type InvokeListener = (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => Promise<unknown>;

const settings = { serverUrl: 'http://127.0.0.1:4870', deviceId: '0b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4' };
const fromApp = { senderFrame: { url: 'balie://app/index.html' } };

function registered(handlers: DeskBridgeHandlers = createDeskBridgeHandlers(() => settings)) {
  const channels = new Map<string, InvokeListener>();
  const log = vi.fn();
  registerDeskBridgeHandlers(
    { handle: (channel, listener) => void channels.set(channel, listener as unknown as InvokeListener) },
    handlers,
    log,
  );
  const invoke = (channel: string, event: Parameters<InvokeListener>[0], ...args: unknown[]) => {
    const listener = channels.get(channel);
    if (!listener) throw new Error(`no handler on ${channel}`);
    return listener(event, ...args);
  };
  return { channels, invoke, log };
}

describe('the DeskBridge handlers in the main process', () => {
  it('listen on exactly one channel per bridge function, taken from the contract', () => {
    const { channels } = registered();
    expect([...channels.keys()].sort()).toEqual(
      Object.values(deskBridgeContract).map((entry) => entry.channel).sort(),
    );
    expect([...channels.keys()].sort()).toEqual(Object.values(DESK_CHANNEL_NAMES).sort());
  });

  it('tell the app shell its server, its device id and that it runs in Electron', async () => {
    const { invoke } = registered();
    await expect(invoke(DESK_CHANNEL_NAMES.getConfig, fromApp)).resolves.toEqual({ ...settings, host: 'electron' });
  });

  it.each([
    ['a foreign page', { senderFrame: { url: 'https://evil.example/' } }],
    ['another balie host', { senderFrame: { url: 'balie://evil/index.html' } }],
    ['a file page', { senderFrame: { url: 'file:///tmp/index.html' } }],
    ['a frame that is gone', { senderFrame: null }],
  ])('refuse a call from %s without running the function', async (_who, event) => {
    const getConfig = vi.fn(() => ({ ...settings, host: 'electron' as const }));
    const { invoke, log } = registered({ getConfig });
    await expect(invoke(DESK_CHANNEL_NAMES.getConfig, event)).rejects.toThrow(/only be called by the Balie app/);
    expect(getConfig).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('Refused'));
  });

  it('reject malformed arguments before the function runs', async () => {
    const getConfig = vi.fn(() => ({ ...settings, host: 'electron' as const }));
    const { invoke } = registered({ getConfig });
    await expect(invoke(DESK_CHANNEL_NAMES.getConfig, fromApp, { serverUrl: 'https://evil.example' })).rejects.toThrow(
      /malformed arguments/,
    );
    expect(getConfig).not.toHaveBeenCalled();
  });

  it('never hand the renderer an answer that breaks the contract', async () => {
    const { invoke } = registered({ getConfig: () => ({ ...settings, deviceId: 'not-a-uuid', host: 'electron' }) });
    await expect(invoke(DESK_CHANNEL_NAMES.getConfig, fromApp)).rejects.toThrow();
  });

  it('answer with the settings as they are now, not as they were at start', async () => {
    let current = settings;
    const { invoke } = registered(createDeskBridgeHandlers(() => current));
    current = { ...settings, serverUrl: 'https://balie.example.org' };
    await expect(invoke(DESK_CHANNEL_NAMES.getConfig, fromApp)).resolves.toMatchObject({
      serverUrl: 'https://balie.example.org',
    });
  });
});
