/**
 * Offline unlock: a clerk who signed in online may unlock the desk with a PIN while the network is
 * gone, for a limited time. The server keeps a PBKDF2-SHA256 verifier of the PIN (a form the desk
 * checks with WebCrypto) and hands it to the desk at sign-in, valid until the session ends. A PIN
 * is short, so the verifier is slow to test and the desk keeps it only in its secure storage.
 */
import { pbkdf2, randomBytes } from 'node:crypto';
import type { OfflineUnlock, PinVerifier } from '../../../shared/sync/auth-api';

const ITERATIONS = 210_000;

export function makePinVerifier(pin: string): Promise<PinVerifier> {
  const salt = randomBytes(16);
  return new Promise((resolve, reject) =>
    pbkdf2(pin, salt, ITERATIONS, 32, 'sha256', (error, key) =>
      error ? reject(error) : resolve({ algorithm: 'PBKDF2-SHA256', salt: salt.toString('base64url'), iterations: ITERATIONS, hash: key.toString('base64url') }),
    ),
  );
}

/** What a desk gets at sign-in: the verifier, for as long as the session lasts. */
export function offlineUnlockFor(verifier: PinVerifier | null, validUntil: Date): OfflineUnlock | null {
  return verifier ? { ...verifier, validUntil: validUntil.toISOString() } : null;
}
