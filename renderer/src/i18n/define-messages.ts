/** A feature's texts: Dutch as written, English with exactly the same keys (checked by the compiler). */
export function defineMessages<const Dutch extends Record<string, string>>(nl: Dutch, en: Record<keyof Dutch, string>) {
  return { nl, en };
}
