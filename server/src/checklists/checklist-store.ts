/**
 * Checklist definitions are versioned data (never code paths): the server keeps every version,
 * since events name the version they followed, and desks pull the definitions through the change
 * feed. The shipped defaults are stored on first start; an admin publishes newer versions.
 */
import { DEFAULT_CHECKLISTS } from '../../../shared/checklists/default-checklists';
import { checklistDefinitionSchema, type ChecklistDefinition } from '../../../shared/checklists/definition-schema';
import type { Queryable } from '../db/database';
import { publishChanges, type NewChange } from '../sync/changes';

const checklistChange = (definition: ChecklistDefinition): NewChange => ({
  entity: 'checklist',
  id: `${definition.id}@${definition.version}`,
  data: definition,
});

/** Every stored version of every checklist, oldest first. */
export async function allChecklists(db: Queryable): Promise<ChecklistDefinition[]> {
  const rows = await db.query<{ definition: unknown }>('SELECT definition FROM checklist_definitions ORDER BY checklist_id, version');
  return rows.map((row) => checklistDefinitionSchema.parse(row.definition));
}

/** The newest version of each checklist. */
export async function latestChecklists(db: Queryable): Promise<ChecklistDefinition[]> {
  const rows = await db.query<{ definition: unknown }>(
    'SELECT DISTINCT ON (checklist_id) definition FROM checklist_definitions ORDER BY checklist_id, version DESC',
  );
  return rows.map((row) => checklistDefinitionSchema.parse(row.definition));
}

/** Stores the shipped definitions that the database does not have yet; desks of every location get them. */
export async function storeDefaultChecklists(tx: Queryable): Promise<void> {
  const added: ChecklistDefinition[] = [];
  for (const definition of Object.values(DEFAULT_CHECKLISTS)) {
    const rows = await tx.query(
      `INSERT INTO checklist_definitions (checklist_id, version, definition) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [definition.id, definition.version, JSON.stringify(definition)],
    );
    if (rows.length > 0) added.push(definition);
  }
  if (added.length === 0) return;
  for (const { id } of await tx.query<{ id: string }>('SELECT id FROM locations ORDER BY id')) {
    await publishChanges(tx, id, added.map(checklistChange));
  }
}

/** A new location's desks need the current definitions from their first pull. */
export async function publishChecklistsToLocation(tx: Queryable, locationId: string): Promise<void> {
  await publishChanges(tx, locationId, (await latestChecklists(tx)).map(checklistChange));
}

export type PublishResult =
  | { ok: true; definition: ChecklistDefinition }
  | { ok: false; status: 409; message: string };

/**
 * Publishes a new version. It must be the next version of its checklist and keep its service, so a
 * desk never sees two definitions under one version number.
 */
export async function publishChecklist(tx: Queryable, definition: ChecklistDefinition, accountId: string): Promise<PublishResult> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtext('balie-checklists'))");
  const current = await tx.query<{ version: number; service: string }>(
    `SELECT version, definition->>'service' AS service FROM checklist_definitions
      WHERE checklist_id = $1 ORDER BY version DESC LIMIT 1`,
    [definition.id],
  );
  const latest = current[0];
  const expectedVersion = (latest?.version ?? 0) + 1;
  if (definition.version !== expectedVersion) {
    return { ok: false, status: 409, message: `The next version of ${definition.id} is ${expectedVersion}.` };
  }
  if (latest && latest.service !== definition.service) {
    return { ok: false, status: 409, message: `${definition.id} is the checklist of ${latest.service}.` };
  }
  await tx.query('INSERT INTO checklist_definitions (checklist_id, version, definition, published_by) VALUES ($1, $2, $3, $4)', [
    definition.id,
    definition.version,
    JSON.stringify(definition),
    accountId,
  ]);
  for (const { id } of await tx.query<{ id: string }>('SELECT id FROM locations ORDER BY id')) {
    await publishChanges(tx, id, [checklistChange(definition)]);
  }
  return { ok: true, definition };
}
