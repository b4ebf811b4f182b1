/**
 * The default INFO (advice talk, Expat Centre) checklist, as in DOMAIN.md §3: topics discussed,
 * duration, follow-up needed.
 */
import { checklistDefinitionSchema, type ChecklistDefinition } from './definition-schema';

/** The default INFO checklist, version 1. */
export const INFO_CHECKLIST: ChecklistDefinition = checklistDefinitionSchema.parse({
  id: 'info',
  version: 1,
  service: 'INFO',
  title: { nl: 'Adviesgesprek', en: 'Advice talk' },
  steps: [
    {
      id: 'topics',
      kind: 'choice',
      multiple: true,
      required: true,
      title: { nl: 'Besproken onderwerpen', en: 'Topics discussed' },
      options: [
        { id: 'housing', label: { nl: 'Wonen', en: 'Housing' } },
        { id: 'tax', label: { nl: 'Belasting', en: 'Tax' } },
        { id: 'schools', label: { nl: 'Scholen', en: 'Schools' } },
        { id: 'health-insurance', label: { nl: 'Zorgverzekering', en: 'Health insurance' } },
        { id: 'work', label: { nl: 'Werk', en: 'Work' } },
        { id: 'immigration-policy', label: { nl: 'Nederlands immigratiebeleid', en: 'Dutch immigration policy' } },
      ],
    },
    {
      id: 'duration',
      kind: 'number',
      required: false,
      integer: true,
      min: 1,
      max: 240,
      unit: 'min',
      title: { nl: 'Duur van het gesprek', en: 'Duration of the talk' },
    },
    {
      id: 'follow-up',
      kind: 'choice',
      required: true,
      title: { nl: 'Vervolg nodig', en: 'Follow-up needed' },
      options: [
        { id: 'none', label: { nl: 'Geen vervolg', en: 'No follow-up' } },
        { id: 'needed', label: { nl: 'Vervolg nodig', en: 'Follow-up needed' } },
      ],
    },
    { id: 'follow-up-note', kind: 'text', format: 'free-text', required: false, title: { nl: 'Afspraken voor het vervolg', en: 'Follow-up agreed' } },
  ],
  flags: [],
  outcomes: [
    { code: 'completed', reasonRequired: false, label: { nl: 'Gesprek gevoerd', en: 'Talk held' } },
    { code: 'partial', reasonRequired: true, label: { nl: 'Niet afgerond', en: 'Not finished' } },
    { code: 'client-left', reasonRequired: false, label: { nl: 'Klant vertrokken', en: 'Client left' } },
  ],
});
