/**
 * A location's list of recognised sponsors (shared/steering/sponsor-list-api.ts). The keys are
 * made by the same SQL expression the steering report counts sponsors with, so a sponsor matches
 * its list entry however its name was typed in the booking system.
 */
import type { SponsorList } from '../../../shared/steering/sponsor-list-api';
import type { Database, Queryable } from '../db/database';
import { recordAudit } from '../repositories/audit';
import { SPONSOR_NAME_KEY } from '../steering/steering-sql';

/** Replaces the list in one transaction; returns how many distinct sponsors it holds. */
export async function replaceSponsorList(db: Database, accountId: string, locationId: string, sponsors: SponsorList['sponsors']): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('DELETE FROM location_sponsors WHERE location_id = $1', [locationId]);
    if (sponsors.length > 0) {
      await tx.query(
        `INSERT INTO location_sponsors (location_id, sponsor_key, name, name_key, kvk)
         SELECT $1, coalesce(s.kvk, ${SPONSOR_NAME_KEY('s.name')}), s.name, ${SPONSOR_NAME_KEY('s.name')}, s.kvk
           FROM unnest($2::text[], $3::text[]) AS s (name, kvk)
         ON CONFLICT (location_id, sponsor_key) DO NOTHING`,
        [locationId, sponsors.map((sponsor) => sponsor.name), sponsors.map((sponsor) => sponsor.kvk)],
      );
    }
    const [row] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM location_sponsors WHERE location_id = $1', [locationId]);
    const size = Number(row?.n ?? 0);
    await recordAudit(tx, { accountId, deviceId: null, action: 'sponsor-list-replaced', detail: { locationId, size } });
    return size;
  });
}

export async function readSponsorList(db: Queryable, locationId: string): Promise<SponsorList['sponsors']> {
  return db.query<{ name: string; kvk: string | null }>('SELECT name, kvk FROM location_sponsors WHERE location_id = $1 ORDER BY name_key, sponsor_key', [locationId]);
}
