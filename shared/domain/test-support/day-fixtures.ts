/**
 * A small, realistic day at Mosae Forum for tests: a family of three for BIO, an EU citizen for
 * BIO, a knowledge migrant on a one-stop-shop visit (BIO, BRP, INFO), a DOC and a VAA client.
 * Ids are deterministic so tests and property tests can replay the same events.
 */
import { formatUuidV7 } from '../uuid-v7';
import type { CommandContext } from '../command-support';
import { initialDayState, type DayState } from '../day-state';
import type { Appointment, Person } from '../model';

/** The test day. */
export const DAY = '2026-03-03';

/** Persons of the test day (ages on 2026-03-03 in the comments). */
export const PERSONS: Person[] = [
  { id: 'p-amira', name: 'Amira Haddad', dateOfBirth: '1988-06-14', nationalityCategory: 'other', vNumber: '2345678901', lastCaptureDate: null }, // 37
  { id: 'p-omar', name: 'Omar Haddad', dateOfBirth: '2011-09-02', nationalityCategory: 'other', vNumber: '2345678902', lastCaptureDate: '2021-02-01' }, // 14
  { id: 'p-lina', name: 'Lina Haddad', dateOfBirth: '2020-11-20', nationalityCategory: 'other', vNumber: '2345678903', lastCaptureDate: null }, // 5
  { id: 'p-jan', name: 'Jan Kowalski', dateOfBirth: '1990-01-15', nationalityCategory: 'eu-eea-ch', vNumber: null, lastCaptureDate: null }, // 36
  { id: 'p-priya', name: 'Priya Raman', dateOfBirth: '1993-04-30', nationalityCategory: 'other', vNumber: '3456789012', lastCaptureDate: null }, // 32
  { id: 'p-carlos', name: 'Carlos Mendes', dateOfBirth: '1985-12-01', nationalityCategory: 'eu-family-member', vNumber: '4567890123', lastCaptureDate: null },
  { id: 'p-mei', name: 'Mei Chen', dateOfBirth: '1979-07-07', nationalityCategory: 'other', vNumber: '5678901234', lastCaptureDate: null },
];

function appointment(id: string, bookingId: string, code: string, slotStart: string, service: Appointment['service'], personId: string): Appointment {
  return { id, bookingId, appointmentCode: code, locationId: 'maa', date: DAY, slotStart, service, personId, walkIn: false };
}

/** Appointments of the test day. */
export const APPOINTMENTS: Appointment[] = [
  appointment('a-amira-bio', 'b-haddad', 'HK7P2Q9', '09:00', 'BIO', 'p-amira'),
  appointment('a-omar-bio', 'b-haddad', 'HK7P2Q9', '09:00', 'BIO', 'p-omar'),
  appointment('a-lina-bio', 'b-haddad', 'HK7P2Q9', '09:00', 'BIO', 'p-lina'),
  appointment('a-jan-bio', 'b-jan', 'JK4M8R2', '09:15', 'BIO', 'p-jan'),
  appointment('a-priya-bio', 'b-priya', 'PR3N6T1', '09:30', 'BIO', 'p-priya'),
  appointment('a-priya-brp', 'b-priya-brp', 'BRP55X21', '10:00', 'BRP', 'p-priya'),
  appointment('a-priya-info', 'b-priya-info', 'INF88Y34', '10:30', 'INFO', 'p-priya'),
  appointment('a-carlos-doc', 'b-carlos', 'CM9D3F7', '09:30', 'DOC', 'p-carlos'),
  appointment('a-mei-vaa', 'b-mei', 'MC2V5W8', '10:00', 'VAA', 'p-mei'),
];

/** The test day before any event. */
export function testDay(): DayState {
  return initialDayState({
    appointments: APPOINTMENTS,
    persons: PERSONS,
    desks: [
      { id: 'desk-1', locationId: 'maa', name: 'Balie 1', services: ['BIO', 'DOC', 'VAA', 'TKV'], active: true },
      { id: 'desk-2', locationId: 'maa', name: 'Balie 2', services: ['BIO', 'DOC', 'VAA', 'TKV'], active: true },
      { id: 'desk-3', locationId: 'maa', name: 'Balie 3', services: ['BRP', 'INFO'], active: true },
    ],
  });
}

/** A deterministic UUIDv7 maker: time from `base`, randomness from a counter. */
export function idMaker(seed = 1): () => string {
  let counter = 0;
  return () => {
    counter += 1;
    const bytes = [seed & 0xff, (seed >> 8) & 0xff, 0, 0, 0, 0, (counter >> 24) & 0xff, (counter >> 16) & 0xff, (counter >> 8) & 0xff, counter & 0xff];
    return formatUuidV7(1_772_524_800_000 + counter, bytes);
  };
}

/** A desk that makes events: keeps its device sequence and its own id maker. */
export class TestDesk {
  private seq = 1;
  private readonly newId: () => string;

  constructor(
    readonly deskId: string,
    readonly clerkId: string,
    seed: number,
  ) {
    this.newId = idMaker(seed);
  }

  /** The context for one command at `time` (`HH:MM:SS`, Amsterdam winter time on the test day). */
  at(time: string): CommandContext {
    return {
      now: `${DAY}T${time}+01:00`,
      deviceId: `device-${this.deskId}`,
      deskId: this.deskId,
      clerkId: this.clerkId,
      locationId: 'maa',
      nextDeviceSeq: this.seq,
      newId: this.newId,
    };
  }

  /** Advances the device sequence after a command made `count` events. */
  advance(count: number): void {
    this.seq += count;
  }
}
