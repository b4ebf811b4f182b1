/**
 * Acting as the signed-in clerk: every screen that changes the day goes through `act`, so each
 * event names the same device, desk, clerk and location, and commands check against the checklist
 * versions the server published (as pulled into this desk), not only the ones shipped with it.
 */
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
 * Performs one clerk action on `date` as `actor`, now, in one transaction (see performCommand),
 * checked against the checklists this desk knows (read in that same transaction).
 */
export async function act(db: DeskDatabase, actor: DeskActor, date: string, command: DeskCommand, now = new Date()): Promise<PerformResult> {
  return performCommand(db, command, { ...actor, date, now: now.toISOString() });
}
