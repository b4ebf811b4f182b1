/**
 * What the review lists show, read from IndexedDB: each event the server refused (it stays in the
 * outbox with the server's reason, never sent again, never dropped) and each conflict this desk
 * must know of, with both sides: what the desk did, and what the server said or holds now, and,
 * once a supervisor resolved it (the resolved conflict comes through the feed), the note.
 */
import { z } from 'zod';
import type { LocalizedText } from '../../../../shared/domain/messages';
import type { AppointmentStatus } from '../../../../shared/domain/codes';
import type { BalieEventType } from '../../../../shared/sync/events';
import type { DeskDatabase, StoredConflict } from '../../db/desk-db';

/** The reason codes of a refusal that have their own text; any other is shown by its code. */
export const KNOWN_REFUSALS = ['malformed', 'not-allowed', 'foreign-id', 'sequence-used', 'unaddressable'] as const;
export type KnownRefusal = (typeof KNOWN_REFUSALS)[number];

const refusalSchema = z.object({ code: z.string(), problems: z.array(z.string()).optional() });

/** What this desk did: the action, on whom, when, at which desk. */
export interface DeskSide {
  type: BalieEventType;
  /** The person's name, or null for an event about the desk itself (or an appointment no longer known here). */
  personName: string | null;
  appointmentId: string | null;
  occurredAt: string;
  deskId: string;
}

export interface RefusedItem {
  key: string;
  desk: DeskSide;
  reason: { code: KnownRefusal; detail: string | null } | { code: 'other'; raw: string; detail: string | null };
}

export interface ConflictItem {
  key: string;
  desk: DeskSide;
  /** The server's verdict in both languages. */
  verdict: LocalizedText;
  /** The appointment as the server holds it now (the desk's view after the pull), when known. */
  serverNow: { status: AppointmentStatus; deskId: string | null } | null;
  /** How a supervisor resolved it (pulled from the feed), or null while it is open. */
  resolution: { note: string; resolvedAt: string } | null;
}

function refusalOf(reason: unknown): RefusedItem['reason'] {
  const parsed = refusalSchema.safeParse(reason);
  const detail = parsed.success && parsed.data.problems?.length ? parsed.data.problems.join('; ') : null;
  if (!parsed.success) return { code: 'other', raw: JSON.stringify(reason ?? null).slice(0, 200), detail: null };
  const code = parsed.data.code;
  return (KNOWN_REFUSALS as readonly string[]).includes(code) ? { code: code as KnownRefusal, detail } : { code: 'other', raw: code, detail };
}

async function personNameOf(db: DeskDatabase, appointmentId: string | null, fallback: string | null): Promise<string | null> {
  if (!appointmentId) return fallback;
  return (await db.appointments.get(appointmentId))?.personName ?? fallback;
}

/** Every refused event of this desk, in device order. */
export async function readRefusedItems(db: DeskDatabase): Promise<RefusedItem[]> {
  const refused = await db.outbox.where('state').equals('rejected').sortBy('deviceSeq');
  return Promise.all(
    refused.map(async (entry): Promise<RefusedItem> => {
      const event = entry.event;
      const walkInName = event.type === 'walkInRegistered' ? event.payload.person.name : null;
      const appointmentId = event.appointmentId ?? null;
      return {
        key: `refused-${entry.deviceSeq}`,
        desk: { type: event.type, personName: await personNameOf(db, appointmentId, walkInName), appointmentId, occurredAt: event.occurredAt, deskId: event.deskId },
        reason: refusalOf(entry.reason),
      };
    }),
  );
}

/**
 * The conflicts a desk must know of: those of its own events, and those over a client it serves
 * now (another desk called the same person while both were offline): both desks hear of it. The
 * feed brings every conflict of the location, for supervisors; the others stay out of the desk's way.
 */
export async function conflictsOfDesk(db: DeskDatabase, deskId: string): Promise<StoredConflict[]> {
  const all = await db.conflicts.toArray();
  const othersAppointments = [...new Set(all.flatMap((conflict) => (conflict.deskId !== deskId && conflict.appointmentId ? [conflict.appointmentId] : [])))];
  const servedHere = new Set((await db.appointments.bulkGet(othersAppointments)).flatMap((row) => (row?.deskId === deskId ? [row.id] : [])));
  return all.filter((conflict) => conflict.deskId === deskId || (conflict.appointmentId !== null && servedHere.has(conflict.appointmentId)));
}

/** Whether a supervisor has not resolved the conflict yet: only open ones count on the status line. */
export function isOpenConflict(conflict: StoredConflict): boolean {
  return conflict.resolution === undefined;
}

/** The conflicts this desk must know of (conflictsOfDesk), open and resolved, newest first. */
export async function readConflictItems(db: DeskDatabase, deskId: string): Promise<ConflictItem[]> {
  const conflicts = (await conflictsOfDesk(db, deskId)).sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return Promise.all(
    conflicts.map(async (conflict): Promise<ConflictItem> => {
      const shown = conflict.appointmentId ? await db.appointments.get(conflict.appointmentId) : undefined;
      return {
        key: `conflict-${conflict.eventId}`,
        desk: { type: conflict.type, personName: shown?.personName ?? null, appointmentId: conflict.appointmentId, occurredAt: conflict.occurredAt, deskId: conflict.deskId },
        verdict: conflict.error.message,
        serverNow: shown ? { status: shown.status, deskId: shown.deskId } : null,
        resolution: conflict.resolution ? { note: conflict.resolution.note, resolvedAt: conflict.resolution.resolvedAt } : null,
      };
    }),
  );
}
