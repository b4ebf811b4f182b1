/** What the supervisors' routes (reports, steering report) share: the locations of a request, and CSV answers. */
import type { FastifyReply } from 'fastify';
import type { Principal } from '../auth/principal';
import type { Queryable } from '../db/database';
import { locationsInScope } from '../reports/report-scope';

/** The locations the request may cover, or null after answering 400/403/404 (see locationsInScope). */
export async function scopedLocations(db: Queryable, principal: Principal, location: string | undefined, reply: FastifyReply, single = false): Promise<string[] | null> {
  const scope = await locationsInScope(db, principal, location, { single });
  if (scope.ok) return scope.locationIds;
  void reply.code(scope.status).send({ error: scope.error, message: scope.message });
  return null;
}

/** A CSV download named `<name>.csv`. */
export function sendCsv(reply: FastifyReply, name: string, csv: string): FastifyReply {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .header('cache-control', 'no-store')
    // A byte order mark, so spreadsheets read the UTF-8 names and headers right.
    .send(`\uFEFF${csv}`);
}
