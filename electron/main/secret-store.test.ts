import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSecretStore, SECRETS_FILE } from './secret-store';

// Stands in for the OS key store: reversible, but nothing like the plain text.
const fakeEncryption = (available = true, backend: 'gnome_libsecret' | 'basic_text' = 'gnome_libsecret') => ({
  isEncryptionAvailable: vi.fn(() => available),
  getSelectedStorageBackend: vi.fn(() => backend),
  encryptString: vi.fn((text: string) => Buffer.from(`enc:${Buffer.from(text).toString('base64').split('').reverse().join('')}`)),
  decryptString: vi.fn((bytes: Buffer) => {
    const text = bytes.toString();
    if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(text.slice(4).split('').reverse().join(''), 'base64').toString();
  }),
});

const session = {
  token: 'tok_3f9a1c0e7b2d4a6f8e1c',
  accountId: 'clerk-anna',
  expiresAt: '2026-03-02T17:00:00.000Z',
};
const deviceSecret = 'dev_9b8a7c6d5e4f3a2b1c0d';
let folder: string;
const log = { info: vi.fn(), warn: vi.fn() };

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'balie-secrets-'));
  log.info.mockClear();
  log.warn.mockClear();
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const store = (encryption = fakeEncryption(), platform: NodeJS.Platform = 'linux') =>
  createSecretStore({ folder, encryption, log, platform });

describe('the secret store', () => {
  it('keeps a clerk session encrypted on disk and gives it back', async () => {
    const secrets = store();
    await expect(secrets.saveSession(session)).resolves.toEqual({ ok: true });
    const onDisk = await readFile(join(folder, SECRETS_FILE), 'utf8');
    expect(onDisk).not.toContain(session.token);
    expect(onDisk).not.toContain('clerk-anna');
    await expect(store().loadSession()).resolves.toEqual({ ok: true, session });
  });

  it('keeps the device secret next to the session, and clearing the session keeps the device secret', async () => {
    const secrets = store();
    await secrets.saveDeviceSecret(deviceSecret);
    await secrets.saveSession(session);
    await expect(secrets.clearSession()).resolves.toEqual({ ok: true });
    await expect(secrets.loadSession()).resolves.toEqual({ ok: true, session: null });
    await expect(secrets.loadDeviceSecret()).resolves.toEqual({ ok: true, deviceSecret });
  });

  it('answers "nothing stored" before anything was saved, and removes the file when nothing is left', async () => {
    const secrets = store();
    await expect(secrets.loadSession()).resolves.toEqual({ ok: true, session: null });
    await expect(secrets.loadDeviceSecret()).resolves.toEqual({ ok: true, deviceSecret: null });
    await secrets.saveSession(session);
    await secrets.clearSession();
    expect(await readdir(folder)).toEqual([]);
  });

  it('refuses to store anything when the OS offers no encryption, and writes no file', async () => {
    const secrets = store(fakeEncryption(false));
    await expect(secrets.saveSession(session)).resolves.toMatchObject({ ok: false, error: 'encryption-unavailable' });
    await expect(secrets.saveDeviceSecret(deviceSecret)).resolves.toMatchObject({ ok: false, error: 'encryption-unavailable' });
    await expect(secrets.loadSession()).resolves.toMatchObject({ ok: false, error: 'encryption-unavailable' });
    expect(await readdir(folder)).toEqual([]);
  });

  it("treats Linux's basic_text fallback (no keyring) as no encryption", async () => {
    const secrets = store(fakeEncryption(true, 'basic_text'), 'linux');
    const answer = await secrets.saveSession(session);
    expect(answer).toMatchObject({ ok: false, error: 'encryption-unavailable' });
    expect(answer.ok === false && answer.message).toMatch(/keyring/);
    expect(await readdir(folder)).toEqual([]);
  });

  it('says the file is unreadable when it cannot be decrypted, and sets it aside on the next save', async () => {
    await writeFile(join(folder, SECRETS_FILE), 'written on another account');
    const secrets = store();
    await expect(secrets.loadSession()).resolves.toMatchObject({ ok: false, error: 'unreadable' });
    await expect(secrets.saveSession(session)).resolves.toEqual({ ok: true });
    await expect(secrets.loadSession()).resolves.toEqual({ ok: true, session });
    expect((await readdir(folder)).sort()).toEqual([SECRETS_FILE, `${SECRETS_FILE}.unreadable`]);
  });

  it('loses neither of two saves made at the same moment', async () => {
    const secrets = store();
    await Promise.all([secrets.saveSession(session), secrets.saveDeviceSecret(deviceSecret)]);
    await expect(secrets.loadSession()).resolves.toEqual({ ok: true, session });
    await expect(secrets.loadDeviceSecret()).resolves.toEqual({ ok: true, deviceSecret });
  });

  it('never writes a secret value into the log', async () => {
    const secrets = store();
    await secrets.saveSession(session);
    await secrets.saveDeviceSecret(deviceSecret);
    await secrets.clearSession();
    const logged = JSON.stringify([...log.info.mock.calls, ...log.warn.mock.calls]);
    expect(logged).not.toContain(session.token);
    expect(logged).not.toContain(deviceSecret);
    expect(log.info).toHaveBeenCalledWith('A clerk session was saved');
  });
});
