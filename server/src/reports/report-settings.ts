/** A location's report settings: the waiting-time target and when a silent desk counts as offline. */
import type { ReportSettings } from '../../../shared/reports/supervision-api';
import type { Queryable } from '../db/database';

export async function readReportSettings(db: Queryable, locationId: string): Promise<ReportSettings | null> {
  const rows = await db.query<ReportSettings>(
    'SELECT target_wait_seconds AS "targetWaitSeconds", offline_after_minutes AS "offlineAfterMinutes" FROM locations WHERE id = $1',
    [locationId],
  );
  return rows[0] ?? null;
}

export async function writeReportSettings(db: Queryable, locationId: string, settings: ReportSettings): Promise<void> {
  await db.query('UPDATE locations SET target_wait_seconds = $2, offline_after_minutes = $3 WHERE id = $1', [
    locationId,
    settings.targetWaitSeconds,
    settings.offlineAfterMinutes,
  ]);
}
