/**
 * Why the import left a file, a row or a booking out, in Dutch and English. Reasons never repeat
 * personal data from the file (names, dates of birth, V-numbers): the report is shown and logged.
 */
import { SERVICE_CODES } from '../../../shared/domain/codes';
import { domainError } from '../../../shared/domain/messages';

const reason = domainError;

/** Why the whole file was refused (nothing imported). */
export const fileReasons = {
  notUtf8: () => reason('file-not-utf8', 'Het bestand is geen UTF-8-tekst; exporteer het als CSV in UTF-8.', 'The file is not UTF-8 text; export it as CSV in UTF-8.'),
  tooLarge: (bytes: number) => {
    const size = `${Math.round(bytes / 1024 / 1024)} MB`;
    return reason('file-too-large', `Het bestand is groter dan ${size}; splits het.`, `The file is larger than ${size}; split it.`);
  },
  empty: () => reason('file-empty', 'Het bestand is leeg.', 'The file is empty.'),
  unclosedQuote: (line: number) =>
    reason('file-unclosed-quote', `Een aanhalingsteken op regel ${line} wordt nooit gesloten.`, `A quote opened on line ${line} is never closed.`),
  missingColumns: (names: readonly string[]) =>
    reason('file-missing-columns', `De kopregel mist de kolom(men): ${names.join(', ')}.`, `The header line lacks the column(s): ${names.join(', ')}.`),
  repeatedColumn: (name: string) =>
    reason('file-repeated-column', `De kolom ${name} staat twee keer in de kopregel.`, `The column ${name} appears twice in the header line.`),
};

/** Why one row was left out. */
export const rowReasons = {
  fieldCount: (found: number, expected: number) =>
    reason('row-field-count', `Deze regel heeft ${found} velden; de kopregel ${expected}.`, `This row has ${found} fields; the header has ${expected}.`),
  appointmentCodeMissing: () => reason('appointment-code-missing', 'De afspraakcode ontbreekt.', 'The appointment code is missing.'),
  dateInvalid: () =>
    reason('date-invalid', 'De afspraakdatum is geen bestaande datum in de vorm JJJJ-MM-DD.', 'The appointment date is not a real date written as YYYY-MM-DD.'),
  timeInvalid: () => reason('time-invalid', 'De tijd is geen tijd in de vorm UU:MM (00:00-23:59).', 'The time is not a time written as HH:MM (00:00-23:59).'),
  servicesMissing: () => reason('services-missing', 'Er staat geen dienst bij deze regel.', 'This row names no service.'),
  serviceUnknown: (written: string) => {
    // Only letters and digits of what was written: the report must not carry control characters.
    const shown = written.replace(/[^\p{L}\p{N}]/gu, '').slice(0, 12);
    const known = SERVICE_CODES.join(', ');
    return reason('service-unknown', `Onbekende dienst "${shown}"; bekend zijn ${known}.`, `Unknown service "${shown}"; known are ${known}.`);
  },
  serviceRepeated: () => reason('service-repeated', 'Een dienst staat twee keer bij deze regel.', 'A service appears twice in this row.'),
  positionInvalid: () =>
    reason('person-position-invalid', 'Het volgnummer van de persoon is geen geheel getal vanaf 1.', 'The person position is not a whole number from 1.'),
  tooManyPersons: (position: number) =>
    reason('too-many-persons', `Een boeking heeft hoogstens 6 personen; dit is persoon ${position}.`, `A booking has at most 6 persons; this is person ${position}.`),
  positionTaken: (firstLine: number) =>
    reason('person-position-taken', `Dit volgnummer staat in deze boeking al op regel ${firstLine}.`, `This person position of the booking is already on line ${firstLine}.`),
  nameMissing: () => reason('name-missing', 'De naam ontbreekt.', 'The name is missing.'),
  nameControlCharacters: () =>
    reason('name-control-characters', 'De naam bevat onzichtbare stuurtekens.', 'The name contains invisible control characters.'),
  nameTooLong: () => reason('name-too-long', 'De naam is langer dan 200 tekens.', 'The name is longer than 200 characters.'),
  dateOfBirthInvalid: () =>
    reason('date-of-birth-invalid', 'De geboortedatum is geen bestaande datum in de vorm JJJJ-MM-DD.', 'The date of birth is not a real date written as YYYY-MM-DD.'),
  bornAfterAppointment: () =>
    reason('date-of-birth-after-appointment', 'De geboortedatum ligt na de afspraakdatum.', 'The date of birth is after the appointment date.'),
  nationalityCategoryUnknown: () =>
    reason(
      'nationality-category-unknown',
      'Onbekende nationaliteitscategorie; bekend zijn eu-eea-ch, eu-family-member en other.',
      'Unknown nationality category; known are eu-eea-ch, eu-family-member and other.',
    ),
  clientCategoryUnknown: () =>
    reason(
      'client-category-unknown',
      'Onbekende klantcategorie; bekend zijn knowledge-migrant, researcher, student, family-member, start-up en other (of leeg).',
      'Unknown client category; known are knowledge-migrant, researcher, student, family-member, start-up and other (or empty).',
    ),
  sponsorNameMissing: () =>
    reason('sponsor-name-missing', 'Er staan gegevens van een referent zonder naam.', 'Sponsor details are given without the sponsor\'s name.'),
  sponsorNameControlCharacters: () =>
    reason('sponsor-name-control-characters', 'De naam van de referent bevat onzichtbare stuurtekens.', 'The sponsor\'s name contains invisible control characters.'),
  sponsorNameTooLong: () =>
    reason('sponsor-name-too-long', 'De naam van de referent is langer dan 200 tekens.', 'The sponsor\'s name is longer than 200 characters.'),
  sponsorRecognisedInvalid: () =>
    reason(
      'sponsor-recognised-invalid',
      'Bij een referent hoort sponsor_recognised yes of no (ja of nee).',
      'A sponsor needs sponsor_recognised yes or no.',
    ),
  sponsorKvkInvalid: () =>
    reason('sponsor-kvk-invalid', 'Het KvK-nummer van de referent is geen 8 cijfers.', 'The sponsor\'s KvK number is not 8 digits.'),
  statusUnknown: () => reason('status-unknown', 'De status is niet booked of cancelled.', 'The status is neither booked nor cancelled.'),
};

