/**
 * The supervisor's client of the report routes (`/api/v1/reports/...`): every answer is parsed
 * with the shared zod schemas, and every failure is a value a screen can put into words.
 */
import type { z } from 'zod';
import { reportSchema, type Report, type ReportLanguage } from '../../../../shared/reports/report-api';
import type { ReportTable } from '../../../../shared/reports/report-tables';
import {
  conflictListSchema,
  conflictRecordSchema,
  liveViewSchema,
  reportSettingsSchema,
  type ConflictRecord,
  type LiveView,
  type ReportSettings,
} from '../../../../shared/reports/supervision-api';

/** Where the server is and who asks. `locationId` null: an admin looking at every location. */
export interface SupervisorSession {
  readonly serverUrl: string;
  readonly token: string;
  readonly locationId: string | null;
}

export type ApiFailure = { ok: false; error: 'offline' | 'unauthenticated' | 'forbidden' | 'not-found' | 'invalid-answer' | 'server-error' | 'bad-request'; detail: string };
export type ApiResult<T> = { ok: true; value: T } | ApiFailure;

/** The period of a report: one day, an ISO week, or a range of days (inclusive). */
export type ReportPeriod = { kind: 'day'; date: string } | { kind: 'week'; week: string } | { kind: 'range'; from: string; to: string };

function periodParams(period: ReportPeriod): Record<string, string> {
  switch (period.kind) {
    case 'day': return { date: period.date };
    case 'week': return { week: period.week };
    case 'range': return { from: period.from, to: period.to };
  }
}

function query(session: SupervisorSession, params: Record<string, string>): string {
  const all = session.locationId ? { location: session.locationId, ...params } : params;
  const text = new URLSearchParams(all).toString();
  return text ? `?${text}` : '';
}

function failureOf(status: number, detail: string): ApiFailure {
  if (status === 401) return { ok: false, error: 'unauthenticated', detail };
  if (status === 403) return { ok: false, error: 'forbidden', detail };
  if (status === 404) return { ok: false, error: 'not-found', detail };
  if (status === 400) return { ok: false, error: 'bad-request', detail };
  return { ok: false, error: 'server-error', detail: `HTTP ${status}: ${detail}` };
}

async function request(session: SupervisorSession, path: string, init: RequestInit = {}): Promise<{ ok: true; response: Response } | ApiFailure> {
  try {
    const response = await fetch(`${session.serverUrl}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${session.token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
    });
    if (response.ok) return { ok: true, response };
    const body = (await response.json().catch(() => ({}))) as { message?: unknown; problems?: { message: string }[] };
    const detail = body.problems?.map((problem) => problem.message).join('; ') ?? (typeof body.message === 'string' ? body.message : '');
    return failureOf(response.status, detail);
  } catch (error) {
    return { ok: false, error: 'offline', detail: error instanceof Error ? error.message : String(error) };
  }
}

async function getJson<Schema extends z.ZodType>(session: SupervisorSession, path: string, schema: Schema, init?: RequestInit): Promise<ApiResult<z.infer<Schema>>> {
  const answer = await request(session, path, init);
  if (!answer.ok) return answer;
  const parsed = schema.safeParse(await answer.response.json().catch(() => undefined));
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: 'invalid-answer', detail: parsed.error.message };
}

/** The live view of the session's location (an admin must have chosen one). */
export async function fetchLiveView(session: SupervisorSession): Promise<ApiResult<LiveView>> {
  const answer = await getJson(session, `/api/v1/reports/live${query(session, {})}`, liveViewSchema.nullable());
  if (answer.ok && answer.value === null) return { ok: false, error: 'not-found', detail: session.locationId ?? '' };
  return answer as ApiResult<LiveView>;
}

export function fetchReport(session: SupervisorSession, period: ReportPeriod): Promise<ApiResult<Report>> {
  return getJson(session, `/api/v1/reports${query(session, periodParams(period))}`, reportSchema);
}

export function fetchSettings(session: SupervisorSession): Promise<ApiResult<ReportSettings>> {
  return getJson(session, `/api/v1/reports/settings${query(session, {})}`, reportSettingsSchema);
}

export function saveSettings(session: SupervisorSession, settings: ReportSettings): Promise<ApiResult<ReportSettings>> {
  return getJson(session, `/api/v1/reports/settings${query(session, {})}`, reportSettingsSchema, { method: 'PUT', body: JSON.stringify(settings) });
}

export async function fetchConflicts(session: SupervisorSession, state: 'open' | 'resolved' | 'all'): Promise<ApiResult<ConflictRecord[]>> {
  const answer = await getJson(session, `/api/v1/reports/conflicts${query(session, { state })}`, conflictListSchema);
  return answer.ok ? { ok: true, value: answer.value.conflicts } : answer;
}

export function resolveConflict(session: SupervisorSession, eventId: string, note: string): Promise<ApiResult<ConflictRecord>> {
  return getJson(session, `/api/v1/reports/conflicts/${encodeURIComponent(eventId)}/resolution`, conflictRecordSchema, {
    method: 'POST',
    body: JSON.stringify({ note }),
  });
}

/** What to export: a report table, or the events of the period. */
export type ExportKind = { table: ReportTable } | { events: true };

/** A CSV export as the server sends it: its file name and text (the bearer header rules out a plain link). */
export async function fetchCsv(session: SupervisorSession, period: ReportPeriod, kind: ExportKind, lang: ReportLanguage): Promise<ApiResult<{ fileName: string; csv: Blob }>> {
  const path = 'table' in kind ? '/api/v1/reports/export' : '/api/v1/reports/events';
  const params = { ...periodParams(period), lang, ...('table' in kind ? { table: kind.table } : {}) };
  const answer = await request(session, `${path}${query(session, params)}`);
  if (!answer.ok) return answer;
  const disposition = answer.response.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'export.csv';
  return { ok: true, value: { fileName, csv: await answer.response.blob() } };
}
