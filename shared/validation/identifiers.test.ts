import { describe, expect, it } from 'vitest';
import {
  recogniseScan,
  validateAppointmentCode,
  validatePassportNumber,
  validateResidenceDocumentNumber,
  validateStickerSerial,
  validateVNumber,
} from './identifiers';
import { normaliseScannerInput } from './scanner-input';

const errorOf = (result: { ok: boolean; error?: { code: string; message: { nl: string; en: string } } }) => {
  expect(result.ok).toBe(false);
  return result.error!;
};

describe('scanner input', () => {
  it('a scanned document number with a carriage return, spaces and a lower-case v comes out clean', () => {
    expect(normaliseScannerInput(' v-123 al568\r\n')).toBe('V123AL568');
  });
  it('full-width characters from another keyboard layout become plain letters and digits', () => {
    expect(normaliseScannerInput('Ｖ１２３ＡＬ５６８')).toBe('V123AL568');
  });
  it('a scanner group separator and a non-breaking space are removed', () => {
    expect(normaliseScannerInput('2345\u001d678\u00a0901')).toBe('2345678901');
  });
});

describe('V-number', () => {
  it.each(['2345678901', '23 4567 8901', '2345-678-901', ' 0123456789 '])('accepts %j', (raw) => {
    expect(validateVNumber(raw)).toEqual({ ok: true, value: raw.replace(/[\s-]/g, '') });
  });
  it('says how many digits a too-short V-number has, in Dutch and English', () => {
    const error = errorOf(validateVNumber('234567890'));
    expect(error.code).toBe('v-number-length');
    expect(error.message.nl).toContain('dit zijn er 9');
    expect(error.message.en).toContain('this has 9');
  });
  it('refuses letters in a V-number', () => {
    expect(errorOf(validateVNumber('23456789O1')).code).toBe('v-number-not-digits');
  });
  it('recognises a document number typed into the V-number field', () => {
    expect(errorOf(validateVNumber('V123AL568')).code).toBe('v-number-looks-like-document-number');
  });
  it('asks for a number when the field is empty', () => {
    const error = errorOf(validateVNumber('  '));
    expect(error.code).toBe('empty');
    expect(error.message.nl).not.toBe(error.message.en);
  });
});

describe('residence document number', () => {
  it.each([
    ['V123AL568', 'V123AL568'],
    ['v 123 al 568', 'V123AL568'],
    ['VZ9XK4N7P', 'VZ9XK4N7P'],
    ['III-V123AL568', 'III-V123AL568'],
    ['iv v123al568', 'IV-V123AL568'],
    ['V-V123AL568', 'V-V123AL568'],
  ])('accepts %j as %j', (raw, value) => {
    expect(validateResidenceDocumentNumber(raw)).toEqual({ ok: true, value });
  });
  it.each([
    ['V1230L568', 'document-number-zero'],
    ['V123OL568', 'document-number-letter-o'],
    ['X123AL568', 'document-number-prefix'],
    ['V123AL56', 'document-number-length'],
    ['V123AL5689', 'document-number-length'],
    ['V123AL56#', 'document-number-characters'],
    ['2345678901', 'document-number-looks-like-v-number'],
    ['II-V123AL568', 'document-number-prefix'],
  ])('refuses %j (%s)', (raw, code) => {
    const error = errorOf(validateResidenceDocumentNumber(raw));
    expect(error.code).toBe(code);
    expect(error.message.nl.length).toBeGreaterThan(10);
    expect(error.message.en.length).toBeGreaterThan(10);
  });
  it('explains the zero rule in both languages', () => {
    const error = errorOf(validateResidenceDocumentNumber('V1230L568'));
    expect(error.message.nl).toContain('nooit het cijfer 0');
    expect(error.message.en).toContain('never contains the digit 0');
  });
});

describe('passport number', () => {
  it.each(['NXC1R2T53', 'nxc1r2t53', 'K1234567', '533380006', 'AB1234<<<'])('accepts %j', (raw) => {
    expect(validatePassportNumber(raw).ok).toBe(true);
  });
  it('removes the MRZ filler from a scanned passport number', () => {
    expect(validatePassportNumber('AB1234<<<')).toEqual({ ok: true, value: 'AB1234' });
  });
  it.each([
    ['AB12', 'passport-number-length'],
    ['AB123456789', 'passport-number-length'],
    ['AB12#456', 'passport-number-characters'],
  ])('refuses %j (%s)', (raw, code) => {
    expect(errorOf(validatePassportNumber(raw)).code).toBe(code);
  });
  it('checks the Dutch format when the passport is Dutch: two letters, six letters or digits, one digit, no O', () => {
    expect(validatePassportNumber('NXC1R2T53', { issuingCountry: 'NLD' }).ok).toBe(true);
    expect(errorOf(validatePassportNumber('NOC1R2T53', { issuingCountry: 'NLD' })).code).toBe('passport-number-dutch-format');
    expect(errorOf(validatePassportNumber('NXC1R2T5X', { issuingCountry: 'NLD' })).code).toBe('passport-number-dutch-format');
  });
});

describe('sticker serial and appointment code', () => {
  it('accepts a sticker serial with a country code and nine digits', () => {
    expect(validateStickerSerial('nld 012 345 678')).toEqual({ ok: true, value: 'NLD012345678' });
  });
  it.each(['NLD01234567', 'NL0123456789', '012345678NLD'])('refuses the sticker serial %j', (raw) => {
    expect(errorOf(validateStickerSerial(raw)).code).toBe('sticker-serial-format');
  });
  it('accepts an appointment code with dashes as typed from the e-mail', () => {
    expect(validateAppointmentCode('hk7-p2q9')).toEqual({ ok: true, value: 'HK7P2Q9' });
  });
  it.each(['HK7P2', 'ABCDEFGH', 'HK7P2Q9HK7P2Q'])('refuses the appointment code %j', (raw) => {
    expect(errorOf(validateAppointmentCode(raw)).code).toBe('appointment-code-format');
  });
});

describe('recognising a scan at the DOC desk', () => {
  it('tells a V-number from a document number by format', () => {
    expect(recogniseScan('2345678901')).toEqual({ kind: 'v-number', value: '2345678901' });
    expect(recogniseScan('v123al568')).toEqual({ kind: 'residence-document-number', value: 'V123AL568' });
    expect(recogniseScan('hello')).toEqual({ kind: 'unknown', value: 'HELLO' });
  });
});
