/**
 * The steering page's client of `GET /api/v1/steering` and its CSV, through the staff screens'
 * HTTP client: the answer is parsed with the shared zod schema, and every failure is a value the
 * page can put into words.
 */
import { queryOf, staffCsv, staffJson, type ApiFailure, type ApiResult, type StaffSession } from '../../api/staff-api';
import type { ReportLanguage } from '../../../../shared/reports/report-api';
import { steeringReportSchema, type SteeringReport } from '../../../../shared/steering/steering-api';

/** Where the server is and who asks (a supervisor, or an admin: `locationId` null for every location). */
export type SteeringSession = StaffSession;
export type SteeringFailure = ApiFailure;
export type SteeringResult<T> = ApiResult<T>;

/** A steering period, both days included. */
export interface SteeringPeriod {
  readonly from: string;
  readonly to: string;
}

/** The steering report of a period (and the previous period of the same length). */
export function fetchSteeringReport(session: SteeringSession, period: SteeringPeriod): Promise<SteeringResult<SteeringReport>> {
  return staffJson(session, `/api/v1/steering${queryOf(session, { from: period.from, to: period.to })}`, steeringReportSchema);
}

/** The same report as CSV, headers in `lang`: the file name the server gives and the text. */
export function fetchSteeringCsv(session: SteeringSession, period: SteeringPeriod, lang: ReportLanguage): Promise<SteeringResult<{ fileName: string; csv: Blob }>> {
  return staffCsv(session, `/api/v1/steering/export${queryOf(session, { from: period.from, to: period.to, lang })}`, 'steering.csv');
}
