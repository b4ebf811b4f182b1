/**
 * Texts a clerk reads, in Dutch and in English, so the UI picks the language. Every expected
 * failure in shared/ is a {@link DomainError}: a stable code for programs and both texts for people.
 */

/** One text in both languages of the counter. */
export interface LocalizedText {
  readonly nl: string;
  readonly en: string;
}

/** An expected failure: what went wrong, as a code and as a sentence in Dutch and English. */
export interface DomainError {
  /** Stable, kebab-case: tests, logs and the server's conflict records use it. */
  readonly code: string;
  readonly message: LocalizedText;
}

/** Builds a {@link DomainError}. */
export function domainError(code: string, nl: string, en: string): DomainError {
  return { code, message: { nl, en } };
}

/** The failure half of every result in shared/. */
export interface Failure {
  readonly ok: false;
  readonly error: DomainError;
}

/** Wraps an error as a failed result. */
export function fail(error: DomainError): Failure {
  return { ok: false, error };
}
