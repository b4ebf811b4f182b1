/**
 * Wire format of what a supervisor watches and does besides reports: the live view of a location
 * (`GET /api/v1/reports/live`), the per-location settings of the reports, and the review of the
 * conflicts the server recorded (`GET /api/v1/reports/conflicts`, resolved with a note).
 */
import { z } from 'zod';
import { APPOINTMENT_STATUSES, PAUSE_REASONS, SERVICE_CODES } from '../domain/codes';
import { resolutionNoteSchema } from '../sync/events';

const locationSchema = z.string().regex(/^[A-Z]{3}$/, 'expected a location code such as MAA');

/** `?location=`: which location; a supervisor may leave it out (their own). */
export const liveQuerySchema = z.object({ location: locationSchema.optional() });

/** Queue figures at an instant, as shared `liveStatus` has them. */
export const queueNowSchema = z.object({
  queueLength: z.int().min(0),
  longestWaitSeconds: z.number().min(0),
  waitingBeyondTarget: z.int().min(0),
});

/** What a desk is doing now. `offline`: open, but its desk device has not synced for a while. */
export const LIVE_DESK_STATUSES = ['closed', 'idle', 'serving', 'paused', 'offline'] as const;

/** One desk in the live view. */
export const liveDeskSchema = z.object({
  deskId: z.string(),
  name: z.string(),
  status: z.enum(LIVE_DESK_STATUSES),
  /** The status by the day's events alone (shared `deskStatusOf`), before the server's offline call. */
  activity: z.enum(['closed', 'idle', 'serving', 'paused']),
  clerkId: z.string().nullable(),
  /** The clerk's display name (null when no clerk or the account is gone). */
  clerkName: z.string().nullable(),
  /** While paused. */
  pause: z.object({ reason: z.enum(PAUSE_REASONS), note: z.string().nullable(), since: z.string() }).nullable(),
  /** Whom the desk has called or serves, and since when. */
  serving: z.array(
    z.object({
      appointmentId: z.string(),
      appointmentCode: z.string().nullable(),
      /** The waiting-room number the display called (null for an old check-in). */
      ticket: z.string().nullable(),
      service: z.enum(SERVICE_CODES),
      status: z.enum(APPOINTMENT_STATUSES),
      calledAt: z.string().nullable(),
      serviceStartedAt: z.string().nullable(),
    }),
  ),
  /** The last push of any device of this desk (ISO), or null. */
  lastSyncAt: z.string().nullable(),
});
export type LiveDesk = z.infer<typeof liveDeskSchema>;

/** One person in the waiting queue, longest wait first. */
export const waitingPersonSchema = z.object({
  appointmentId: z.string(),
  appointmentCode: z.string().nullable(),
  ticket: z.string().nullable(),
  service: z.enum(SERVICE_CODES),
  status: z.enum(['arrived', 'transferred']),
  waitingSince: z.string().nullable(),
  waitSeconds: z.number().min(0),
  overTarget: z.boolean(),
});

/** The live view of a location. */
export const liveViewSchema = queueNowSchema.extend({
  locationId: z.string(),
  /** The instant of the view (ISO) and the location's day it shows. */
  at: z.string(),
  day: z.string(),
  targetWaitSeconds: z.int().min(1),
  offlineAfterMinutes: z.int().min(1),
  byService: z.record(z.enum(SERVICE_CODES), queueNowSchema),
  desks: z.array(liveDeskSchema),
  waiting: z.array(waitingPersonSchema),
});
export type LiveView = z.infer<typeof liveViewSchema>;

/** The settings of a location's reports and live view. */
export const reportSettingsSchema = z.object({
  /** Service level target: a client should be called within this many seconds (default 300). */
  targetWaitSeconds: z.int().min(30).max(4 * 3600),
  /** A desk that is open but has not synced for this many minutes shows as offline (default 5). */
  offlineAfterMinutes: z.int().min(1).max(24 * 60),
});
export type ReportSettings = z.infer<typeof reportSettingsSchema>;

/** `?state=open|resolved|all` and the period of the conflicts (by the day they belong to). */
export const conflictQuerySchema = z.object({
  location: locationSchema.optional(),
  state: z.enum(['open', 'resolved', 'all']).default('open'),
});

/** A resolution: what the supervisor decided, in a note of their own. */
export const conflictResolutionRequestSchema = z.object({ note: resolutionNoteSchema });

const localizedText = z.object({ nl: z.string(), en: z.string() });

/** One recorded conflict with both sides: the desk's event and the server's state it did not fit. */
export const conflictRecordSchema = z.object({
  eventId: z.string(),
  locationId: z.string(),
  day: z.string(),
  detectedAt: z.string(),
  /** The desk's side: the event as the desk sent it. */
  event: z.record(z.string(), z.unknown()),
  /** Why the server could not apply it. */
  error: z.object({ code: z.string(), message: localizedText }),
  /** The server's side: the appointment's current state (null for a desk or booking event). */
  serverState: z.record(z.string(), z.unknown()).nullable(),
  /**
   * The supervisor's resolution, once resolved. `eventId` is its `conflictResolved` event in the log
   * (null for a resolution recorded before resolutions were events).
   */
  resolution: z.object({ resolvedAt: z.string(), resolvedBy: z.string(), note: z.string(), eventId: z.string().nullable() }).nullable(),
});
export type ConflictRecord = z.infer<typeof conflictRecordSchema>;

export const conflictListSchema = z.object({ conflicts: z.array(conflictRecordSchema) });
