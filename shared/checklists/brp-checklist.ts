/**
 * The default BRP (fast-track municipal registration, GemeenteLoket) checklist, as in DOMAIN.md §3:
 * per family member present in person, valid ID, proof of address, a birth certificate when born
 * abroad (non-EU knowledge migrants may be exempt, children never), IND proof of lawful residence for
 * non-EU nationals, and a recognised sponsor as employer. Outcome: registered, or pending documents.
 */
import { checklistDefinitionSchema, type ChecklistDefinition } from './definition-schema';

/** The default BRP checklist, version 1. */
export const BRP_CHECKLIST: ChecklistDefinition = checklistDefinitionSchema.parse({
  id: 'brp',
  version: 1,
  service: 'BRP',
  title: { nl: 'Inschrijving BRP (fast track)', en: 'Municipal registration (fast track)' },
  steps: [
    {
      id: 'present-with-id',
      kind: 'confirm',
      required: true,
      title: { nl: 'Persoonlijk aanwezig met geldig ID', en: 'Present in person with valid ID' },
      instruction: { nl: 'Elk gezinslid, ook baby’s.', en: 'Every family member, babies too.' },
    },
    {
      id: 'proof-of-address',
      kind: 'choice',
      required: true,
      title: { nl: 'Bewijs van adres', en: 'Proof of address' },
      options: [
        { id: 'rental-contract', label: { nl: 'Huurcontract, door beide partijen getekend', en: 'Rental contract signed by both parties' } },
        { id: 'purchase-contract', label: { nl: 'Koopcontract', en: 'Purchase contract' } },
        { id: 'main-occupant-consent', label: { nl: 'Toestemming hoofdbewoner met kopie ID', en: 'Main occupant’s consent with a copy of their ID' } },
      ],
    },
    {
      id: 'birth-certificate',
      kind: 'choice',
      required: true,
      title: { nl: 'Geboorteakte', en: 'Birth certificate' },
      instruction: {
        nl: 'Bij geboorte in het buitenland: gelegaliseerd of met apostille; vertaald als niet in NL/EN/DE/FR.',
        en: 'If born abroad: legalised or apostilled; translated if not in NL/EN/DE/FR.',
      },
      options: [
        { id: 'provided', label: { nl: 'Geboorteakte overgelegd', en: 'Birth certificate provided' } },
        { id: 'born-in-netherlands', label: { nl: 'Geboren in Nederland', en: 'Born in the Netherlands' } },
        {
          id: 'knowledge-migrant-exempt',
          label: { nl: 'Vrijgesteld (kennismigrant buiten de EU)', en: 'Exempt (non-EU knowledge migrant)' },
          when: { type: 'all', conditions: [{ type: 'age-at-least', years: 18 }, { type: 'nationality', in: ['other'] }] },
        },
      ],
      exceptions: [{ id: 'pending', label: { nl: 'Nog niet in bezit', en: 'Not yet available' } }],
    },
    {
      id: 'lawful-residence',
      kind: 'confirm',
      required: true,
      when: { type: 'nationality', in: ['eu-family-member', 'other'] },
      title: { nl: 'IND-bewijs van rechtmatig verblijf', en: 'IND proof of lawful residence' },
      exceptions: [{ id: 'pending', label: { nl: 'Nog niet in bezit', en: 'Not yet available' } }],
    },
    {
      id: 'recognised-sponsor',
      kind: 'confirm',
      required: true,
      title: { nl: 'Werkgever is erkend referent', en: 'Employer is an IND recognised sponsor' },
    },
    {
      id: 'expected-bsn-date',
      kind: 'text',
      format: 'date',
      required: false,
      title: { nl: 'Verwachte datum BSN', en: 'Expected BSN date' },
      instruction: { nl: 'Meestal binnen 3-5 dagen.', en: 'Usually within 3-5 days.' },
    },
  ],
  flags: [],
  outcomes: [
    { code: 'completed', reasonRequired: false, label: { nl: 'Ingeschreven', en: 'Registered' } },
    { code: 'missing-document', reasonRequired: false, label: { nl: 'Wacht op documenten', en: 'Pending documents' } },
    { code: 'partial', reasonRequired: true, label: { nl: 'Niet afgerond', en: 'Not finished' } },
    { code: 'client-left', reasonRequired: false, label: { nl: 'Klant vertrokken', en: 'Client left' } },
  ],
});
