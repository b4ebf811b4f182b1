import { describe, expect, it, vi } from 'vitest';
import { DESK_CHANNEL_NAMES } from '../../shared/ipc/channel-names';
import { deskBridgeContract, type DeskBridgeHandlers } from '../../shared/ipc/desk-bridge';
import { createDeskBridgeHandlers, registerDeskBridgeHandlers, type DeskServices } from './ipc-handlers';

type InvokeListener = (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => Promise<unknown>;

const settings = { serverUrl: 'http://127.0.0.1:4870', deviceId: '0b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4', serverUrlChosen: true };
const fromApp = { senderFrame: { url: 'balie://app/index.html' } };
const session = { token: 'tok_3f9a1c0e7b2d4a6f8e1c', accountId: 'clerk-anna', expiresAt: '2026-03-02T17:00:00.000Z' };
const handout = { appointmentCode: 'MAA-K7Q2M9', service: 'BIO', date: '2026-03-02', time: '09:40', desk: 'Balie 3' };

function fakeServices(overrides: Partial<DeskServices> = {}): DeskServices {
  return {
    settings: () => settings,
    chooseServerUrl: vi.fn(async () => ({ ok: false as const, error: 'unreachable' as const })),
    recoveryNotice: () => null,
    secrets: {
      saveSession: vi.fn(async () => ({ ok: true as const })),
      loadSession: vi.fn(async () => ({ ok: true as const, session })),
      clearSession: vi.fn(async () => ({ ok: true as const })),
      saveDeviceSecret: vi.fn(async () => ({ ok: true as const })),
      loadDeviceSecret: vi.fn(async () => ({ ok: true as const, deviceSecret: null })),
    },
    printReceipt: vi.fn(async () => ({ ok: true as const, path: '/home/desk/.config/Balie/receipts/r.pdf' })),
    ...overrides,
  };
}

function registered(handlers: DeskBridgeHandlers = createDeskBridgeHandlers(fakeServices())) {
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

  it('tell the app shell where this desk prints its handouts, when an administrator chose it', async () => {
    const { invoke } = registered(createDeskBridgeHandlers(fakeServices({ settings: () => ({ ...settings, receiptOutput: 'pdf' }) })));
    await expect(invoke(DESK_CHANNEL_NAMES.getConfig, fromApp)).resolves.toEqual({ ...settings, host: 'electron', receiptOutput: 'pdf' });
  });

  it.each([
    ['a foreign page', { senderFrame: { url: 'https://evil.example/' } }],
    ['another balie host', { senderFrame: { url: 'balie://evil/index.html' } }],
    ['a file page', { senderFrame: { url: 'file:///tmp/index.html' } }],
    ['a frame that is gone', { senderFrame: null }],
  ])('refuse a call from %s without running the function', async (_who, event) => {
    const getConfig = vi.fn(() => ({ ...settings, host: 'electron' as const }));
    const { invoke, log } = registered({ ...createDeskBridgeHandlers(fakeServices()), getConfig });
    await expect(invoke(DESK_CHANNEL_NAMES.getConfig, event)).rejects.toThrow(/only be called by the Balie app/);
    expect(getConfig).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('Refused'));
  });

  it('reject malformed arguments before the function runs', async () => {
    const getConfig = vi.fn(() => ({ ...settings, host: 'electron' as const }));
    const { invoke } = registered({ ...createDeskBridgeHandlers(fakeServices()), getConfig });
    await expect(invoke(DESK_CHANNEL_NAMES.getConfig, fromApp, { serverUrl: 'https://evil.example' })).rejects.toThrow(
      /malformed arguments/,
    );
    expect(getConfig).not.toHaveBeenCalled();
  });

  it('never hand the renderer an answer that breaks the contract', async () => {
    const { invoke } = registered({
      ...createDeskBridgeHandlers(fakeServices()),
      getConfig: () => ({ ...settings, deviceId: 'not-a-uuid', host: 'electron' }),
    });
    await expect(invoke(DESK_CHANNEL_NAMES.getConfig, fromApp)).rejects.toThrow();
  });

  it('answer with the settings as they are now, not as they were at start', async () => {
    let current = settings;
    const { invoke } = registered(createDeskBridgeHandlers(fakeServices({ settings: () => current })));
    current = { ...settings, serverUrl: 'https://balie.example.org' };
    await expect(invoke(DESK_CHANNEL_NAMES.getConfig, fromApp)).resolves.toMatchObject({
      serverUrl: 'https://balie.example.org',
    });
  });

  it('never tell the renderer where updates come from', async () => {
    const { invoke } = registered(
      createDeskBridgeHandlers(fakeServices({ settings: () => ({ ...settings, updateUrl: 'https://updates.example.org/' }) })),
    );
    await expect(invoke(DESK_CHANNEL_NAMES.getConfig, fromApp)).resolves.toEqual({ ...settings, host: 'electron' });
  });

  it('tell the app shell where this desk prints its handouts, when an administrator chose it', async () => {
    const { invoke } = registered(createDeskBridgeHandlers(fakeServices({ settings: () => ({ ...settings, receiptOutput: 'pdf' }) })));
    await expect(invoke(DESK_CHANNEL_NAMES.getConfig, fromApp)).resolves.toEqual({ ...settings, host: 'electron', receiptOutput: 'pdf' });
  });

  it('hand a valid session to the secret store and refuse a malformed one before it gets there', async () => {
    const services = fakeServices();
    const { invoke } = registered(createDeskBridgeHandlers(services));
    await expect(invoke(DESK_CHANNEL_NAMES.saveSession, fromApp, session)).resolves.toEqual({ ok: true });
    expect(services.secrets.saveSession).toHaveBeenCalledWith(session);
    await expect(invoke(DESK_CHANNEL_NAMES.saveSession, fromApp, { ...session, token: 'short' })).rejects.toThrow(/malformed/);
    await expect(invoke(DESK_CHANNEL_NAMES.saveSession, fromApp)).rejects.toThrow(/malformed/);
    expect(services.secrets.saveSession).toHaveBeenCalledOnce();
    await expect(invoke(DESK_CHANNEL_NAMES.loadSession, fromApp)).resolves.toEqual({ ok: true, session });
  });

  it('pass on "no encryption" from the secret store as an answer the renderer can show', async () => {
    const services = fakeServices();
    services.secrets.saveDeviceSecret = vi.fn(async () => ({
      ok: false as const,
      error: 'encryption-unavailable' as const,
      message: 'Secrets are not stored: no keyring.',
    }));
    const { invoke } = registered(createDeskBridgeHandlers(services));
    await expect(invoke(DESK_CHANNEL_NAMES.saveDeviceSecret, fromApp, 'dev_9b8a7c6d5e4f3a2b1c0d')).resolves.toMatchObject({
      ok: false,
      error: 'encryption-unavailable',
    });
  });

  it('print a handout only for a well-formed receipt, printer by default', async () => {
    const services = fakeServices();
    const { invoke } = registered(createDeskBridgeHandlers(services));
    await expect(invoke(DESK_CHANNEL_NAMES.printReceipt, fromApp, handout)).resolves.toMatchObject({ ok: true });
    expect(services.printReceipt).toHaveBeenCalledWith({ ...handout, output: 'printer' });
    for (const broken of [
      { ...handout, appointmentCode: '<b>x</b>' },
      { ...handout, appointmentCode: 'maa-k7q2m9' },
      { ...handout, appointmentCode: 'MAA--K7Q2M9' },
      { ...handout, appointmentCode: 'A'.repeat(33) },
      { ...handout, service: 'XYZ' },
      { ...handout, date: '2026-02-30' },
      { ...handout, time: '25:00' },
      { ...handout, desk: '' },
      { ...handout, output: 'fax' },
    ]) {
      await expect(invoke(DESK_CHANNEL_NAMES.printReceipt, fromApp, broken)).rejects.toThrow(/malformed/);
    }
    expect(services.printReceipt).toHaveBeenCalledOnce();
  });

  it('tell the renderer why it was reloaded', async () => {
    const notice = { reason: 'crashed' as const, at: '2026-03-02T09:15:00.000Z', count: 1 };
    const { invoke } = registered(createDeskBridgeHandlers(fakeServices({ recoveryNotice: () => notice })));
    await expect(invoke(DESK_CHANNEL_NAMES.getRecoveryNotice, fromApp)).resolves.toEqual(notice);
  });
});
