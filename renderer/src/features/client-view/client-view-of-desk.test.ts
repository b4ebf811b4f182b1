import { describe, expect, it } from 'vitest';
import { expectedAppointment } from '../../../../shared/domain/appointment-state';
import { clientViewOfDesk, deskLabelOf, type DeskRow } from './client-view-of-desk';

function row(id: string, changes: Partial<DeskRow>): DeskRow {
  const booked = expectedAppointment({ id, bookingId: `b-${id}`, appointmentCode: null, locationId: 'MAA', date: '2026-11-25', slotStart: '09:00', service: 'BIO', personId: `p-${id}`, walkIn: false });
  return { ...booked, personName: 'Amira Haddad', dateOfBirth: '1990-03-03', ...changes };
}

const served = { status: 'completed', deskId: 'MAA-D3', serviceStartedAt: '2026-11-25T09:05:00.000Z' } as const;

describe('what the client screen shows, following the desk', () => {
  it('welcomes the client called to this desk with the ticket, and shows nothing of clients of other desks', () => {
    const rows = [row('a', { status: 'called', deskId: 'MAA-D3', ticket: 'A-017' }), row('b', { status: 'called', deskId: 'MAA-D1', ticket: 'A-018' })];
    expect(clientViewOfDesk(rows, 'MAA-D3')).toEqual({ kind: 'welcome', desk: 'Balie 3', ticket: 'A-017' });
    expect(clientViewOfDesk(rows, 'MAA-D2')).toEqual({ kind: 'idle' });
  });

  it('during a DOC service shows the name and date of birth to check', () => {
    const rows = [row('a', { status: 'in-service', service: 'DOC', deskId: 'MAA-D3' })];
    expect(clientViewOfDesk(rows, 'MAA-D3')).toEqual({ kind: 'confirm', name: 'Amira Haddad', dateOfBirth: '1990-03-03' });
  });

  it('asks for a rating of the last service finished here, and shows the information once it is rated', () => {
    const earlier = row('a', { ...served, finishedAt: '2026-11-25T09:10:00.000Z' });
    const later = row('b', { ...served, finishedAt: '2026-11-25T09:30:00.000Z' });
    expect(clientViewOfDesk([later, earlier], 'MAA-D3')).toEqual({ kind: 'rating', appointmentId: 'b', desk: 'Balie 3' });
    const rated = { ...later, rating: { score: 9, ratedAt: '2026-11-25T09:31:00.000Z', deskId: 'MAA-D3' } };
    expect(clientViewOfDesk([rated, earlier], 'MAA-D3')).toEqual({ kind: 'idle' });
  });

  it('never asks to rate a no-show or a service finished at another desk', () => {
    expect(clientViewOfDesk([row('a', { status: 'no-show', deskId: 'MAA-D3', finishedAt: '2026-11-25T09:10:00.000Z' })], 'MAA-D3')).toEqual({ kind: 'idle' });
    expect(clientViewOfDesk([row('a', { ...served, deskId: 'MAA-D1', finishedAt: '2026-11-25T09:10:00.000Z' })], 'MAA-D3')).toEqual({ kind: 'idle' });
  });

  it('names a desk as the wall does', () => {
    expect(deskLabelOf('MAA-D3')).toBe('Balie 3');
    expect(deskLabelOf('MAA-D03')).toBe('Balie 3');
    expect(deskLabelOf('front')).toBe('front');
  });
});
