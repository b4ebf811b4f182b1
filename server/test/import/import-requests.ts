/** Calls of the import route, and a fingerprint of what an import may change, for the import tests. */
import { importReportSchema, type ImportReport } from '../../../shared/sync/import-api';
import type { Queryable } from '../../src/db/database';

export async function postCsv(
  server: { url: string },
  body: string | Uint8Array,
  options: { token?: string; location?: string; contentType?: string } = {},
): Promise<Response> {
  return fetch(`${server.url}/api/v1/import/appointments?location=${options.location ?? 'MAA'}`, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'text/csv; charset=utf-8',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body,
  });
}

/** Posts an export as an admin and parses the report with the shared schema (fails on any other answer). */
export async function importCsv(server: { url: string }, token: string, csv: string): Promise<ImportReport> {
  const response = await postCsv(server, csv, { token });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`import answered ${response.status}: ${text}`);
  return importReportSchema.parse(JSON.parse(text));
}

export interface StoredFingerprint {
  bookings: string;
  persons: string;
  appointments: string;
  changes: number;
  lastChange: string;
}

/** Every stored booking, person and appointment (as text, hashed), and the change feed's length and end. */
export async function storedFingerprint(db: Queryable): Promise<StoredFingerprint> {
  const [row] = await db.query<StoredFingerprint>(
    `SELECT (SELECT md5(coalesce(string_agg(b::text, '|' ORDER BY b.id), '')) FROM bookings b) AS bookings,
            (SELECT md5(coalesce(string_agg(p::text, '|' ORDER BY p.id), '')) FROM persons p) AS persons,
            (SELECT md5(coalesce(string_agg(a::text, '|' ORDER BY a.id), '')) FROM appointments a) AS appointments,
            (SELECT count(*)::int FROM changes) AS changes,
            (SELECT coalesce(max(seq), 0)::text FROM changes) AS "lastChange"`,
  );
  return row!;
}
