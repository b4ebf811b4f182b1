/**
 * The desk's side of offline unlock: a typed PIN is derived with PBKDF2-SHA256 (WebCrypto) and
 * compared with the verifier the server issued at sign-in (server/src/auth/pin-verifier.ts makes
 * it the same way). The PIN itself is never stored; the verifier only through the DeskBridge.
 */
import type { OfflineUnlock } from '../../../../shared/sync/auth-api';

const ITERATIONS = 210_000;
const HASH_BYTES = 32;

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '='));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

function toBase64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BYTES * 8));
}

/** Compares without stopping at the first difference. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  for (let index = 0; index < Math.min(a.length, b.length); index++) difference |= a[index]! ^ b[index]!;
  return difference === 0;
}

export type PinCheck = 'right' | 'wrong' | 'expired';

/** Whether `pin` matches the verifier, which counts only until its `validUntil`. */
export async function checkPin(pin: string, verifier: OfflineUnlock, now: Date): Promise<PinCheck> {
  if (Date.parse(verifier.validUntil) <= now.getTime()) return 'expired';
  const derived = await derive(pin, fromBase64Url(verifier.salt), verifier.iterations);
  return sameBytes(derived, fromBase64Url(verifier.hash)) ? 'right' : 'wrong';
}

/**
 * A verifier made on the desk from a PIN the clerk just set (and the server accepted), so the new
 * PIN unlocks this desk at once instead of after the next sign-in. Same form as the server's.
 */
export async function makeDeskVerifier(pin: string, validUntil: string): Promise<OfflineUnlock> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(pin, salt, ITERATIONS);
  return { algorithm: 'PBKDF2-SHA256', salt: toBase64Url(salt), iterations: ITERATIONS, hash: toBase64Url(hash), validUntil };
}
