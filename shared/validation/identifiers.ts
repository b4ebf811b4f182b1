/**
 * Validators for the numbers a clerk types or scans: V-number, residence document number,
 * passport number, sticker serial and appointment code. Each takes raw input, normalises it
 * ({@link normaliseScannerInput}) and returns the canonical value or an error in Dutch and English.
 */
import { domainError, fail, type DomainError, type Failure } from '../domain/messages';
import { normaliseScannerInput } from './scanner-input';

/** A validated identifier in its canonical form. */
export interface ValidIdentifier {
  readonly ok: true;
  readonly value: string;
}

/** What every validator returns. */
export type IdentifierResult = ValidIdentifier | Failure;

function valid(value: string): ValidIdentifier {
  return { ok: true, value };
}

const emptyError = domainError('empty', 'Vul een nummer in of scan het.', 'Enter or scan a number.');

function lengthWord(count: number): { nl: string; en: string } {
  return count === 1 ? { nl: '1 teken', en: '1 character' } : { nl: `${count} tekens`, en: `${count} characters` };
}

/** Ten digits: the most common mistake a scanner makes is reading the V-number for a document number. */
const V_NUMBER = /^\d{10}$/;

/**
 * The V-number (vreemdelingennummer): the person's IND client number, exactly 10 digits.
 * `'23 4567 8901'` → `'2345678901'`.
 */
export function validateVNumber(raw: string): IdentifierResult {
  const value = normaliseScannerInput(raw);
  if (value === '') return fail(emptyError);
  if (V_NUMBER.test(value)) return valid(value);
  if (RESIDENCE_DOCUMENT.test(value)) {
    return fail(domainError(
      'v-number-looks-like-document-number',
      'Dit is een documentnummer (V + 8 tekens), geen V-nummer (10 cijfers).',
      'This is a document number (V + 8 characters), not a V-number (10 digits).',
    ));
  }
  if (!/^\d+$/.test(value)) {
    return fail(domainError('v-number-not-digits', 'Een V-nummer bestaat alleen uit cijfers.', 'A V-number contains digits only.'));
  }
  return fail(domainError(
    'v-number-length',
    `Een V-nummer heeft 10 cijfers; dit zijn er ${value.length}.`,
    `A V-number has 10 digits; this has ${value.length}.`,
  ));
}

/** "V" and eight letters or digits, never the digit 0 or the letter O (RvIG, since October 2019). */
const RESIDENCE_DOCUMENT = /^V[1-9A-NP-Z]{8}$/;
/** The refugee-passport form: the document type (III, IV or V), a dash, then the number. */
const REFUGEE_PASSPORT_FORM = /^(III|IV|V)(V[1-9A-NP-Z]{8})$/;

function documentNumberError(value: string): DomainError {
  if (V_NUMBER.test(value)) {
    return domainError(
      'document-number-looks-like-v-number',
      'Dit is een V-nummer (10 cijfers), geen documentnummer (V + 8 tekens).',
      'This is a V-number (10 digits), not a document number (V + 8 characters).',
    );
  }
  if (!value.startsWith('V')) {
    return domainError('document-number-prefix', 'Een documentnummer begint met de letter V.', 'A document number starts with the letter V.');
  }
  if (/[^A-Z0-9]/.test(value)) {
    return domainError('document-number-characters', 'Een documentnummer bevat alleen letters en cijfers.', 'A document number contains letters and digits only.');
  }
  if (value.length !== 9) {
    const rest = lengthWord(value.length - 1);
    return domainError(
      'document-number-length',
      `Na de V komen 8 letters of cijfers; hier staan er ${rest.nl}.`,
      `The V is followed by 8 letters or digits; this has ${rest.en}.`,
    );
  }
  if (value.slice(1).includes('0')) {
    return domainError('document-number-zero', 'Een documentnummer bevat nooit het cijfer 0 (nul).', 'A document number never contains the digit 0 (zero).');
  }
  return domainError('document-number-letter-o', 'Een documentnummer bevat nooit de letter O.', 'A document number never contains the letter O.');
}

/**
 * The number of a residence document (verblijfsdocument): `V` + 8 letters or digits, never 0 or O,
 * e.g. `V123AL568`. Also accepts the form written in a refugee passport, type prefix first
 * (`III-V123AL568`), and returns it canonically with the dash.
 */
