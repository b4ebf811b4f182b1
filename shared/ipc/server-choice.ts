/**
 * Choosing the desk's server on a first run, the same on every host: the typed address must be a
 * plain http(s) URL, and a Balie server must answer its health check there. The host passes its
 * own way of fetching (the page's fetch, or the main process's), so this stays free of runtime APIs.
 */
import { healthResponseSchema } from '../sync/day';
import { deskConfigSchema, type ServerChoiceError } from './desk-bridge';

/** What the check needs of an HTTP answer. */
export interface HealthAnswer {
  status: number;
  json(): Promise<unknown>;
}

/**
 * The address as the desk keeps it (no trailing slash), or null when it is not a plain http(s)
 * URL: no user name or password in it, no query, no fragment.
 */
export function normalizeServerUrl(typed: string): string | null {
  // shared/ has no URL class (no DOM, no Node): a plain pattern, then zod's own URL check.
  const text = typed.trim();
  if (!/^https?:\/\/[^/?#@\s]+(\/[^?#\s]*)?$/i.test(text)) return null;
  const serverUrl = text.replace(/\/+$/, '');
  return deskConfigSchema.shape.serverUrl.safeParse(serverUrl).success ? serverUrl : null;
}

/**
 * Checks that a Balie server answers at `serverUrl`. A degraded server (its database is down,
 * answer 503) is still the right server: the desk can be set up and will sync once it recovers.
 */
export async function checkBalieServer(
  serverUrl: string,
  get: (url: string) => Promise<HealthAnswer>,
): Promise<{ ok: true } | { ok: false; error: ServerChoiceError }> {
  let answer: HealthAnswer;
  try {
    answer = await get(`${serverUrl}/api/v1/health`);
  } catch {
    return { ok: false, error: 'unreachable' };
  }
  if (answer.status !== 200 && answer.status !== 503) return { ok: false, error: 'not-balie' };
  const body = await answer.json().catch(() => null);
  return healthResponseSchema.safeParse(body).success ? { ok: true } : { ok: false, error: 'not-balie' };
}
