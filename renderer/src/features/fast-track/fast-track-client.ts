/**
 * The fast-track follow-up's client of `GET /api/v1/fast-track` and `PUT /api/v1/fast-track/{id}`,
 * on the staff screens' shared HTTP client: answers parsed with the shared zod schemas, every
 * failure a value the panel can put into words.
 */
import { bsnImportReportSchema, type BsnImportReport } from '../../../../shared/fast-track/bsn-import-api';
import { fastTrackListSchema, type FastTrackList } from '../../../../shared/fast-track/fast-track-api';
import { importFileErrorSchema, type ImportReason } from '../../../../shared/sync/import-api';
import { queryOf, staffJson, staffRequest, type ApiFailure, type ApiResult, type StaffSession } from '../../api/staff-api';

/** Where the server is and who asks (a GemeenteLoket account, a supervisor, an admin: `locationId` null, every location). */
export type FastTrackSession = StaffSession;
export type FastTrackFailure = ApiFailure;

/** The registrations of these days (by registration day), both included. */
export interface FastTrackPeriod {
  readonly from: string;
  readonly to: string;
}

/** Every registration of the period at the session's location (an admin without one: all locations). */
export function fetchFastTrack(session: FastTrackSession, period: FastTrackPeriod): Promise<ApiResult<FastTrackList>> {
  return staffJson(session, `/api/v1/fast-track${queryOf(session, { from: period.from, to: period.to })}`, fastTrackListSchema);
}

/** Records the day the BSN was issued; null takes a wrong entry back. Only the date travels, never a BSN. */
export async function recordBsnDay(session: FastTrackSession, appointmentId: string, bsnIssuedOn: string | null): Promise<ApiResult<null>> {
  const answer = await staffRequest(session, `/api/v1/fast-track/${encodeURIComponent(appointmentId)}`, { method: 'PUT', body: JSON.stringify({ bsnIssuedOn }) });
  return answer.ok ? { ok: true, value: null } : answer;
}

/** An import's answer: the report, the file's reasons when it was refused as a whole, or another failure. */
export type BsnImportResult = { ok: true; report: BsnImportReport } | { ok: false; fileReasons: readonly ImportReason[] } | FastTrackFailure;

/** Sends the municipality's CSV of BSN days for the session's location. */
export async function importBsnDays(session: FastTrackSession, file: Blob): Promise<BsnImportResult> {
  const path = `/api/v1/import/bsn-issued${queryOf(session, {})}`;
  // The bytes as they are: the server itself refuses a file that is not UTF-8, rather than guessing.
  const answer = await staffRequest(session, path, { method: 'POST', body: await file.arrayBuffer(), headers: { 'content-type': 'text/csv' } });
  if (!answer.ok) {
    const refused = importFileErrorSchema.safeParse(answer.body);
    return refused.success ? { ok: false, fileReasons: refused.data.reasons } : answer;
  }
  const parsed = bsnImportReportSchema.safeParse(await answer.response.json().catch(() => undefined));
  return parsed.success ? { ok: true, report: parsed.data } : { ok: false, error: 'invalid-answer', detail: parsed.error.message };
}
