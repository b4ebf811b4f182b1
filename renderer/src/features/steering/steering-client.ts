/**
 * The steering page's client of `GET /api/v1/steering` and its CSV: the answer is parsed with the
 * shared zod schema, and every failure is a value the page can put into words (as the supervisor's
 * report client does; features do not share code, so the few lines of HTTP are its own).
 */
import type { ReportLanguage } from '../../../../shared/reports/report-api';
import { steeringReportSchema, type SteeringReport } from '../../../../shared/steering/steering-api';

/**
 * Where the server is and who asks: the same shape as the supervisor's session. `locationId` null:
 * an admin asking for every location.
 */
export interface SteeringSession {
  readonly serverUrl: string;
  readonly token: string;
  readonly locationId: string | null;
}

/** A steering period, both days included. */
export interface SteeringPeriod {
  readonly from: string;
  readonly to: string;
}

export type SteeringFailure = {
  ok: false;
  error: 'offline' | 'unauthenticated' | 'forbidden' | 'not-found' | 'bad-request' | 'invalid-answer' | 'server-error';
  detail: string;
};
export type SteeringResult<T> = { ok: true; value: T } | SteeringFailure;

function failureOf(status: number, detail: string): SteeringFailure {
  if (status === 401) return { ok: false, error: 'unauthenticated', detail };
  if (status === 403) return { ok: false, error: 'forbidden', detail };
  if (status === 404) return { ok: false, error: 'not-found', detail };
  if (status === 400) return { ok: false, error: 'bad-request', detail };
  return { ok: false, error: 'server-error', detail: `HTTP ${status}: ${detail}` };
}

function pathOf(route: string, session: SteeringSession, params: Record<string, string>): string {
  const all = session.locationId ? { location: session.locationId, ...params } : params;
  return `${route}?${new URLSearchParams(all).toString()}`;
}

async function get(session: SteeringSession, path: string): Promise<{ ok: true; response: Response } | SteeringFailure> {
  try {
    const response = await fetch(`${session.serverUrl}${path}`, { headers: { authorization: `Bearer ${session.token}` } });
    if (response.ok) return { ok: true, response };
    const body = (await response.json().catch(() => ({}))) as { message?: unknown; problems?: { message: string }[] };
    const detail = body.problems?.map((problem) => problem.message).join('; ') ?? (typeof body.message === 'string' ? body.message : '');
    return failureOf(response.status, detail);
  } catch (error) {
    return { ok: false, error: 'offline', detail: error instanceof Error ? error.message : String(error) };
  }
}

/** The steering report of a period (and the previous period of the same length). */
export async function fetchSteeringReport(session: SteeringSession, period: SteeringPeriod): Promise<SteeringResult<SteeringReport>> {
  const answer = await get(session, pathOf('/api/v1/steering', session, { from: period.from, to: period.to }));
  if (!answer.ok) return answer;
  const parsed = steeringReportSchema.safeParse(await answer.response.json().catch(() => undefined));
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: 'invalid-answer', detail: parsed.error.message };
}

/** The same report as CSV, headers in `lang`: the file name the server gives and the text. */
export async function fetchSteeringCsv(session: SteeringSession, period: SteeringPeriod, lang: ReportLanguage): Promise<SteeringResult<{ fileName: string; csv: Blob }>> {
  const answer = await get(session, pathOf('/api/v1/steering/export', session, { from: period.from, to: period.to, lang }));
  if (!answer.ok) return answer;
  const disposition = answer.response.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'steering.csv';
  return { ok: true, value: { fileName, csv: await answer.response.blob() } };
}
