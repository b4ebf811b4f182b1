/**
 * What a barcode scanner or a hurried keyboard types is rarely clean: lower case, spaces, dashes,
 * a trailing carriage return, full-width characters from a Japanese keyboard layout. Every
 * identifier is normalised here before it is validated, so the desk and the server agree.
 */

const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/g;
const DASHES = /[-\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;
const ALREADY_CLEAN = /^[0-9A-Z]*$/;

/** C0 and C1 control characters: the scanner's carriage return, tab, group separator... */
function isControlCharacter(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}

/**
 * Normalises scanner or keyboard input: compatibility forms to plain letters and digits (NFKC),
 * control characters, spaces and dashes removed, upper case. `' v-123 al568\r'` → `'V123AL568'`.
 */
export function normaliseScannerInput(raw: string): string {
  // Most input is already clean (every appointment code of the day is indexed at the desk's start).
  if (ALREADY_CLEAN.test(raw)) return raw;
  const printable = [...raw.normalize('NFKC')].filter((character) => !isControlCharacter(character)).join('');
  return printable.replace(SPACES, '').replace(DASHES, '').toUpperCase();
}
