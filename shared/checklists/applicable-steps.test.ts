import { describe, expect, it } from 'vitest';
import { applicableStep, applicableSteps, checklistFlags } from './applicable-steps';
import { BIO_CHECKLIST } from './bio-checklist';
import { BRP_CHECKLIST } from './brp-checklist';
import { checklistDefinitionSchema } from './definition-schema';
import { DEFAULT_CHECKLISTS } from './default-checklists';
import { DOC_CHECKLIST } from './doc-checklist';
import { checkStepValue, completionProblem } from './step-rules';
import { TKV_CHECKLIST, VAA_CHECKLIST } from './sticker-checklists';
import type { ChecklistSubject } from './conditions';

const DATE = '2026-03-03';
const person = (dateOfBirth: string, nationalityCategory: ChecklistSubject['nationalityCategory'], lastCaptureDate: string | null = null): ChecklistSubject => ({
  dateOfBirth,
  nationalityCategory,
  lastCaptureDate,
});
const stepIds = (subject: ChecklistSubject, definition = BIO_CHECKLIST) => applicableSteps(definition, subject, DATE).map((step) => step.id);
const flagIds = (subject: ChecklistSubject) => checklistFlags(BIO_CHECKLIST, subject, DATE).map((flag) => flag.id);

describe('BIO: who gives what', () => {
  it('a family of three checks in, the child under six gets a photo only', () => {
    expect(stepIds(person('1988-06-14', 'other'))).toEqual(['identity', 'previous-document', 'photo', 'fingerprints', 'signature']);
    expect(stepIds(person('2020-11-20', 'other'))).toEqual(['identity', 'previous-document', 'photo']);
    expect(flagIds(person('2020-11-20', 'other'))).toEqual(['photo-only']);
  });

  it('a 14-year-old gives a photo, two fingerprints and a signature', () => {
    expect(stepIds(person('2011-09-02', 'other'))).toEqual(['identity', 'previous-document', 'photo', 'fingerprints', 'signature']);
  });

  it('a 9-year-old gives fingerprints but signs nothing yet (signature from the configured age 12)', () => {
    expect(stepIds(person('2016-05-01', 'other'))).toEqual(['identity', 'previous-document', 'photo', 'fingerprints']);
  });

  it('the signature age is configuration: a definition with age 14 leaves a 13-year-old without one', () => {
    const fourteen = checklistDefinitionSchema.parse({
      ...BIO_CHECKLIST,
      version: 2,
      steps: BIO_CHECKLIST.steps.map((step) => (step.id === 'signature' ? { ...step, when: { type: 'age-at-least', years: 14 } } : step)),
    });
    expect(stepIds(person('2012-06-01', 'other'), fourteen)).not.toContain('signature');
    expect(stepIds(person('2012-06-01', 'other'))).toContain('signature');
  });

  it('an EU citizen gives a photo and a signature, no fingerprints', () => {
    expect(stepIds(person('1990-01-15', 'eu-eea-ch'))).toEqual(['identity', 'previous-document', 'photo', 'signature']);
    expect(flagIds(person('1990-01-15', 'eu-eea-ch'))).toEqual(['no-fingerprints-eu']);
  });

  it('a family member of an EU citizen gives fingerprints every time: no reuse of a recent capture', () => {
    const carlos = person('1985-12-01', 'eu-family-member', '2025-12-01');
    expect(stepIds(carlos)).toEqual(['identity', 'previous-document', 'photo', 'fingerprints', 'signature']);
    expect(flagIds(carlos)).not.toContain('recent-capture');
    expect(flagIds(person('1985-12-01', 'other', '2025-12-01'))).toContain('recent-capture');
  });

  it('a baby under one is flagged: no desk appointment, the photo goes by post', () => {
    const baby = person('2025-06-01', 'other');
    expect(checklistFlags(BIO_CHECKLIST, baby, DATE).map((flag) => [flag.id, flag.severity])).toEqual([['under-one', 'stop']]);
    expect(stepIds(baby)).toEqual(['identity', 'previous-document']);
  });

  it('age counts by calendar: the day before the sixth birthday is still photo only', () => {
    expect(stepIds(person('2020-03-04', 'other'))).not.toContain('fingerprints');
    expect(stepIds(person('2020-03-03', 'other'))).toContain('fingerprints');
  });

  it('re-capture is due after turning 6, 12 or 18 since the last capture', () => {
    expect(flagIds(person('2011-09-02', 'other', '2021-02-01'))).toContain('recapture-due');
    expect(flagIds(person('2011-09-02', 'other', '2024-02-01'))).not.toContain('recapture-due');
    expect(flagIds(person('2008-01-01', 'other', '2025-06-01'))).toContain('recapture-due');
  });

  it('a fingerprint exemption is recorded as temporary or permanent, always with a reason', () => {
    const step = applicableStep(BIO_CHECKLIST, person('1979-07-07', 'other'), DATE, 'fingerprints')!;
    expect(checkStepValue(step, { kind: 'exception', exceptionId: 'permanent-exemption', reason: '  both hands bandaged after surgery ' })).toEqual({
      ok: true,
      value: { kind: 'exception', exceptionId: 'permanent-exemption', reason: 'both hands bandaged after surgery' },
    });
    expect(checkStepValue(step, { kind: 'exception', exceptionId: 'temporary-exemption', reason: 'burn on fingers' }).ok).toBe(true);
    const unknown = checkStepValue(step, { kind: 'exception', exceptionId: 'client-refused', reason: 'no' });
    expect(!unknown.ok && unknown.error.code).toBe('step-exception-unknown');
  });

  it('a completed BIO service with a fingerprint exemption counts as complete', () => {
    const subject = person('1979-07-07', 'other');
    const recorded = {
      identity: { kind: 'confirmed' as const },
      'previous-document': { kind: 'choice' as const, optionIds: ['expired-document'] },
      photo: { kind: 'choice' as const, optionIds: ['taken'] },
      fingerprints: { kind: 'exception' as const, exceptionId: 'permanent-exemption', reason: 'amputation' },
      signature: { kind: 'confirmed' as const },
    };
    expect(completionProblem(BIO_CHECKLIST, subject, DATE, recorded, { code: 'completed', reason: null })).toBeNull();
    const { signature: _signature, ...unsigned } = recorded;
    const missing = completionProblem(BIO_CHECKLIST, subject, DATE, unsigned, { code: 'completed', reason: null });
    expect(missing?.error.message).toEqual({ nl: 'Nog niet gedaan: Handtekening.', en: 'Not done yet: Signature.' });
  });

  it('a partial BIO outcome needs a reason', () => {
    const problem = completionProblem(BIO_CHECKLIST, person('1979-07-07', 'other'), DATE, {}, { code: 'partial', reason: ' ' });
    expect(problem?.error.code).toBe('outcome-reason-required');
  });
});

