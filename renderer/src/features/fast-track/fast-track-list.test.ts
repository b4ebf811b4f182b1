import { describe, expect, it } from 'vitest';
import type { FastTrackRegistration } from '../../../../shared/fast-track/fast-track-api';
import { checkPeriod, countsOf, defaultPeriod, formatDay, rowsOfView, withBsnDay } from './fast-track-list';

/** An open registration on `registeredOn`, as the server lists it. */
function registration(name: string, registeredOn: string, state: FastTrackRegistration['state'], bsnIssuedOn: string | null = null): FastTrackRegistration {
  return { appointmentId: `id-${name}`, locationId: 'MAA', appointmentCode: null, personName: name, dateOfBirth: null, registeredOn, deadline: registeredOn, bsnIssuedOn, workingDays: null, state };
}

describe('the follow-up list', () => {
  it('puts the overdue registrations first, oldest first, then the running ones; the open view leaves the answered ones out', () => {
    const list = [
      registration('Piet', '2026-11-24', 'pending'),
      registration('Wim', '2026-10-01', 'within', '2026-10-02'),
      registration('Olga', '2026-11-02', 'overdue'),
      registration('Anna', '2026-10-14', 'overdue'),
      registration('Lena', '2026-10-01', 'late', '2026-10-20'),
    ];
    expect(rowsOfView(list, 'open').map((row) => row.personName)).toEqual(['Anna', 'Olga', 'Piet']);
    expect(rowsOfView(list, 'all').map((row) => row.personName)).toEqual(['Anna', 'Olga', 'Piet', 'Lena', 'Wim']);
    expect(countsOf(list)).toEqual({ within: 1, late: 1, overdue: 2, pending: 1 });
  });

  it("judges a recorded BSN day by Dutch working days: the Friday before King's Day 2026 is in time up to Thursday 30 April", () => {
    const friday = registration('Koen', '2026-04-24', 'overdue');
    expect(withBsnDay(friday, '2026-04-30', '2026-05-20')).toMatchObject({ bsnIssuedOn: '2026-04-30', workingDays: 3, state: 'within' });
    expect(withBsnDay(friday, '2026-05-01', '2026-05-20')).toMatchObject({ workingDays: 4, state: 'late' });
    // Taken back: open again, and long past its deadline.
    expect(withBsnDay(withBsnDay(friday, '2026-04-30', '2026-05-20'), null, '2026-05-20')).toMatchObject({ bsnIssuedOn: null, workingDays: null, state: 'overdue' });
  });

  it('asks for the last three months by default and refuses a period that is not one', () => {
    expect(defaultPeriod('2026-05-31')).toEqual({ from: '2026-02-28', to: '2026-05-31' });
    expect(checkPeriod('2026-03-01', '2026-02-28')).toEqual({ ok: false, problem: 'order' });
    expect(checkPeriod('2026-02-30', '2026-03-01')).toEqual({ ok: false, problem: 'bad-date' });
    expect(checkPeriod('2026-03-01', '2026-03-01')).toEqual({ ok: true, period: { from: '2026-03-01', to: '2026-03-01' } });
  });

  it('writes a day as the reader does', () => {
    expect(formatDay('2026-04-27', 'nl')).toBe('27-04-2026');
    expect(formatDay('2026-04-27', 'en')).toBe('27/04/2026');
  });
});
