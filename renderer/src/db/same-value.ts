/**
 * Whether two stored values (plain objects, arrays, strings, numbers, booleans, null) are equal
 * field by field. A rebuild of the day makes new objects for every row; this tells which of them
 * really differ from the stored rows, so that only those are written.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, index) => sameValue(item, other[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  // A field that is undefined counts as absent, as in JSON and IndexedDB's clone of an omitted field.
  const present = (record: Record<string, unknown>) => Object.keys(record).filter((key) => record[key] !== undefined).length;
  if (present(left) !== present(right)) return false;
  return keys.every((key) => sameValue(left[key], right[key]));
}
