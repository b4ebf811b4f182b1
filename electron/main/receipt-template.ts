import type { ServiceCode } from '../../shared/domain/codes';
import type { Receipt } from '../../shared/ipc/desk-bridge';

/** The services as a client reads them on the handout, in Dutch and English (the desk's wording). */
const serviceNames: Record<ServiceCode, { nl: string; en: string }> = {
  BIO: { nl: 'Biometrie', en: 'Biometrics' },
  DOC: { nl: 'Document ophalen', en: 'Collect document' },
  VAA: { nl: 'Verblijfssticker', en: 'Residence sticker' },
  TKV: { nl: 'Terugkeervisum', en: 'Return visa' },
  BRP: { nl: 'Inschrijving BRP', en: 'Municipal registration' },
  INFO: { nl: 'Adviesgesprek', en: 'Advice talk' },
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

function longDate(date: string, locale: string): string {
  // The calendar date as written, at noon UTC, so no time zone moves it to another day.
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/**
 * What the slip is, by service: after a DOC service the client takes it home with the document they
 * collected (the checklist's "handover confirmed: receipt"); before any other service it is the
 * appointment slip they hold until served.
 */
function wordingOf(receipt: Receipt): { heading: string; footer: string } {
  if (receipt.service === 'DOC') {
    return {
      heading: 'IND &middot; Ontvangstbewijs <span class="en">/ Receipt</span>',
      footer: 'Uw verblijfsdocument is aan u uitgereikt. Bewaar dit bewijs. / Your residence document was handed to you. Keep this receipt.',
    };
  }
  return {
    heading: 'IND &middot; Uw afspraak <span class="en">/ Your appointment</span>',
    footer: 'Bewaar dit briefje tot u geholpen bent. / Keep this slip until you have been served.',
  };
}

/**
 * The handout as a standalone HTML page: no scripts (the print window has JavaScript off, and the
 * page's own CSP forbids them too), no remote resources, inline styles only. Every value is
 * escaped, though the contract already limits them to codes, dates and a short desk name.
 */
export function receiptHtml(receipt: Receipt): string {
  const service = serviceNames[receipt.service];
  const wording = wordingOf(receipt);
  const rows: Array<[string, string]> = [
    ['Afspraakcode / Appointment code', `<strong class="code">${escapeHtml(receipt.appointmentCode)}</strong>`],
    ['Dienst / Service', `${escapeHtml(service.nl)}<br><span class="en">${escapeHtml(service.en)}</span>`],
    ['Datum / Date', `${escapeHtml(longDate(receipt.date, 'nl-NL'))}<br><span class="en">${escapeHtml(longDate(receipt.date, 'en-GB'))}</span>`],
    ['Tijd / Time', escapeHtml(receipt.time)],
    ['Balie / Desk', escapeHtml(receipt.desk)],
  ];
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Afspraak ${escapeHtml(receipt.appointmentCode)}</title>
<style>
  @page { size: A6; margin: 10mm; }
  body { font-family: "Liberation Sans", "DejaVu Sans", Arial, sans-serif; font-size: 11pt; color: #000; }
  h1 { font-size: 14pt; margin: 0 0 4mm; }
  dl { margin: 0; }
  dt { font-size: 8pt; text-transform: uppercase; margin-top: 3mm; }
  dd { margin: 0; }
  .code { font-family: "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 16pt; letter-spacing: 1px; }
  .en { font-size: 9pt; }
  footer { margin-top: 6mm; font-size: 8pt; }
</style>
</head>
<body>
<h1>${wording.heading}</h1>
<dl>
${rows.map(([label, value]) => `  <dt>${label}</dt><dd>${value}</dd>`).join('\n')}
</dl>
<footer>${wording.footer}</footer>
</body>
</html>
`;
}
