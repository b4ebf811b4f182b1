/**
 * The desk's HTTP calls of the sync protocol (docs/sync-protocol.md): push and pull with the
 * session's bearer token. Failures are values the loops act on: `offline` and `server-error`
 * (5xx) back off and retry, `unauthenticated` (401) stops the loops until the clerk signs in again,
 * `refused` (another 4xx) and `invalid-answer` are shown and retried later.
 */
import { pullResponseSchema, pushResponseSchema, type PullResponse, type PushRequest, type PushResponse } from '../../../../shared/sync/push-pull';

export type SyncFailureReason = 'offline' | 'server-error' | 'unauthenticated' | 'refused' | 'invalid-answer';
export type SyncFailure = { ok: false; reason: SyncFailureReason; detail: string };

/** Where and as whom the desk syncs. */
export interface SyncConnection {
  readonly serverUrl: string;
  readonly token: string;
  /** Replaced in tests; the page's fetch otherwise. */
  readonly fetch?: typeof fetch;
  /** Aborts the request when the engine stops (an aborted push is resent later: pushes are idempotent). */
  readonly signal?: AbortSignal;
}

const REQUEST_TIMEOUT_MS = 20_000;

/** Whether a failure is worth retrying with backoff (the network or the server, not the desk). */
export function isTransient(failure: SyncFailure): boolean {
  return failure.reason === 'offline' || failure.reason === 'server-error';
}

async function call<Answer>(
  connection: SyncConnection,
  path: string,
  init: RequestInit,
  parse: (body: unknown) => { success: true; data: Answer } | { success: false; error: { message: string } },
): Promise<{ ok: true; answer: Answer } | SyncFailure> {
  const doFetch = connection.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(`${connection.serverUrl}${path}`, {
      ...init,
      headers: { ...init.headers, authorization: `Bearer ${connection.token}` },
      signal: connection.signal ? AbortSignal.any([connection.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]) : AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    return { ok: false, reason: 'offline', detail: error instanceof Error ? error.message : String(error) };
  }
  if (response.status === 401) return { ok: false, reason: 'unauthenticated', detail: 'HTTP 401' };
  if (response.status >= 500) return { ok: false, reason: 'server-error', detail: `HTTP ${response.status}` };
  if (!response.ok) return { ok: false, reason: 'refused', detail: `HTTP ${response.status}: ${await response.text().catch(() => '')}` };
  const parsed = parse(await response.json().catch(() => null));
  return parsed.success ? { ok: true, answer: parsed.data } : { ok: false, reason: 'invalid-answer', detail: parsed.error.message };
}

export function pushEvents(connection: SyncConnection, request: PushRequest): Promise<{ ok: true; answer: PushResponse } | SyncFailure> {
  return call(
    connection,
    '/api/v1/sync/push',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) },
    (body) => pushResponseSchema.safeParse(body),
  );
}

export function pullPage(connection: SyncConnection, since: string, limit: number): Promise<{ ok: true; answer: PullResponse } | SyncFailure> {
  const query = new URLSearchParams({ since, limit: String(limit) });
  return call(connection, `/api/v1/sync/pull?${query}`, { method: 'GET' }, (body) => pullResponseSchema.safeParse(body));
}
