/**
 * A CSV reader for booking-system exports, small enough to read whole: quoted fields with doubled
 * quotes and line breaks inside, CRLF, LF or CR line ends, a UTF-8 byte order mark, and a
 * semicolon or comma separator (Dutch spreadsheet exports use semicolons because the comma is the
 * decimal sign). No dependency: the format is simple, and every row needs its line number.
 */

/** One record of the file: its fields and the line it starts on (1-based; a quoted field may span lines). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

export type CsvResult =
  | { readonly ok: true; readonly separator: ';' | ','; readonly records: readonly CsvRecord[] }
  | { readonly ok: false; readonly unclosedQuoteLine: number };

/**
 * Splits the text into records. Blank lines are skipped. A quote that is never closed makes the
 * whole file unreadable (everything after it would be one field), so it fails with its line.
 */
export function parseCsv(text: string): CsvResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const separator = separatorOf(source);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 0;

  const endField = () => {
    fields.push(field);
    field = '';
    quoted = false;
  };
  const endRecord = () => {
    endField();
    const blank = fields.length === 1 && fields[0]!.trim() === '';
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
  };

  for (let index = 0; index < source.length; index++) {
    const char = source[index]!;
    if (inQuotes) {
      if (char === '"' && source[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') {
        inQuotes = false;
      } else {
        if (char === '\n' || (char === '\r' && source[index + 1] !== '\n')) line++;
        field += char;
      }
    } else if (char === '"' && !quoted && field.trim() === '') {
      inQuotes = true;
      quoted = true;
      quoteLine = line;
      field = '';
    } else if (char === separator) {
      endField();
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && source[index + 1] === '\n') index++;
      endRecord();
      line++;
      recordLine = line;
    } else if (!(quoted && (char === ' ' || char === '\t'))) {
      // Spaces after a closing quote are padding; in an unquoted value they stay, for the reader to trim.
      field += char;
    }
  }
  if (inQuotes) return { ok: false, unclosedQuoteLine: quoteLine };
  if (field !== '' || fields.length > 0 || quoted) endRecord();
  return { ok: true, separator, records };
}

/** The separator the header line uses most, outside quotes; a semicolon when it uses neither. */
function separatorOf(source: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let inQuotes = false;
  for (const char of source) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === '\n' || char === '\r')) break;
    else if (!inQuotes && char === ';') semicolons++;
    else if (!inQuotes && char === ',') commas++;
  }
  return commas > semicolons ? ',' : ';';
}
