/**
 * The checklist definitions this desk knows: the shipped defaults plus every version pulled from
 * the server. A stored definition that no longer validates is left out rather than trusted.
 */
import { checklistDefinitionSchema, type ChecklistDefinition } from '../../../shared/checklists/definition-schema';
import { DEFAULT_CHECKLISTS } from '../../../shared/checklists/default-checklists';
import type { DeskDatabase } from './desk-db';

export async function deskChecklists(db: DeskDatabase): Promise<ChecklistDefinition[]> {
  const byKey = new Map<string, ChecklistDefinition>();
  for (const definition of Object.values(DEFAULT_CHECKLISTS)) byKey.set(`${definition.id}@${definition.version}`, definition);
  for (const stored of await db.checklists.toArray()) {
    const parsed = checklistDefinitionSchema.safeParse(stored.definition);
    if (parsed.success) byKey.set(`${parsed.data.id}@${parsed.data.version}`, parsed.data);
  }
  return [...byKey.values()];
}