describe('DOC, VAA, TKV, BRP and INFO', () => {
  it('the DOC desk takes the document number in canonical form and refuses one with a zero', () => {
    const step = applicableStep(DOC_CHECKLIST, person('1985-12-01', 'eu-family-member'), DATE, 'document-number')!;
    expect(checkStepValue(step, { kind: 'text', text: 'v123 al568' })).toEqual({ ok: true, value: { kind: 'text', text: 'V123AL568' } });
    expect(checkStepValue(step, { kind: 'text', text: 'V1230L568' }).ok).toBe(false);
  });

  it('the DOC old-card step knows the old card, a police report, and a lost card that turned up', () => {
    const step = applicableStep(DOC_CHECKLIST, person('1985-12-01', 'other'), DATE, 'old-card')!;
    expect(step.kind === 'choice' && step.options.map((option) => option.id)).toEqual(['handed-in', 'police-report', 'found-card-handed-in', 'no-previous-card']);
  });

  it('a DOC handover exception blocks the outcome completed', () => {
    const recorded = { 'handover-exception': { kind: 'exception' as const, exceptionId: 'card-not-at-location', reason: 'card still in The Hague' } };
    const all = Object.fromEntries(DOC_CHECKLIST.steps.filter((step) => step.required).map((step) => [step.id, { kind: 'confirmed' as const }]));
    expect(completionProblem(DOC_CHECKLIST, person('1985-12-01', 'other'), DATE, { ...all, ...recorded }, { code: 'completed', reason: null })?.error.code).toBe('completed-with-exception');
  });

  it('VAA records "application not in IND system" as an outcome, not a note', () => {
    expect(VAA_CHECKLIST.outcomes.map((outcome) => outcome.code)).toContain('not-in-ind-system');
    expect(completionProblem(VAA_CHECKLIST, person('1979-07-07', 'other'), DATE, {}, { code: 'not-in-ind-system', reason: null })).toBeNull();
  });

  it('TKV is VAA with sticker type return visa', () => {
    expect(TKV_CHECKLIST.steps.map((step) => step.id)).toEqual(VAA_CHECKLIST.steps.map((step) => step.id));
    const stickerType = TKV_CHECKLIST.steps.find((step) => step.id === 'sticker-type');
    expect(stickerType?.kind === 'choice' && stickerType.options.every((option) => option.id.startsWith('return-visa'))).toBe(true);
  });

  it('the sticker serial and passport number are checked in format', () => {
    const subject = person('1979-07-07', 'other');
    const serial = applicableStep(VAA_CHECKLIST, subject, DATE, 'sticker-serial')!;
    expect(checkStepValue(serial, { kind: 'text', text: 'nld012345678' })).toEqual({ ok: true, value: { kind: 'text', text: 'NLD012345678' } });
    const passport = applicableStep(VAA_CHECKLIST, subject, DATE, 'passport-number')!;
    expect(checkStepValue(passport, { kind: 'text', text: 'AB12' }).ok).toBe(false);
  });

  it('BRP: an adult non-EU knowledge migrant may be exempt from the birth certificate, children never', () => {
    const options = (subject: ChecklistSubject) => {
      const step = applicableStep(BRP_CHECKLIST, subject, DATE, 'birth-certificate')!;
      return step.kind === 'choice' ? step.options.map((option) => option.id) : [];
    };
    expect(options(person('1993-04-30', 'other'))).toContain('knowledge-migrant-exempt');
    expect(options(person('2015-04-30', 'other'))).not.toContain('knowledge-migrant-exempt');
    expect(options(person('1990-01-15', 'eu-eea-ch'))).not.toContain('knowledge-migrant-exempt');
  });

  it('BRP asks non-EU nationals only for IND proof of lawful residence', () => {
    expect(stepIds(person('1990-01-15', 'eu-eea-ch'), BRP_CHECKLIST)).not.toContain('lawful-residence');
    expect(stepIds(person('1993-04-30', 'other'), BRP_CHECKLIST)).toContain('lawful-residence');
  });

  it('INFO takes several topics and a duration within range', () => {
    const subject = person('1993-04-30', 'other');
    const topics = applicableStep(DEFAULT_CHECKLISTS.INFO, subject, DATE, 'topics')!;
    expect(checkStepValue(topics, { kind: 'choice', optionIds: ['housing', 'tax'] }).ok).toBe(true);
    expect(checkStepValue(topics, { kind: 'choice', optionIds: ['housing', 'housing'] }).ok).toBe(false);
    const duration = applicableStep(DEFAULT_CHECKLISTS.INFO, subject, DATE, 'duration')!;
    expect(checkStepValue(duration, { kind: 'number', number: 25 }).ok).toBe(true);
    expect(checkStepValue(duration, { kind: 'number', number: 2.5 }).ok).toBe(false);
    expect(checkStepValue(duration, { kind: 'number', number: 500 }).ok).toBe(false);
    expect(checkStepValue(duration, { kind: 'skipped' }).ok).toBe(true);
    expect(checkStepValue(topics, { kind: 'skipped' }).ok).toBe(false);
  });

  it('a single choice takes exactly one option and a confirm step takes only a confirmation', () => {
    const subject = person('1993-04-30', 'other');
    const address = applicableStep(BRP_CHECKLIST, subject, DATE, 'proof-of-address')!;
    expect(checkStepValue(address, { kind: 'choice', optionIds: ['rental-contract', 'purchase-contract'] }).ok).toBe(false);
    const id = applicableStep(BRP_CHECKLIST, subject, DATE, 'present-with-id')!;
    expect(checkStepValue(id, { kind: 'text', text: 'yes' }).ok).toBe(false);
  });
});

