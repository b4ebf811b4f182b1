/**
 * What the database cannot take from outside: PostgreSQL stores no U+0000 (NUL) in `text` or
 * `jsonb` (the query fails), and JSON nested thousands deep overflows the stack of whatever walks
 * it (JSON.stringify, the jsonb parser). So input is checked before it reaches SQL: request parts
 * are refused with 400, a pushed event is rejected on its own.
 */

/** Deeper than any checklist definition or event gets (conditions nest a few levels). */
export const MAX_JSON_DEPTH = 64;

/** Why the value cannot be stored as it is, or null. Walks without recursion, so any depth is safe. */
export function unstorableReason(value: unknown): string | null {
  const stack: Array<{ item: unknown; depth: number }> = [{ item: value, depth: 0 }];
  while (stack.length > 0) {
    const { item, depth } = stack.pop()!;
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return 'text may not hold the character U+0000';
      continue;
    }
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= MAX_JSON_DEPTH) return `nested more than ${MAX_JSON_DEPTH} levels deep`;
    for (const [key, child] of Object.entries(item)) {
      if (key.includes('\u0000')) return 'text may not hold the character U+0000';
      stack.push({ item: child, depth: depth + 1 });
    }
  }
  return null;
}
