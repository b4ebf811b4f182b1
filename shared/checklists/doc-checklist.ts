/**
 * The default DOC (collect residence document) checklist, as in DOMAIN.md §3: invitation letter,
 * identity against the card, the document number (V + 8, never 0 or O), the old card or a police
 * report, the handover receipt (assumption), and the exceptions that stop a handover.
 */
import { checklistDefinitionSchema, type ChecklistDefinition } from './definition-schema';

/** The default DOC checklist, version 1. */
export const DOC_CHECKLIST: ChecklistDefinition = checklistDefinitionSchema.parse({
  id: 'doc',
  version: 1,
  service: 'DOC',
  title: { nl: 'Verblijfsdocument ophalen', en: 'Collect residence document' },
  steps: [
    {
      id: 'invitation-letter',
      kind: 'confirm',
      required: true,
      title: { nl: 'Uitnodigingsbrief IND', en: 'IND invitation letter' },
      instruction: { nl: 'De brief zegt dat de pas op deze locatie ligt.', en: 'The letter says the card is at this location.' },
    },
    {
      id: 'identity',
      kind: 'confirm',
      required: true,
      title: { nl: 'Identiteit tegen de pas', en: 'Identity against the card' },
      instruction: {
        nl: 'Geldig paspoort; vergelijk naam, geboortedatum en foto met de pas.',
        en: 'Valid passport; compare name, date of birth and photo with the card.',
      },
    },
    {
      id: 'document-number',
      kind: 'text',
      format: 'residence-document-number',
      required: true,
      basis: 'RvIG, numbering since October 2019',
      title: { nl: 'Documentnummer op de pas', en: 'Document number on the card' },
      instruction: { nl: 'V + 8 letters of cijfers, nooit 0 of O.', en: 'V + 8 letters or digits, never 0 or O.' },
    },
    {
      id: 'old-card',
      kind: 'choice',
      required: true,
      title: { nl: 'Oude pas', en: 'Old card' },
      options: [
        { id: 'handed-in', label: { nl: 'Oude pas ingeleverd', en: 'Old card handed in' } },
        { id: 'police-report', label: { nl: 'Proces-verbaal van vermissing getoond', en: 'Police report of loss shown' } },
        { id: 'found-card-handed-in', label: { nl: 'Teruggevonden pas ingeleverd', en: 'Lost card that turned up handed in' } },
        { id: 'no-previous-card', label: { nl: 'Geen vorige pas', en: 'No previous card' } },
      ],
    },
    {
      id: 'handover-receipt',
      kind: 'choice',
      required: true,
      basis: 'assumption (DOMAIN.md §3 DOC step 5)',
      title: { nl: 'Overdracht bevestigd', en: 'Handover confirmed' },
      options: [
        { id: 'signature', label: { nl: 'Handtekening klant', en: 'Client signature' } },
        { id: 'receipt', label: { nl: 'Ontvangstbewijs', en: 'Receipt' } },
      ],
    },
    {
      id: 'handover-exception',
      kind: 'exception',
      required: false,
      title: { nl: 'Uitzondering bij de overdracht', en: 'Handover exception' },
      exceptions: [
        { id: 'card-not-at-location', label: { nl: 'Pas ligt niet op deze locatie', en: 'Card not present at this location' } },
        { id: 'not-the-card-holder', label: { nl: 'Persoon is niet de houder', en: 'Person is not the card holder' } },
        { id: 'client-absent', label: { nl: 'Klant niet aanwezig', en: 'Client absent' } },
      ],
    },
  ],
  flags: [],
  outcomes: [
    { code: 'completed', reasonRequired: false, label: { nl: 'Pas uitgereikt', en: 'Card handed over' } },
    { code: 'partial', reasonRequired: true, label: { nl: 'Niet uitgereikt', en: 'Not handed over' } },
    { code: 'not-the-holder', reasonRequired: false, label: { nl: 'Niet de houder', en: 'Not the holder' } },
    { code: 'missing-document', reasonRequired: false, label: { nl: 'Document ontbreekt', en: 'Missing document' } },
    { code: 'client-left', reasonRequired: false, label: { nl: 'Klant vertrokken', en: 'Client left' } },
  ],
});
