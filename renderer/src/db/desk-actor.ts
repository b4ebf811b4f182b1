/**
 * Acting as the signed-in clerk: every screen that changes the day goes through `act`, so each
 * event names the same device, desk, clerk and location, and commands check against the checklist
 * versions the server published (as pulled into this desk), not only the ones shipped with it.
 */
import { checklistDefinitionSchema, type ChecklistDefinition } from '../../../shared/checklists/definition-schema';
import { DEFAULT_CHECKLISTS } from '../../../shared/checklists/default-checklists';
import type { DeskDatabase } from './desk-db';
import type { SessionSummary } from './desk-meta';
import { performCommand, type DeskCommand, type PerformResult } from './perform-command';

/** Who acts: taken from the session, never typed in by a screen. */
export interface DeskActor {
  readonly deviceId: string;
  readonly deskId: string;
  readonly clerkId: string;
  readonly locationId: string;
}

export function actorOf(session: SessionSummary): DeskActor {
  return { deviceId: session.deviceId, deskId: session.deskId, clerkId: session.accountId, locationId: session.locationId };
}

/**
 * The checklist definitions this desk knows: the shipped defaults plus every version pulled from
 * the server. A stored definition that no longer validates is left out rather than trusted.
 */
export async function deskChecklists(db: DeskDatabase): Promise<ChecklistDefinition[]> {
  const byKey = new Map<string, ChecklistDefinition>();
  for (const definition of Object.values(DEFAULT_CHECKLISTS)) byKey.set(`${definition.id}@${definition.version}`, definition);
  for (const stored of await db.checklists.toArray()) {
    const parsed = checklistDefinitionSchema.safeParse(stored.definition);
    if (parsed.success) byKey.set(`${parsed.data.id}@${parsed.data.version}`, parsed.data);
  }
  return [...byKey.values()];
}

/** Performs one clerk action on `date` as `actor`, now, in one transaction (see performCommand). */
export async function act(db: DeskDatabase, actor: DeskActor, date: string, command: DeskCommand, now = new Date()): Promise<PerformResult> {
  return performCommand(db, command, { ...actor, date, now: now.toISOString(), checklists: await deskChecklists(db) });
}
