/**
 * The `data` of each pulled change (`GET /api/v1/sync/pull`), by entity: the entity's whole new
 * state as the server's reducer keeps it. The desk parses every change with these schemas before it
 * stores anything, so a malformed answer stores nothing. Unknown fields are stripped (clients must
 * ignore fields they do not know, docs/sync-protocol.md §7).
 */
import { z } from 'zod';
import type { AppointmentState } from '../domain/appointment-state';
import { APPOINTMENT_STATUSES, OUTCOME_CODES, PAUSE_REASONS } from '../domain/codes';
import type { EventConflict } from '../domain/day-state';
import type { DeskState } from '../domain/desk-machine';
import { appointmentSchema, personSchema, type Person } from '../domain/model';
import { stepValueSchema } from '../checklists/step-value';
import { EVENT_TYPES, type BalieEventType } from './events';

const instant = z.iso.datetime({ offset: true });
const localizedText = z.object({ nl: z.string(), en: z.string() });

/** One person's appointment for one service, with where its lifecycle stands. */
export const appointmentStateSchema = appointmentSchema.extend({
  status: z.enum(APPOINTMENT_STATUSES),
  deskId: z.string().nullable(),
  clerkId: z.string().nullable(),
  checkedInAt: instant.nullable(),
  // Absent in states stored before tickets existed.
  ticket: z.string().nullable().default(null),
  waitingSince: instant.nullable(),
  calledAt: instant.nullable(),
  callCount: z.int().min(0),
  serviceStartedAt: instant.nullable(),
  finishedAt: instant.nullable(),
  outcome: z.enum(OUTCOME_CODES).nullable(),
  outcomeReason: z.string().nullable(),
  parkReason: z.string().nullable(),
  steps: z.record(
    z.string(),
    z.object({ checklistId: z.string(), checklistVersion: z.int(), value: stepValueSchema, recordedAt: instant, clerkId: z.string() }),
  ),
  transferredTo: z.string().nullable(),
  transferredFrom: z.string().nullable(),
  notes: z.array(z.object({ text: z.string(), at: instant, clerkId: z.string() })),
  // Absent until the client rated the service (and in states stored before ratings existed).
  rating: z.object({ score: z.int().min(1).max(10), ratedAt: instant, deskId: z.string() }).optional(),
}) satisfies z.ZodType<AppointmentState>;

/** A desk's state during the day. */
export const deskStateSchema = z.object({
  id: z.string().min(1),
  locationId: z.string().min(1),
  status: z.enum(['closed', 'open', 'paused']),
  clerkId: z.string().nullable(),
  openedAt: instant.nullable(),
  pause: z.object({ reason: z.enum(PAUSE_REASONS), note: z.string().nullable(), since: instant }).nullable(),
}) satisfies z.ZodType<DeskState>;

/** An event the server kept but could not apply, open or resolved. */
export const eventConflictSchema = z.object({
  eventId: z.string().min(1),
  type: z.enum(EVENT_TYPES as [BalieEventType, ...BalieEventType[]]),
  appointmentId: z.string().nullable(),
  deskId: z.string(),
  clerkId: z.string(),
  occurredAt: instant,
  error: z.object({ code: z.string(), message: localizedText }),
  /** Absent while open; a supervisor's resolution (the `conflictResolved` event) once resolved. */
  resolution: z.object({ eventId: z.string().min(1), note: z.string(), resolvedBy: z.string(), resolvedAt: instant }).optional(),
}) satisfies z.ZodType<EventConflict>;

/** A change whose data is parsed by its entity. Checklists stay unknown here: the checklist feature parses them. */
export type ParsedChange =
  | { readonly seq: string; readonly entity: 'appointment'; readonly id: string; readonly data: AppointmentState }
  | { readonly seq: string; readonly entity: 'person'; readonly id: string; readonly data: Person }
  | { readonly seq: string; readonly entity: 'desk'; readonly id: string; readonly data: DeskState }
  | { readonly seq: string; readonly entity: 'conflict'; readonly id: string; readonly data: EventConflict }
  | { readonly seq: string; readonly entity: 'checklist'; readonly id: string; readonly data: unknown };

const dataSchemas = {
  appointment: appointmentStateSchema,
  person: personSchema,
  desk: deskStateSchema,
  conflict: eventConflictSchema,
  checklist: z.unknown(),
} as const;

/** Parses one change's data by its entity; the problems name the change. */
export function parseChangeData(change: { seq: string; entity: keyof typeof dataSchemas; id: string; data: unknown }):
  | { ok: true; change: ParsedChange }
  | { ok: false; problems: string[] } {
  const result = dataSchemas[change.entity].safeParse(change.data);
  if (!result.success) {
    return { ok: false, problems: result.error.issues.map((issue) => `${change.entity} ${change.id}: ${issue.path.join('.')}: ${issue.message}`) };
  }
  return { ok: true, change: { ...change, data: result.data } as ParsedChange };
}
