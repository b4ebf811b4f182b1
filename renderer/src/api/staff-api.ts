/**
 * The HTTP client the staff's browser screens share (supervisor, steering report, fast-track
 * follow-up): a bearer session, answers parsed with the shared zod schemas, and every failure a
 * value a screen can put into words. Features may not import each other, so it lives here.
 */
import type { z } from 'zod';

/** Where the server is and who asks. `locationId` null: an admin looking at every location. */
export interface StaffSession {
  readonly serverUrl: string;
  readonly token: string;
  readonly locationId: string | null;
}

export type ApiFailure = {
  ok: false;
  error: 'offline' | 'unauthenticated' | 'forbidden' | 'not-found' | 'invalid-answer' | 'server-error' | 'bad-request' | 'refused';
  detail: string;
  /** The refusal's JSON body, for a screen that shows more than the message (an import's reasons). */
  body?: unknown;
};
export type ApiResult<T> = { ok: true; value: T } | ApiFailure;

/** `?location=…&…` with the session's location first (left out for an admin looking at all). */
export function queryOf(session: StaffSession, params: Record<string, string>): string {
  const all = session.locationId ? { location: session.locationId, ...params } : params;
  const text = new URLSearchParams(all).toString();
  return text ? `?${text}` : '';
}

function failureOf(status: number, detail: string, body: unknown): ApiFailure {
  if (status === 401) return { ok: false, error: 'unauthenticated', detail, body };
  if (status === 403) return { ok: false, error: 'forbidden', detail, body };
  if (status === 404) return { ok: false, error: 'not-found', detail, body };
  if (status === 400) return { ok: false, error: 'bad-request', detail, body };
  // The request was understood but does not fit what the server holds now (e.g. a conflict resolved meanwhile).
  if (status === 409) return { ok: false, error: 'refused', detail, body };
  return { ok: false, error: 'server-error', detail: `HTTP ${status}: ${detail}`, body };
}

/**
 * Sends the request with the session's token (a body is JSON unless `init.headers` says otherwise);
 * a refusal's message (or its problems) becomes the detail.
 */
export async function staffRequest(session: StaffSession, path: string, init: RequestInit = {}): Promise<{ ok: true; response: Response } | ApiFailure> {
  try {
    const response = await fetch(`${session.serverUrl}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${session.token}`, ...(init.body ? { 'content-type': 'application/json' } : {}), ...(init.headers as Record<string, string> | undefined) },
    });
    if (response.ok) return { ok: true, response };
    const body = (await response.json().catch(() => ({}))) as { message?: unknown; problems?: { message: string }[] };
    const detail = body.problems?.map((problem) => problem.message).join('; ') ?? (typeof body.message === 'string' ? body.message : '');
    return failureOf(response.status, detail, body);
  } catch (error) {
    return { ok: false, error: 'offline', detail: error instanceof Error ? error.message : String(error) };
  }
}

/** A JSON answer checked against `schema`. */
export async function staffJson<Schema extends z.ZodType>(session: StaffSession, path: string, schema: Schema, init?: RequestInit): Promise<ApiResult<z.infer<Schema>>> {
  const answer = await staffRequest(session, path, init);
  if (!answer.ok) return answer;
  const parsed = schema.safeParse(await answer.response.json().catch(() => undefined));
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: 'invalid-answer', detail: parsed.error.message };
}

/** A CSV download as the server sends it: its file name (from content-disposition) and text. */
export async function staffCsv(session: StaffSession, path: string, fallbackName: string): Promise<ApiResult<{ fileName: string; csv: Blob }>> {
  const answer = await staffRequest(session, path);
  if (!answer.ok) return answer;
  const disposition = answer.response.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  return { ok: true, value: { fileName, csv: await answer.response.blob() } };
}
