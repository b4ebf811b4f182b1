/**
 * The default checklist definitions, one per service, as shipped with Balie. The server seeds its
 * `checklist_definitions` from these; an administrator may publish newer versions.
 */
import type { ServiceCode } from '../domain/codes';
import { BIO_CHECKLIST } from './bio-checklist';
import { BRP_CHECKLIST } from './brp-checklist';
import type { ChecklistDefinition } from './definition-schema';
import { DOC_CHECKLIST } from './doc-checklist';
import { INFO_CHECKLIST } from './info-checklist';
import { TKV_CHECKLIST, VAA_CHECKLIST } from './sticker-checklists';

/** The default definition of each service. */
export const DEFAULT_CHECKLISTS: Readonly<Record<ServiceCode, ChecklistDefinition>> = {
  BIO: BIO_CHECKLIST,
  DOC: DOC_CHECKLIST,
  VAA: VAA_CHECKLIST,
  TKV: TKV_CHECKLIST,
  BRP: BRP_CHECKLIST,
  INFO: INFO_CHECKLIST,
};

/**
 * Finds a definition by id and version among `definitions` (the desk's cache, the server's table);
 * events name the definition they followed, so an old version stays findable.
 */
export function findChecklist(
  definitions: readonly ChecklistDefinition[],
  checklistId: string,
  version: number,
): ChecklistDefinition | undefined {
  return definitions.find((definition) => definition.id === checklistId && definition.version === version);
}
