/**
 * The live view of a location: today's day as the server's reducer has it (booked day plus every
 * stored event, rebuilt as push does), read with the shared `liveStatus`, so the queue figures and
 * desk statuses are the shared ones by construction. The server adds what only it knows: when each
 * desk last synced, and so which open desks have gone quiet (offline).
 */
import { amsterdamDateOf } from '../../../shared/domain/calendar-date';
import { atDesk, deskStatusOf } from '../../../shared/domain/day-queries';
import { liveStatus } from '../../../shared/metrics/live';
import type { LiveDesk, LiveView } from '../../../shared/reports/supervision-api';
import type { Queryable } from '../db/database';
import { rebuildDayState } from '../sync/day-state-store';
import { clerkNamesOf } from './clerk-names';
import { readReportSettings } from './report-settings';

interface DeskRow {
  id: string;
  name: string;
  last_sync_at: string | null;
}

/** The live view of `locationId` at `now` (null when there is no such location). */
export async function liveView(db: Queryable, locationId: string, now = new Date()): Promise<LiveView | null> {
  const settings = await readReportSettings(db, locationId);
  if (!settings) return null;
  const at = now.toISOString();
  const day = amsterdamDateOf(now);
  const state = await rebuildDayState(db, locationId, day);
  const live = liveStatus(state, at, settings.targetWaitSeconds);
  const deskRows = await db.query<DeskRow>(
    `SELECT d.id, d.name,
            to_char(max(v.last_seen_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS last_sync_at
       FROM desks d LEFT JOIN devices v ON v.desk_id = d.id AND v.revoked_at IS NULL
      WHERE d.location_id = $1
      GROUP BY d.id, d.name`,
    [locationId],
  );
  const names = new Map(deskRows.map((row) => [row.id, row]));
  const clerkNames = await clerkNamesOf(db, Object.values(state.desks).flatMap((desk) => (desk?.clerkId ? [desk.clerkId] : [])));
  const quietSince = now.getTime() - settings.offlineAfterMinutes * 60_000;
  const desks: LiveDesk[] = Object.keys(live.desks).map((deskId) => {
    const desk = state.desks[deskId];
    const activity = deskStatusOf(state, deskId);
    const lastSyncAt = names.get(deskId)?.last_sync_at ?? null;
    const quiet = lastSyncAt === null || Date.parse(lastSyncAt) < quietSince;
    return {
      deskId,
      name: names.get(deskId)?.name ?? deskId,
      status: activity !== 'closed' && quiet ? 'offline' : activity,
      activity,
      clerkId: desk?.clerkId ?? null,
      clerkName: desk?.clerkId ? (clerkNames[desk.clerkId] ?? null) : null,
      pause: desk?.pause ? { reason: desk.pause.reason, note: desk.pause.note, since: desk.pause.since } : null,
      serving: atDesk(state, deskId).map((appointment) => ({
        appointmentId: appointment.id,
        appointmentCode: appointment.appointmentCode,
        ticket: appointment.ticket ?? null,
        service: appointment.service,
        status: appointment.status,
        calledAt: appointment.calledAt,
        serviceStartedAt: appointment.serviceStartedAt,
      })),
      lastSyncAt,
    };
  });
  // Everyone waiting (checked in, or sent on and not called yet), longest wait first.
  const waiting = Object.values(state.appointments)
    .filter((appointment) => appointment.status === 'arrived' || appointment.status === 'transferred')
    .map((appointment) => {
      const since = Date.parse(appointment.waitingSince ?? '');
      const waitSeconds = Number.isFinite(since) ? Math.max(0, now.getTime() - since) / 1000 : 0;
      return {
        appointmentId: appointment.id,
        appointmentCode: appointment.appointmentCode,
        ticket: appointment.ticket ?? null,
        service: appointment.service,
        status: appointment.status as 'arrived' | 'transferred',
        waitingSince: appointment.waitingSince,
        waitSeconds,
        overTarget: waitSeconds > settings.targetWaitSeconds,
      };
    })
    .sort((a, b) => b.waitSeconds - a.waitSeconds || (a.appointmentId < b.appointmentId ? -1 : 1));
  return {
    locationId,
    at,
    day,
    targetWaitSeconds: settings.targetWaitSeconds,
    offlineAfterMinutes: settings.offlineAfterMinutes,
    queueLength: live.queueLength,
    longestWaitSeconds: live.longestWaitSeconds,
    waitingBeyondTarget: live.waitingBeyondTarget,
    byService: live.byService,
    desks,
    waiting,
  };
}
