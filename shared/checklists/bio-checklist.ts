/**
 * The default BIO (biometrics) checklist, as in DOMAIN.md §3. Who gives what: under 1 no desk
 * appointment (flag); under 6 photo only; EU/EEA/Swiss citizens no fingerprints; non-EU family
 * members of EU citizens fingerprints every time; everyone else from 6 photo, two flat
 * fingerprints and, from the configured age, a signature. Sources: EU Reg. 1030/2002 art. 4ter as
 * amended by 380/2008; parliamentary answer 2022D26444; ind.nl.
 */
import { checklistDefinitionSchema, type ChecklistDefinition } from './definition-schema';

const BIOMETRICS_BASIS = 'EU Reg. 1030/2002 art. 4ter (Reg. 380/2008); 2022D26444; ind.nl';

/** The default BIO checklist, version 1. */
export const BIO_CHECKLIST: ChecklistDefinition = checklistDefinitionSchema.parse({
  id: 'bio',
  version: 1,
  service: 'BIO',
  title: { nl: 'Biometrie', en: 'Biometrics' },
  steps: [
    {
      id: 'identity',
      kind: 'confirm',
      required: true,
      title: { nl: 'Afspraakcode en identiteit', en: 'Appointment code and identity' },
      instruction: {
        nl: 'Geldig paspoort of reisdocument; vergelijk het gezicht.',
        en: 'Valid passport or travel document; compare the face.',
      },
    },
    {
      id: 'previous-document',
      kind: 'choice',
      required: true,
      title: { nl: 'Vorig verblijfsdocument', en: 'Previous residence document' },
      options: [
        { id: 'expired-document', label: { nl: '(Verlopen) verblijfsdocument meegebracht', en: '(Expired) residence document brought' } },
        { id: 'police-report', label: { nl: 'Proces-verbaal van vermissing', en: 'Police report of loss' } },
        { id: 'none', label: { nl: 'Geen vorig document (eerste aanvraag)', en: 'No previous document (first application)' } },
      ],
    },
    {
      id: 'photo',
      kind: 'choice',
      required: true,
      when: { type: 'age-at-least', years: 1 },
      basis: BIOMETRICS_BASIS,
      title: { nl: 'Pasfoto aan de balie', en: 'Photo at the desk' },
      instruction: {
        nl: 'Foto’s van buiten worden niet geaccepteerd. Opnieuw nemen mag.',
        en: 'Outside photos are not accepted. Retaking is allowed.',
      },
      options: [
        { id: 'taken', label: { nl: 'Foto genomen', en: 'Photo taken' } },
        { id: 'taken-religious-head-covering', label: { nl: 'Foto genomen, met hoofddeksel om religieuze redenen', en: 'Photo taken, head covering for religious reasons' } },
      ],
      exceptions: [{ id: 'unusable-quality', label: { nl: 'Geen bruikbare foto mogelijk', en: 'No usable photo possible' } }],
    },
    {
      id: 'fingerprints',
      kind: 'confirm',
      required: true,
      when: {
        type: 'all',
        conditions: [
          { type: 'age-at-least', years: 6 },
          { type: 'nationality', in: ['eu-family-member', 'other'] },
        ],
      },
      basis: BIOMETRICS_BASIS,
      title: { nl: 'Twee vingerafdrukken (plat)', en: 'Two flat fingerprints' },
      instruction: { nl: 'Meerdere pogingen zijn toegestaan.', en: 'Several attempts are allowed.' },
      exceptions: [
        { id: 'temporary-exemption', label: { nl: 'Tijdelijk onmogelijk', en: 'Temporarily impossible' } },
        { id: 'permanent-exemption', label: { nl: 'Blijvend onmogelijk', en: 'Permanently impossible' } },
      ],
    },
    {
      id: 'signature',
      kind: 'confirm',
      required: true,
      when: { type: 'age-at-least', years: 12 },
      basis: 'assumption (DOMAIN.md §3 BIO step 6): signature from age 12',
      title: { nl: 'Handtekening', en: 'Signature' },
      exceptions: [{ id: 'unable-to-sign', label: { nl: 'Kan niet tekenen', en: 'Unable to sign' } }],
    },
  ],
  flags: [
    {
      id: 'under-one',
      severity: 'stop',
      when: { type: 'age-below', years: 1 },
      basis: BIOMETRICS_BASIS,
      message: {
        nl: 'Jonger dan 1 jaar: geen afspraak aan de balie nodig, de foto gaat per post.',
        en: 'Under 1 year: no desk appointment needed, the photo is sent by post.',
      },
    },
    {
      id: 'photo-only',
      severity: 'info',
      when: { type: 'all', conditions: [{ type: 'age-at-least', years: 1 }, { type: 'age-below', years: 6 }] },
      basis: BIOMETRICS_BASIS,
      message: { nl: 'Jonger dan 6 jaar: alleen een foto.', en: 'Under 6: photo only.' },
    },
    {
      id: 'no-fingerprints-eu',
      severity: 'info',
      when: { type: 'nationality', in: ['eu-eea-ch'] },
      basis: BIOMETRICS_BASIS,
      message: { nl: 'EU/EER/Zwitserse burger: geen vingerafdrukken.', en: 'EU/EEA/Swiss citizen: no fingerprints.' },
    },
    {
      id: 'recapture-due',
      severity: 'info',
      when: { type: 'turned-age-since-last-capture', ages: [6, 12, 18] },
      basis: BIOMETRICS_BASIS,
      message: {
        nl: 'Opnieuw vastleggen: de persoon is sinds de vorige keer 6, 12 of 18 geworden.',
        en: 'Re-capture due: the person has turned 6, 12 or 18 since the last capture.',
      },
    },
    {
      id: 'recent-capture',
      severity: 'warning',
      when: {
        type: 'all',
        conditions: [
          { type: 'last-capture-within-months', months: 6 },
          { type: 'not', condition: { type: 'nationality', in: ['eu-family-member'] } },
        ],
      },
      basis: BIOMETRICS_BASIS,
      message: {
        nl: 'Biometrie jonger dan 6 maanden wordt hergebruikt: controleer of deze afspraak nodig is.',
        en: 'Biometrics under 6 months old are reused: check whether this appointment is needed.',
      },
    },
  ],
  outcomes: [
    { code: 'completed', reasonRequired: false, label: { nl: 'Afgerond', en: 'Completed' } },
    { code: 'partial', reasonRequired: true, label: { nl: 'Gedeeltelijk', en: 'Partial' } },
    { code: 'missing-document', reasonRequired: false, label: { nl: 'Document ontbreekt', en: 'Missing document' } },
    { code: 'equipment-failure', reasonRequired: false, label: { nl: 'Storing apparatuur', en: 'Equipment failure' } },
    { code: 'not-the-holder', reasonRequired: false, label: { nl: 'Niet de juiste persoon', en: 'Not the holder' } },
    { code: 'client-left', reasonRequired: false, label: { nl: 'Klant vertrokken', en: 'Client left' } },
  ],
});
