/**
 * The fast-track follow-up's client of `GET /api/v1/fast-track` and `PUT /api/v1/fast-track/{id}`,
 * on the staff screens' shared HTTP client: answers parsed with the shared zod schemas, every
 * failure a value the panel can put into words.
 */
import { fastTrackListSchema, type FastTrackList } from '../../../../shared/fast-track/fast-track-api';
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