describe('checklist definitions as versioned data', () => {
  it('every default definition is valid against the schema and has a version', () => {
    for (const definition of Object.values(DEFAULT_CHECKLISTS)) {
      expect(checklistDefinitionSchema.parse(definition)).toEqual(definition);
      expect(definition.version).toBeGreaterThanOrEqual(1);
    }
    expect(Object.keys(DEFAULT_CHECKLISTS).sort()).toEqual(['BIO', 'BRP', 'DOC', 'INFO', 'TKV', 'VAA']);
  });

  it('a definition survives a JSON round trip, as the server serves it', () => {
    expect(checklistDefinitionSchema.parse(JSON.parse(JSON.stringify(BIO_CHECKLIST)))).toEqual(BIO_CHECKLIST);
  });

  it('rules marked as assumptions in DOMAIN.md say so in the data', () => {
    const assumptions = Object.values(DEFAULT_CHECKLISTS).flatMap((definition) =>
      definition.steps.filter((step) => step.basis?.startsWith('assumption')).map((step) => `${definition.id}/${step.id}`),
    );
    expect(assumptions).toEqual(expect.arrayContaining(['bio/signature', 'doc/handover-receipt', 'vaa/sticker-serial', 'tkv/sticker-serial']));
  });

  it('duplicate step ids and a missing completed outcome are refused', () => {
    const duplicate = { ...BIO_CHECKLIST, steps: [...BIO_CHECKLIST.steps, BIO_CHECKLIST.steps[0]] };
    expect(checklistDefinitionSchema.safeParse(duplicate).success).toBe(false);
    const noCompleted = { ...BIO_CHECKLIST, outcomes: BIO_CHECKLIST.outcomes.filter((outcome) => outcome.code !== 'completed') };
    expect(checklistDefinitionSchema.safeParse(noCompleted).success).toBe(false);
  });
});
