import { describe, expect, it } from 'vitest';
import type { Condition } from '../../../../shared/checklists/definition-schema';
import { whyFails } from './why-not-applicable';

const on = '2026-11-24';
const adultEu = { dateOfBirth: '1990-03-01', nationalityCategory: 'eu-eea-ch' as const };
const child = { dateOfBirth: '2021-10-01', nationalityCategory: 'other' as const };

describe('why a step does not apply, read from its condition', () => {
  const fingerprints: Condition = { type: 'all', conditions: [{ type: 'age-at-least', years: 6 }, { type: 'nationality', in: ['eu-family-member', 'other'] }] };

  it('names only the parts that fail: the age for a child, the category for an EU adult, both for an EU child', () => {
    expect(whyFails(fingerprints, child, on)).toEqual([{ kind: 'ageUnder', years: 6 }]);
    expect(whyFails(fingerprints, adultEu, on)).toEqual([{ kind: 'category', category: 'eu-eea-ch' }]);
    expect(whyFails(fingerprints, { ...child, nationalityCategory: 'eu-eea-ch' }, on)).toEqual([
      { kind: 'ageUnder', years: 6 },
      { kind: 'category', category: 'eu-eea-ch' },
    ]);
  });

  it('says nothing when the condition holds', () => {
    expect(whyFails(fingerprints, { ...adultEu, nationalityCategory: 'other' }, on)).toEqual([]);
  });

  it('turns a "not" around: what holds about the person is the reason', () => {
    const notRecent: Condition = { type: 'not', condition: { type: 'last-capture-within-months', months: 6 } };
    expect(whyFails(notRecent, { ...adultEu, lastCaptureDate: '2026-09-01' }, on)).toEqual([{ kind: 'recentCapture', months: 6 }]);
    const notBaby: Condition = { type: 'not', condition: { type: 'age-below', years: 1 } };
    expect(whyFails(notBaby, { ...child, dateOfBirth: '2026-05-01' }, on)).toEqual([{ kind: 'ageUnder', years: 1 }]);
  });

  it('for "any", every alternative that failed is named', () => {
    const either: Condition = { type: 'any', conditions: [{ type: 'age-below', years: 12 }, { type: 'turned-age-since-last-capture', ages: [18] }] };
    expect(whyFails(either, { ...adultEu, lastCaptureDate: '2020-01-01' }, on)).toEqual([
      { kind: 'ageAtLeast', years: 12 },
      { kind: 'notTurned', ages: [18] },
    ]);
  });
});