/** Why a booking was left out as a whole. */
export const bookingReasons = {
  rowsDisagree: (field: 'date' | 'time' | 'services' | 'status' | 'sponsor') => {
    const nl = { date: 'de datum', time: 'de tijd', services: 'de diensten', status: 'de status', sponsor: 'de referent' }[field];
    return reason(`rows-disagree-${field}`, `De regels van deze boeking noemen niet dezelfde waarde voor ${nl}.`, `The rows of this booking disagree on the ${field}.`);
  },
  inThePast: () => reason('booking-in-the-past', 'De afspraakdatum is al voorbij.', 'The appointment date has passed.'),
  differs: () =>
    reason(
      'booking-differs',
      'Deze boeking is al ingelezen met andere gegevens; een boeking wordt niet gewijzigd (annuleren en opnieuw boeken).',
      'This booking was imported before with other details; a booking is never changed (cancel it and book again).',
    ),
  cancelledEarlier: () =>
    reason(
      'booking-cancelled-earlier',
      'Deze boeking is eerder geannuleerd; een geannuleerde boeking wordt niet opnieuw geboekt.',
      'This booking was cancelled earlier; a cancelled booking is not booked again.',
    ),
  cancelTooLatePast: () =>
    reason('cancel-too-late-past', 'De afspraakdatum is voorbij: de annulering is niet verwerkt.', 'The appointment date has passed: the cancellation was not applied.'),
  cancelTooLateAtCounter: () =>
    reason(
      'cancel-too-late-at-counter',
      'Iemand van deze boeking is al aan de balie geweest (aangemeld, geholpen of niet verschenen): de annulering is niet verwerkt.',
      'Someone of this booking has already been at the counter (checked in, served or marked absent): the cancellation was not applied.',
    ),
};
