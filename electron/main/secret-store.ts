import { readFile, rename, rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import { z } from 'zod';
import { deskSessionSchema, deviceSecretSchema, type DeskSession } from '../../shared/ipc/desk-bridge';
import type { DeskLog } from './desk-log';

export const SECRETS_FILE = 'secrets.bin';

/** What the encrypted file holds. Each field is optional: a desk may be registered without a clerk signed in. */
const storedSecretsSchema = z.object({
  deviceSecret: deviceSecretSchema.optional(),
  session: deskSessionSchema.optional(),
});
type StoredSecrets = z.infer<typeof storedSecretsSchema>;

export type SecretStoreError = 'encryption-unavailable' | 'unreadable' | 'write-failed';
export type SecretFailure = { ok: false; error: SecretStoreError; message: string };

type Encryption = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

/**
 * Whether the OS really protects what safeStorage encrypts. On Linux without a keyring Chromium
 * falls back to `basic_text`, a key built into Chromium: that is plain text with extra steps, so
 * the store refuses it like no encryption at all.
 */
export function encryptionProblem(encryption: Encryption, platform: NodeJS.Platform): string | null {
  if (!encryption.isEncryptionAvailable()) return 'the operating system offers no encryption for this user';
  if (platform === 'linux' && encryption.getSelectedStorageBackend?.() === 'basic_text') {
    return 'no keyring (GNOME Keyring, KWallet) is running for this user';
  }
  return null;
}

/**
 * The desk's secrets (its device secret, the clerk's session token) in one file in the user data
 * folder, encrypted with the OS key store through safeStorage. Without real encryption nothing is
 * written: the caller gets `encryption-unavailable` and keeps the session in memory only. Values
 * never reach the log, only which secret was saved or cleared.
 */
export function createSecretStore(options: {
  folder: string;
  encryption: Encryption;
  log: Pick<DeskLog, 'info' | 'warn'>;
  platform?: NodeJS.Platform;
}) {
  const file = join(options.folder, SECRETS_FILE);
  const platform = options.platform ?? process.platform;
  const unavailable = (): SecretFailure | null => {
    const problem = encryptionProblem(options.encryption, platform);
    if (!problem) return null;
    return { ok: false, error: 'encryption-unavailable', message: `Secrets are not stored: ${problem}.` };
  };

  async function read(): Promise<{ ok: true; secrets: StoredSecrets } | SecretFailure> {
    const refused = unavailable();
    if (refused) return refused;
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, secrets: {} };
      return { ok: false, error: 'unreadable', message: `The secrets file cannot be read (${(error as NodeJS.ErrnoException).code}).` };
    }
    try {
      return { ok: true, secrets: storedSecretsSchema.parse(JSON.parse(options.encryption.decryptString(bytes))) };
    } catch {
      // A different user, a reset keyring or a damaged file: say so, never guess.
      return { ok: false, error: 'unreadable', message: 'The secrets file cannot be decrypted on this account.' };
    }
  }

  // One change at a time: two saves at once would each read the old file and one would be lost.
  let queue: Promise<unknown> = Promise.resolve();
  function write(change: (secrets: StoredSecrets) => StoredSecrets, what: string) {
    const next = queue.then(() => writeNow(change, what));
    queue = next.catch(() => undefined);
    return next;
  }

  async function writeNow(change: (secrets: StoredSecrets) => StoredSecrets, what: string) {
    const current = await read();
    if (!current.ok && current.error === 'encryption-unavailable') return current;
    if (!current.ok) {
      await rename(file, `${file}.unreadable`).catch(() => undefined);
      options.log.warn(`The secrets file could not be decrypted; it was set aside as ${SECRETS_FILE}.unreadable`);
    }
    const next = storedSecretsSchema.parse(change(current.ok ? current.secrets : {}));
    try {
      if (next.deviceSecret === undefined && next.session === undefined) {
        await rm(file, { force: true });
      } else {
        await mkdir(options.folder, { recursive: true });
        await writeFile(`${file}.tmp`, options.encryption.encryptString(JSON.stringify(next)), { mode: 0o600 });
        await rename(`${file}.tmp`, file);
      }
    } catch (error) {
      options.log.warn(`Could not write the secrets file: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
      return { ok: false as const, error: 'write-failed' as const, message: 'The secrets file could not be written.' };
    }
    options.log.info(what);
    return { ok: true as const };
  }

  return {
    saveSession: (session: DeskSession) => write((secrets) => ({ ...secrets, session }), 'A clerk session was saved'),
    clearSession: () => write(({ session: _gone, ...rest }) => rest, 'The clerk session was cleared'),
    async loadSession() {
      const current = await read();
      return current.ok ? { ok: true as const, session: current.secrets.session ?? null } : current;
    },
    saveDeviceSecret: (deviceSecret: string) =>
      write((secrets) => ({ ...secrets, deviceSecret }), 'The device secret was saved'),
    async loadDeviceSecret() {
      const current = await read();
      return current.ok ? { ok: true as const, deviceSecret: current.secrets.deviceSecret ?? null } : current;
    },
  };
}

export type SecretStore = ReturnType<typeof createSecretStore>;
