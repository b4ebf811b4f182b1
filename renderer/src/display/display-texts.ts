import { defineMessages } from '../i18n/define-messages';

/** The waiting-room display's texts, Dutch and English: read from across the hall, so short. */
export const DISPLAY_TEXTS = defineMessages(
  {
    title: 'Oproepen',
    ticket: 'Nummer',
    desk: 'Balie',
    goTo: 'gaat naar',
    latest: 'Nu aan de beurt',
    earlier: 'Eerder opgeroepen',
    noCalls: 'Nog geen oproepen vandaag.',
    waiting: 'Wachtend',
    waitingOne: '1 klant wacht',
    waitingMany: '{count} klanten wachten',
    stale: 'Geen verbinding: deze oproepen zijn misschien niet actueel. Bijgewerkt om {time}.',
    staleNever: 'Geen verbinding met de server. Even geduld.',
    noTicket: 'Klant',
    setupTitle: 'Dit scherm koppelen',
    setupIntro: 'Vul de eenmalige code in die de beheerder voor dit oproepscherm heeft gemaakt.',
    codeLabel: 'Koppelcode',
    nameLabel: 'Naam van dit scherm',
    nameDefault: 'Oproepscherm wachtruimte',
    register: 'Koppelen',
    registering: 'Bezig met koppelen…',
    badCode: 'Deze code is onbekend, gebruikt of verlopen. Vraag de beheerder om een nieuwe.',
    notADisplayCode: 'Deze code is niet voor een oproepscherm. Vraag de beheerder om een code voor een scherm.',
    otherLocation: 'Deze code hoort bij locatie {location}, niet bij deze pagina.',
    unreachable: 'De server antwoordt niet. Probeer het zo opnieuw.',
    tooMany: 'Te veel verkeerde codes. Wacht een paar minuten.',
  },
  {
    title: 'Calls',
    ticket: 'Number',
    desk: 'Desk',
    goTo: 'goes to',
    latest: 'Now serving',
    earlier: 'Called before',
    noCalls: 'No calls yet today.',
    waiting: 'Waiting',
    waitingOne: '1 client waiting',
    waitingMany: '{count} clients waiting',
    stale: 'No connection: these calls may be out of date. Updated at {time}.',
    staleNever: 'No connection to the server. Please wait.',
    noTicket: 'Client',
    setupTitle: 'Link this screen',
    setupIntro: 'Enter the one-time code the administrator made for this call display.',
    codeLabel: 'Registration code',
    nameLabel: 'Name of this screen',
    nameDefault: 'Waiting room call display',
    register: 'Link',
    registering: 'Linking…',
    badCode: 'This code is unknown, used or expired. Ask the administrator for a new one.',
    notADisplayCode: 'This code is not for a call display. Ask the administrator for a display code.',
    otherLocation: 'This code belongs to location {location}, not to this page.',
    unreachable: 'The server does not answer. Try again in a moment.',
    tooMany: 'Too many wrong codes. Wait a few minutes.',
  },
);

export type DisplayLanguage = keyof typeof DISPLAY_TEXTS;
export type DisplayTextKey = keyof typeof DISPLAY_TEXTS.nl;

/** A text in the language, with `{name}` placeholders filled in. */
export function displayText(language: DisplayLanguage, key: DisplayTextKey, values: Record<string, string | number> = {}): string {
  return DISPLAY_TEXTS[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** A desk as the client reads it: "Balie 3" stays Dutch on the Dutch screen and is "Desk 3" in English. */
export function deskNameIn(language: DisplayLanguage, deskName: string): string {
  const number = /^Balie (\S+)$/.exec(deskName)?.[1];
  return number !== undefined && language === 'en' ? `Desk ${number}` : deskName;
}

/** A time of day in the Netherlands, `HH:MM`. */
export function amsterdamClock(instant: string): string {
  return new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
}
