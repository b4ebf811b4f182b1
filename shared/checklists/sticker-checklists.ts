/**
 * The default VAA (residence endorsement sticker) and TKV (return visa) checklists, as in
 * DOMAIN.md §3. The pending application must be visible in the IND system; when it is not, the
 * sticker cannot be issued and the service ends with the outcome `not-in-ind-system` (a real,
 * frequent cause, so an outcome, not a note). Sticker type, passport number, validity dates and the
 * sticker serial follow; the serial is an assumption, so its step is data that can be switched off.
 */
import type { ServiceCode } from '../domain/codes';
import { checklistDefinitionSchema, type ChecklistDefinition, type ChecklistDefinitionInput } from './definition-schema';

type StepInput = ChecklistDefinitionInput['steps'][number];

function stickerChecklist(service: ServiceCode, title: { nl: string; en: string }, stickerType: StepInput): ChecklistDefinition {
  return checklistDefinitionSchema.parse({
    id: service.toLowerCase(),
    version: 1,
    service,
    title,
    steps: [
      {
        id: 'receipt-letter',
        kind: 'confirm',
        required: true,
        title: { nl: 'Ontvangstbevestiging IND', en: 'IND receipt letter' },
        instruction: { nl: 'Brief van een lopende aanvraag.', en: 'Letter of a pending application.' },
      },
      {
        id: 'application-in-ind-system',
        kind: 'confirm',
        required: true,
        title: { nl: 'Aanvraag zichtbaar in het IND-systeem', en: 'Application visible in the IND system' },
        instruction: {
          nl: 'Niet zichtbaar? Dan kan de sticker niet worden verstrekt: sluit af met "Aanvraag niet in IND-systeem".',
          en: 'Not visible? Then the sticker cannot be issued: finish with "Application not in IND system".',
        },
      },
      {
        id: 'passport-space',
        kind: 'choice',
        required: true,
        title: { nl: 'Geldig paspoort met ruimte', en: 'Valid passport with room' },
        options: [
          { id: 'in-passport', label: { nl: 'Sticker in het paspoort', en: 'Sticker in the passport' } },
          { id: 'insert-sheet', label: { nl: 'Geen ruimte: sticker op inlegvel', en: 'No room: sticker on an insert sheet' } },
        ],
      },
      stickerType,
      { id: 'passport-number', kind: 'text', format: 'passport-number', required: true, title: { nl: 'Paspoortnummer', en: 'Passport number' } },
      { id: 'valid-from', kind: 'text', format: 'date', required: true, title: { nl: 'Geldig vanaf', en: 'Valid from' } },
      { id: 'valid-until', kind: 'text', format: 'date', required: true, title: { nl: 'Geldig tot en met', en: 'Valid until' } },
      {
        id: 'sticker-serial',
        kind: 'text',
        format: 'sticker-serial',
        required: true,
        basis: 'assumption (DOMAIN.md §3 VAA/TKV step 3)',
        title: { nl: 'Stickernummer', en: 'Sticker serial number' },
      },
    ],
    flags: [],
    outcomes: [
      { code: 'completed', reasonRequired: false, label: { nl: 'Sticker geplaatst', en: 'Sticker placed' } },
      { code: 'not-in-ind-system', reasonRequired: false, label: { nl: 'Aanvraag niet in IND-systeem', en: 'Application not in IND system' } },
      { code: 'missing-document', reasonRequired: false, label: { nl: 'Document ontbreekt', en: 'Missing document' } },
      { code: 'equipment-failure', reasonRequired: false, label: { nl: 'Storing apparatuur', en: 'Equipment failure' } },
      { code: 'partial', reasonRequired: true, label: { nl: 'Niet afgerond', en: 'Not finished' } },
      { code: 'client-left', reasonRequired: false, label: { nl: 'Klant vertrokken', en: 'Client left' } },
    ],
  });
}

/** The default VAA checklist, version 1. */
export const VAA_CHECKLIST: ChecklistDefinition = stickerChecklist(
  'VAA',
  { nl: 'Verblijfsaantekening (sticker)', en: 'Residence endorsement sticker' },
  {
    id: 'sticker-type',
    kind: 'choice',
    required: true,
    basis: 'assumption (DOMAIN.md §3 VAA/TKV step 3)',
    title: { nl: 'Soort sticker', en: 'Sticker type' },
    options: [{ id: 'residence-endorsement', label: { nl: 'Verblijfsaantekening', en: 'Residence endorsement' } }],
  },
);

/** The default TKV checklist, version 1: as VAA, sticker type "return visa". */
export const TKV_CHECKLIST: ChecklistDefinition = stickerChecklist(
  'TKV',
  { nl: 'Terugkeervisum', en: 'Return visa' },
  {
    id: 'sticker-type',
    kind: 'choice',
    required: true,
    basis: 'assumption (DOMAIN.md §3 VAA/TKV step 3)',
    title: { nl: 'Soort terugkeervisum', en: 'Return visa type' },
    options: [
      { id: 'return-visa-single-entry', label: { nl: 'Terugkeervisum, één reis', en: 'Return visa, single entry' } },
      { id: 'return-visa-multiple-entry', label: { nl: 'Terugkeervisum, meerdere reizen', en: 'Return visa, multiple entry' } },
    ],
  },
);
