import { describe, expect, it } from 'vitest';
import { checkPin, makeDeskVerifier } from './pin-verifier';

const now = new Date('2026-11-25T10:00:00.000Z');

describe('checking a PIN on the desk against the verifier', () => {
  // The server's own verifier is checked end to end in lock-screen.test.tsx (set PIN, sign in, unlock).
  it('refuses even the right PIN once the verifier has expired', async () => {
    const verifier = await makeDeskVerifier('40817', '2026-11-25T09:59:59.000Z');
    expect(await checkPin('40817', verifier, now)).toBe('expired');
  });

  it('makes a verifier of the same form on the desk, which holds no trace of the PIN in plain text', async () => {
    const verifier = await makeDeskVerifier('582046', '2026-11-25T20:00:00.000Z');
    expect(verifier).toMatchObject({ algorithm: 'PBKDF2-SHA256', iterations: 210_000 });
    expect(JSON.stringify(verifier)).not.toContain('582046');
    expect(await checkPin('582046', verifier, now)).toBe('right');
    expect(await checkPin('582047', verifier, now)).toBe('wrong');
  });
});
