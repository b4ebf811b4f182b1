import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addWorkingDays, dutchHolidays, easterSunday, isWorkingDay, workingDaysBetween } from './working-days';
import { addDays } from '../domain/calendar-date';

describe('Easter by the anonymous Gregorian algorithm', () => {
  it('gives the known Easter Sundays, early and late', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2038)).toBe('2038-04-25'); // the latest possible date
    expect(easterSunday(2285)).toBe('2285-03-22'); // the earliest possible date
  });
});

describe('the Dutch national holidays', () => {
  it('lists the ten days of 2026, movable ones counted from Easter', () => {
    expect([...dutchHolidays(2026).keys()].sort()).toEqual([
      '2026-01-01',
      '2026-04-05',
      '2026-04-06',
      '2026-04-27',
      '2026-05-05',
      '2026-05-14',
      '2026-05-24',
      '2026-05-25',
      '2026-12-25',
      '2026-12-26',
    ]);
  });
  it("moves King's Day to 26 April when the 27th is a Sunday", () => {
    expect(dutchHolidays(2025).get('2025-04-26')).toBe("King's Day");
    expect(dutchHolidays(2025).has('2025-04-27')).toBe(false);
    expect(dutchHolidays(2027).get('2027-04-27')).toBe("King's Day");
  });
  it('counts Liberation Day every year, also between the five-yearly ones', () => {
    expect(isWorkingDay('2026-05-05')).toBe(false);
    expect(isWorkingDay('2027-05-05')).toBe(false);
  });
  it('keeps Good Friday a working day and weekends not', () => {
    expect(isWorkingDay('2026-04-03')).toBe(true);
    expect(isWorkingDay('2026-04-04')).toBe(false);
    expect(isWorkingDay('2026-04-02')).toBe(true);
  });
});

describe('adding and counting working days', () => {
  it('a Friday plus one working day is the Monday; the start date never counts', () => {
    expect(addWorkingDays('2026-03-06', 1)).toBe('2026-03-09');
    expect(addWorkingDays('2026-03-07', 1)).toBe('2026-03-09');
    expect(addWorkingDays('2026-03-09', 0)).toBe('2026-03-09');
  });
  it('the Easter week of 2026: 3 working days after Thursday 2 April is Wednesday 8 April', () => {
    expect(addWorkingDays('2026-04-02', 3)).toBe('2026-04-08');
    expect(workingDaysBetween('2026-04-02', '2026-04-08')).toBe(3);
    expect(workingDaysBetween('2026-04-02', '2026-04-09')).toBe(4);
  });
  it("the Easter week of 2027 falls in March: Easter Monday 29 March is not counted", () => {
    expect(addWorkingDays('2027-03-26', 1)).toBe('2027-03-30');
  });
  it("the holiday week of King's Day and Liberation Day 2026 has 8 working days in two weeks", () => {
    expect(workingDaysBetween('2026-04-24', '2026-05-08')).toBe(8);
    expect(addWorkingDays('2026-04-24', 3)).toBe('2026-04-30');
    expect(addWorkingDays('2026-05-04', 1)).toBe('2026-05-06');
  });
  it('Ascension Day and Whit Monday 2026 are skipped', () => {
    expect(addWorkingDays('2026-05-13', 1)).toBe('2026-05-15');
    expect(addWorkingDays('2026-05-22', 1)).toBe('2026-05-26');
  });
  it("Christmas and New Year's Day across the turn of the year", () => {
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-28');
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(workingDaysBetween('2026-12-24', '2027-01-04')).toBe(5);
  });
  it('going backwards and counting backwards give negative answers', () => {
    expect(addWorkingDays('2026-04-08', -3)).toBe('2026-04-02');
    expect(workingDaysBetween('2026-04-08', '2026-04-02')).toBe(-3);
    expect(workingDaysBetween('2026-04-04', '2026-04-05')).toBe(0);
  });
  it('a fraction of a day or a date that does not exist is a bug: it throws', () => {
    expect(() => addWorkingDays('2026-04-02', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(/YYYY-MM-DD/);
    expect(() => workingDaysBetween('2026-04-02', '8 April')).toThrow(RangeError);
    expect(() => isWorkingDay('')).toThrow(RangeError);
  });

  const dates = fc
    .integer({ min: 0, max: 365 * 30 })
    .map((offset) => addDays('2020-01-01', offset));
  it('counting is the inverse of adding, and adding lands on a working day', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 60 }), (start, n) => {
        const end = addWorkingDays(start, n);
        expect(workingDaysBetween(start, end)).toBe(n);
        if (n > 0) expect(isWorkingDay(end)).toBe(true);
      }),
    );
  });
  it('a year has between 250 and 256 working days, five weekdays a week minus holidays', () => {
    for (let year = 2020; year <= 2040; year += 1) {
      const count = workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`);
      expect(count).toBeGreaterThanOrEqual(250);
      expect(count).toBeLessThanOrEqual(256);
    }
  });
});
