import { describe, expect, it } from 'vitest';
import { addDays, addMonths, ageOn, amsterdamDateOf, amsterdamHourOf, amsterdamInstant, amsterdamTimeOf } from './calendar-date';

const HOUR = 3_600_000;
import { formatUuidV7, isUuidV7, uuidV7Time } from './uuid-v7';

describe('ages by calendar arithmetic', () => {
  it('a child born on 3 March 2020 is 6 on 3 March 2026 and 5 the day before', () => {
    expect(ageOn('2020-03-03', '2026-03-03').years).toBe(6);
    expect(ageOn('2020-03-03', '2026-03-02').years).toBe(5);
  });
  it('someone born on 29 February turns a year older on 1 March in other years', () => {
    expect(ageOn('2008-02-29', '2026-02-28').years).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01').years).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29').years).toBe(20);
  });
  it('a baby of five months is 0 years and 5 months', () => {
    expect(ageOn('2025-10-01', '2026-03-03')).toEqual({ years: 0, months: 5 });
  });
  it('dates add across months and years', () => {
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
  });
});

describe("Amsterdam's wall clock", () => {
  it('a 09:00 slot is 08:00 UTC in winter and 07:00 UTC in summer', () => {
    expect(new Date(amsterdamInstant('2026-03-03', '09:00')).toISOString()).toBe('2026-03-03T08:00:00.000Z');
    expect(new Date(amsterdamInstant('2026-07-07', '09:00')).toISOString()).toBe('2026-07-07T07:00:00.000Z');
  });
  it('the hour and time around the change to summer time follow the wall clock', () => {
    expect(amsterdamHourOf(new Date('2026-03-29T00:30:00Z'))).toBe(1);
    expect(amsterdamHourOf(new Date('2026-03-29T01:30:00Z'))).toBe(3);
    expect(amsterdamTimeOf(new Date('2026-03-03T08:05:59Z'))).toBe('09:05');
  });
  it('asked again and again across both changes of the clocks, the time always matches the time zone database', () => {
    const wallClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });
    for (const day of ['2026-03-28T22:00:00Z', '2026-10-24T22:00:00Z']) {
      for (let round = 0; round < 2; round++) {
        for (let minute = 0; minute < 6 * 60; minute += 7) {
          const instant = new Date(Date.parse(day) + minute * 60_000 + 59_999);
          expect(amsterdamTimeOf(instant)).toBe(wallClock.format(instant));
        }
      }
    }
  });
  it('date and time match the time zone database from 1996 to 2060: every hour around each change of the clocks, and every 7th hour between', () => {
    const database = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    const asDatabase = (instant: Date) => {
      const part = Object.fromEntries(database.formatToParts(instant).map(({ type, value }) => [type, value]));
      return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
    };
    const instants: number[] = [];
    for (let hour = Date.UTC(1996, 0, 1) / HOUR; hour < Date.UTC(2061, 0, 1) / HOUR; hour += 7) instants.push(hour * HOUR);
    for (let year = 1996; year <= 2060; year++) {
      for (const month of [2, 9]) {
        // The last Sunday of March and of October, ±2 days by the hour, and each side of 01:00 UTC.
        const lastDay = new Date(Date.UTC(year, month + 1, 0));
        const change = Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
        for (let hour = -48; hour <= 48; hour++) instants.push(change + hour * HOUR);
        instants.push(change - 1, change + 59_999);
      }
    }
    const differing = instants.map((at) => new Date(at)).filter((instant) => `${amsterdamDateOf(instant)} ${amsterdamTimeOf(instant)}` !== asDatabase(instant));
    expect(instants.length).toBeGreaterThan(80_000);
    expect(differing.map((instant) => instant.toISOString())).toEqual([]);
  });
  it('an autumn slot in the repeated hour is the second of the two (winter time), before and after other questions', () => {
    expect(new Date(amsterdamInstant('2026-10-25', '02:30')).toISOString()).toBe('2026-10-25T01:30:00.000Z');
    expect(amsterdamTimeOf(new Date('2026-10-25T00:30:00Z'))).toBe('02:30');
    expect(new Date(amsterdamInstant('2026-10-25', '02:30')).toISOString()).toBe('2026-10-25T01:30:00.000Z');
  });
});

describe('UUIDv7 without a clock', () => {
  it('formats the time and random bytes the caller gives, as version 7 with the RFC variant', () => {
    const id = formatUuidV7(1_772_524_800_000, [0xff, 0xee, 0xdd, 0xcc, 0xbb, 0xaa, 0x99, 0x88, 0x77, 0x66]);
    expect(id).toBe('019cb2b6-0800-7fee-9dcc-bbaa99887766');
    expect(isUuidV7(id)).toBe(true);
    expect(uuidV7Time(id)).toBe(1_772_524_800_000);
  });
  it('ids made later sort later', () => {
    const bytes = new Array(10).fill(0);
    expect(formatUuidV7(1000, bytes) < formatUuidV7(1001, bytes)).toBe(true);
  });
  it('a time that does not fit or too few random bytes are bugs: it throws', () => {
    expect(() => formatUuidV7(-1, new Array(10).fill(0))).toThrow(RangeError);
    expect(() => formatUuidV7(0, [1, 2, 3])).toThrow(RangeError);
  });
});
