/**
 * Booking-system exports for the import tests, from a seeded generator: real-looking families,
 * V-numbers and appointment codes, one row per person per booking (docs/import.md).
 */
import { addDays } from '../../../shared/domain/calendar-date';
import { DEMO_FAMILY_NAMES } from '../../src/demo/demo-names';
import { seededRandom, type SeededRandom } from '../../src/demo/random';

export interface ExportRow {
  appointment_code: string;
  date: string;
  time: string;
  services: string;
  person_position: string;
  full_name: string;
  date_of_birth: string;
  nationality_category: string;
  v_number: string;
  status: string;
}

export const EXPORT_COLUMNS = [
  'appointment_code', 'date', 'time', 'services', 'person_position', 'full_name', 'date_of_birth', 'nationality_category', 'v_number', 'status',
] as const satisfies ReadonlyArray<keyof ExportRow>;

const SERVICE_MIX = ['DOC', 'DOC', 'BIO', 'BIO', 'VAA', 'TKV', 'BIO+BRP+INFO', 'BIO+BRP', 'BRP', 'INFO'];
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const TIMES = ['09:00', '09:15', '09:30', '10:00', '10:45', '11:30', '12:15', '13:30', '14:00', '14:45', '15:30', '16:15', '16:45'];

/**
 * Bookings with `rows` person rows in all, dated from `firstDate` over `days` days. The first
 * booking is a family of six (the most a booking holds); the others have one to four persons.
 */
export function generateExport(options: { seed: string; rows: number; firstDate: string; days: number }): ExportRow[][] {
  const random = seededRandom(options.seed);
  const bookings: ExportRow[][] = [];
  let left = options.rows;
  while (left > 0) {
    const size = Math.min(left, bookings.length === 0 ? 6 : random.pick([1, 1, 1, 2, 2, 3, 4]));
    bookings.push(generateBooking(random, size, addDays(options.firstDate, random.between(0, options.days - 1))));
    left -= size;
  }
  return bookings;
}

function generateBooking(random: SeededRandom, size: number, date: string): ExportRow[] {
  const family = random.pick(DEMO_FAMILY_NAMES);
  const code = `${Array.from({ length: 6 }, () => random.pick([...CODE_ALPHABET])).join('')}${random.between(10, 99)}`;
  const services = random.pick(SERVICE_MIX);
  const time = random.pick(TIMES);
  const year = Number(date.slice(0, 4));
  return Array.from({ length: size }, (_, index) => {
    const adult = index < 2;
    // Children from one year old: never born after the appointment.
    const born = `${adult ? year - random.between(22, 60) : year - random.between(1, 17)}-${pad(random.between(1, 12))}-${pad(random.between(1, 28))}`;
    const withoutVNumber = family.category === 'eu-eea-ch' && random.next() < 0.5;
    return {
      appointment_code: code,
      date,
      time,
      services,
      person_position: String(index + 1),
      full_name: `${family.givenNames[index % family.givenNames.length]} ${family.familyName}`,
      date_of_birth: born,
      nationality_category: family.category,
      v_number: withoutVNumber ? '' : String(random.between(1_000_000_000, 9_999_999_999)),
      status: 'booked',
    };
  });
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The export as text: a header, then one line per row, quoting fields that need it. */
export function toCsv(rows: readonly ExportRow[], format: { separator?: ';' | ','; lineEnd?: string; bom?: boolean } = {}): string {
  const separator = format.separator ?? ';';
  const lineEnd = format.lineEnd ?? '\n';
  const quote = (value: string) => (/[";,\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = [EXPORT_COLUMNS.join(separator), ...rows.map((row) => EXPORT_COLUMNS.map((column) => quote(row[column])).join(separator))];
  return `${format.bom ? '\uFEFF' : ''}${lines.join(lineEnd)}${lineEnd}`;
}

/** The same bookings, cancelled. */
export function cancelled(rows: readonly ExportRow[]): ExportRow[] {
  return rows.map((row) => ({ ...row, status: 'cancelled' }));
}
