/**
 * UUIDv7 (RFC 9562) without a clock or a random source: the caller passes both in, so shared/
 * stays pure. The desk wraps this with `Date.now()` and `crypto.getRandomValues()`.
 */

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const MAX_UNIX_MS = 2 ** 48 - 1;

function hex(value: number, digits: number): string {
  return value.toString(16).padStart(digits, '0');
}

/**
 * Formats a UUIDv7 from a Unix time in milliseconds and at least 10 random bytes (0-255).
 * Throws on a time outside 0..2^48-1 or too few bytes: both are bugs in the caller.
 */
export function formatUuidV7(unixMs: number, randomBytes: ArrayLike<number>): string {
  if (!Number.isInteger(unixMs) || unixMs < 0 || unixMs > MAX_UNIX_MS) {
    throw new RangeError(`formatUuidV7: time ${unixMs} is not a 48-bit millisecond count`);
  }
  if (randomBytes.length < 10) throw new RangeError('formatUuidV7: needs 10 random bytes');
  const bytes = Array.from({ length: 10 }, (_, index) => (randomBytes[index] ?? 0) & 0xff);
  const [r0, r1, r2, ...rest] = bytes as [number, number, number, ...number[]];
  const time = hex(unixMs, 12);
  const versionAndRandA = hex(0x7000 | ((r0 & 0x0f) << 8) | r1, 4);
  const variantAndRandB = hex(0x80 | (r2 & 0x3f), 2) + hex(rest[0] ?? 0, 2);
  const node = rest.slice(1).map((byte) => hex(byte, 2)).join('');
  return `${time.slice(0, 8)}-${time.slice(8)}-${versionAndRandA}-${variantAndRandB}-${node}`;
}

/** True when `value` is a lower-case UUIDv7 as {@link formatUuidV7} writes it. */
export function isUuidV7(value: string): boolean {
  return UUID_V7.test(value);
}

/** The Unix time in milliseconds encoded in a UUIDv7. */
export function uuidV7Time(id: string): number {
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
