/**
 * The supervisor's client of the report routes (`/api/v1/reports/...`): every answer is parsed
 * with the shared zod schemas, and every failure is a value a screen can put into words.
 */
import { queryOf, staffCsv, staffJson, type ApiFailure, type ApiResult, type StaffSession } from '../../api/staff-api';
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
export type SupervisorSession = StaffSession;
export type { ApiFailure, ApiResult };

/** The period of a report: one day, an ISO week, or a range of days (inclusive). */
export type ReportPeriod = { kind: 'day'; date: string } | { kind: 'week'; week: string } | { kind: 'range'; from: string; to: string };

function periodParams(period: ReportPeriod): Record<string, string> {
  switch (period.kind) {
    case 'day': return { date: period.date };
    case 'week': return { week: period.week };
    case 'range': return { from: period.from, to: period.to };
  }
}

/** The live view of the session's location (an admin must have chosen one). */
export async function fetchLiveView(session: SupervisorSession): Promise<ApiResult<LiveView>> {
  const answer = await staffJson(session, `/api/v1/reports/live${queryOf(session, {})}`, liveViewSchema.nullable());
  if (answer.ok && answer.value === null) return { ok: false, error: 'not-found', detail: session.locationId ?? '' };
  return answer as ApiResult<LiveView>;
}

export function fetchReport(session: SupervisorSession, period: ReportPeriod): Promise<ApiResult<Report>> {
  return staffJson(session, `/api/v1/reports${queryOf(session, periodParams(period))}`, reportSchema);
}

export function fetchSettings(session: SupervisorSession): Promise<ApiResult<ReportSettings>> {
  return staffJson(session, `/api/v1/reports/settings${queryOf(session, {})}`, reportSettingsSchema);
}

export function saveSettings(session: SupervisorSession, settings: ReportSettings): Promise<ApiResult<ReportSettings>> {
  return staffJson(session, `/api/v1/reports/settings${queryOf(session, {})}`, reportSettingsSchema, { method: 'PUT', body: JSON.stringify(settings) });
}

export async function fetchConflicts(session: SupervisorSession, state: 'open' | 'resolved' | 'all'): Promise<ApiResult<ConflictRecord[]>> {
  const answer = await staffJson(session, `/api/v1/reports/conflicts${queryOf(session, { state })}`, conflictListSchema);
  return answer.ok ? { ok: true, value: answer.value.conflicts } : answer;
}

export function resolveConflict(session: SupervisorSession, eventId: string, note: string): Promise<ApiResult<ConflictRecord>> {
  return staffJson(session, `/api/v1/reports/conflicts/${encodeURIComponent(eventId)}/resolution`, conflictRecordSchema, {
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
  return staffCsv(session, `${path}${queryOf(session, params)}`, 'export.csv');
}
