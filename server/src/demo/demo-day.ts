/**
 * A realistic demo day at Mosae Forum: about sixty appointments in the opening hours
 * (09:00-12:30, 13:30-17:00), across all six services, with families of two to four and some
 * one stop shop visits (BIO, then BRP, then INFO). The same date always gives the same day.
 */
import type { NationalityCategory, ServiceCode } from '../../../shared/domain/codes';
import { DEMO_FAMILY_NAMES } from './demo-names';
import { seededRandom, type SeededRandom } from './random';

export interface DemoPerson {
  id: string;
  position: number;
  fullName: string;
  dateOfBirth: string;
  nationalityCategory: NationalityCategory;
  vNumber: string | null;
}

export interface DemoBooking {
  id: string;
  appointmentCode: string;
  date: string;
  slotStart: string;
  persons: DemoPerson[];
  /** The services every person of the booking has an appointment for. */
  services: ServiceCode[];
}

/** What kinds of bookings a day holds, and how many of each (sums to about 60 appointments). */
const BOOKING_MIX: ReadonlyArray<{ services: ServiceCode[]; familySize: [number, number]; count: number }> = [
  { services: ['DOC'], familySize: [1, 1], count: 11 },
  { services: ['DOC'], familySize: [2, 3], count: 2 },
  { services: ['BIO'], familySize: [1, 1], count: 7 },
  { services: ['BIO'], familySize: [2, 4], count: 4 },
  { services: ['VAA'], familySize: [1, 1], count: 3 },
  { services: ['TKV'], familySize: [1, 1], count: 2 },
  { services: ['BIO', 'BRP', 'INFO'], familySize: [1, 1], count: 4 },
  { services: ['BIO', 'BRP'], familySize: [2, 3], count: 1 },
  { services: ['BRP'], familySize: [1, 1], count: 2 },
  { services: ['INFO'], familySize: [1, 1], count: 2 },
];

const SLOT_STARTS: readonly string[] = [
  ...quarterHours('09:00', '12:15'),
  ...quarterHours('13:30', '16:45'),
];
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function buildDemoDay(date: string, locationId: string): DemoBooking[] {
  const random = seededRandom(`${locationId}/${date}`);
  const kinds = BOOKING_MIX.flatMap((kind) => Array.from({ length: kind.count }, () => kind));
  shuffle(kinds, random);
  const families = [...DEMO_FAMILY_NAMES];
  shuffle(families, random);
  const slots = assignSlots(kinds.length, random);

  return kinds.map((kind, index) => {
    const bookingId = `${locationId}-${date}-B${String(index + 1).padStart(2, '0')}`;
    const family = families[index % families.length]!;
    const size = random.between(kind.familySize[0], kind.familySize[1]);
    const persons = Array.from({ length: size }, (_, position) =>
      demoPerson(bookingId, position + 1, family, date, random),
    );
    return {
      id: bookingId,
      // Five letters or digits and a digit: the shape of a confirmation e-mail's code.
      appointmentCode: `${locationId}-${Array.from({ length: 5 }, () => random.pick([...CODE_ALPHABET])).join('')}${random.between(2, 9)}`,
      date,
      slotStart: slots[index]!,
      persons,
      services: kind.services,
    };
  });
}

function demoPerson(
  bookingId: string,
  position: number,
  family: (typeof DEMO_FAMILY_NAMES)[number],
  date: string,
  random: SeededRandom,
): DemoPerson {
  // The first person is the adult who booked; the others are a partner and children.
  const ageInYears = position === 1 ? random.between(24, 58) : position === 2 ? random.between(22, 55) : random.between(0, 17);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const birth = new Date(Date.UTC(year - ageInYears, month - 1, day) - random.between(1, 360) * 86_400_000);
  return {
    id: `${bookingId}-P${position}`,
    position,
    fullName: `${family.givenNames[(position - 1) % family.givenNames.length]} ${family.familyName}`,
    dateOfBirth: birth.toISOString().slice(0, 10),
    nationalityCategory: family.category,
    vNumber: family.category === 'eu-eea-ch' && random.next() < 0.5 ? null : String(random.between(1_000_000_000, 9_999_999_999)),
  };
}

/** Spreads the bookings over the day's slots in time order; busy slots hold two (there are four desks). */
function assignSlots(count: number, random: SeededRandom): string[] {
  const slots: string[] = [];
  for (const start of SLOT_STARTS) {
    slots.push(start);
    if (random.next() < 0.25) slots.push(start);
  }
  while (slots.length < count) slots.push(random.pick(SLOT_STARTS));
  return slots.slice(0, count).sort();
}

function quarterHours(first: string, last: string): string[] {
  const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
  const times: string[] = [];
  for (let minutes = toMinutes(first); minutes <= toMinutes(last); minutes += 15) {
    times.push(`${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`);
  }
  return times;
}

function shuffle<T>(items: T[], random: SeededRandom): void {
  for (let index = items.length - 1; index > 0; index--) {
    const other = random.between(0, index);
    [items[index], items[other]] = [items[other]!, items[index]!];
  }
}
