import { describe, expect, it } from 'vitest';
import { amsterdamInstant } from '../../../../shared/domain/calendar-date';
import { arrivedLate, minutesWaited, pastTarget } from './queue-view';

const at = (time: string) => new Date(amsterdamInstant('2026-11-25', time)).toISOString();
const booked = { date: '2026-11-25', slotStart: '09:30', transferredFrom: null, walkIn: false };

describe('how long a client waits, and who came late', () => {
  it('counts whole minutes from when the wait began, and is past the target from 5 minutes', () => {
    expect(minutesWaited({ waitingSince: at('09:30') }, new Date(at('09:34')))).toBe(4);
    expect(pastTarget(4)).toBe(false);
    expect(minutesWaited({ waitingSince: at('09:30') }, new Date(at('09:35')))).toBe(5);
    expect(pastTarget(5)).toBe(true);
    expect(minutesWaited({ waitingSince: null }, new Date(at('09:35')))).toBe(0);
  });

  it('a client checked in after the slot is late; one on time, one added at the desk or one sent on from another service is not', () => {
    expect(arrivedLate({ ...booked, checkedInAt: at('09:41') })).toBe(true);
    expect(arrivedLate({ ...booked, checkedInAt: at('09:20') })).toBe(false);
    expect(arrivedLate({ ...booked, checkedInAt: at('09:41'), walkIn: true })).toBe(false);
    expect(arrivedLate({ ...booked, checkedInAt: at('09:41'), transferredFrom: 'bio-1' })).toBe(false);
  });
});