export function validateResidenceDocumentNumber(raw: string): IdentifierResult {
  const value = normaliseScannerInput(raw);
  if (value === '') return fail(emptyError);
  if (RESIDENCE_DOCUMENT.test(value)) return valid(value);
  const refugeeForm = REFUGEE_PASSPORT_FORM.exec(value);
  if (refugeeForm) return valid(`${refugeeForm[1]}-${refugeeForm[2]}`);
  return fail(documentNumberError(value));
}

/** Dutch passports and identity cards: 2 letters, 6 letters or digits, 1 digit; never the letter O. */
const DUTCH_TRAVEL_DOCUMENT = /^[A-NP-Z]{2}[A-NP-Z0-9]{6}[0-9]$/;
/** ICAO 9303: the document number field holds up to 9 letters and digits. */
const ANY_PASSPORT = /^[A-Z0-9]{6,9}$/;

/**
 * A passport (or travel document) number. Any country: 6 to 9 letters and digits (ICAO 9303),
 * MRZ filler `<` removed. With `issuingCountry: 'NLD'` the Dutch format is checked too
 * (e.g. `NXC1R2T53`; the letter O never occurs, the digit 0 may).
 */
export function validatePassportNumber(raw: string, options: { issuingCountry?: string } = {}): IdentifierResult {
  const value = normaliseScannerInput(raw).replace(/<+$/, '');
  if (value === '') return fail(emptyError);
  if (/[^A-Z0-9]/.test(value)) {
    return fail(domainError('passport-number-characters', 'Een paspoortnummer bevat alleen letters en cijfers.', 'A passport number contains letters and digits only.'));
  }
  if (!ANY_PASSPORT.test(value)) {
    const count = lengthWord(value.length);
    return fail(domainError(
      'passport-number-length',
      `Een paspoortnummer heeft 6 tot 9 tekens; dit heeft er ${count.nl}.`,
      `A passport number has 6 to 9 characters; this has ${count.en}.`,
    ));
  }
  if (options.issuingCountry === 'NLD' && !DUTCH_TRAVEL_DOCUMENT.test(value)) {
    return fail(domainError(
      'passport-number-dutch-format',
      'Een Nederlands documentnummer heeft 9 tekens: 2 letters, 6 letters of cijfers, 1 cijfer, zonder de letter O.',
      'A Dutch document number has 9 characters: 2 letters, 6 letters or digits, 1 digit, never the letter O.',
    ));
  }
  return valid(value);
}

/**
 * Serial number of a residence endorsement or return-visa sticker **(assumption)**: the issuing
 * country's three-letter code and 9 digits, as on uniform-format visa stickers (`NLD012345678`).
 */
export function validateStickerSerial(raw: string): IdentifierResult {
  const value = normaliseScannerInput(raw);
  if (value === '') return fail(emptyError);
  if (/^[A-Z]{3}\d{9}$/.test(value)) return valid(value);
  return fail(domainError(
    'sticker-serial-format',
    'Een stickernummer is een landcode van 3 letters en 9 cijfers, bijvoorbeeld NLD012345678.',
    'A sticker serial is a 3-letter country code and 9 digits, for example NLD012345678.',
  ));
}

/**
 * The appointment code from the client's confirmation e-mail **(assumption)**: 6 to 12 letters and
 * digits, at least one digit. Scanned or typed, with or without dashes.
 */
export function validateAppointmentCode(raw: string): IdentifierResult {
  const value = normaliseScannerInput(raw);
  if (value === '') return fail(emptyError);
  if (/^[A-Z0-9]{6,12}$/.test(value) && /\d/.test(value)) return valid(value);
  return fail(domainError(
    'appointment-code-format',
    'Een afspraakcode heeft 6 tot 12 letters en cijfers, zoals in de bevestigingsmail.',
    'An appointment code has 6 to 12 letters and digits, as in the confirmation e-mail.',
  ));
}

/** What a scanned identifier turned out to be. */
export type RecognisedScan =
  | { readonly kind: 'v-number'; readonly value: string }
  | { readonly kind: 'residence-document-number'; readonly value: string }
  | { readonly kind: 'unknown'; readonly value: string };

/**
 * A scanner at the DOC desk may type either the V-number or the document number: tells which one
 * it was, by format alone.
 */
export function recogniseScan(raw: string): RecognisedScan {
  const vNumber = validateVNumber(raw);
  if (vNumber.ok) return { kind: 'v-number', value: vNumber.value };
  const document = validateResidenceDocumentNumber(raw);
  if (document.ok) return { kind: 'residence-document-number', value: document.value };
  return { kind: 'unknown', value: normaliseScannerInput(raw) };
}
