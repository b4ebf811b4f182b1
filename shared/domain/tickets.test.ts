import { describe, expect, it } from 'vitest';
import { balieEventSchema } from '../sync/events';
import { checkIn, checkInBooking } from './commands-queue';
import { complete, startService, transfer } from './commands-service';
import { callNext } from './commands-queue';
import { openDesk, registerWalkIn } from './commands-desk';
import { reduceEvents } from './day-reducer';
import { testDay } from './test-support/day-fixtures';
import { Scenario } from './test-support/scenario';
import { nextTicket, ticketPrefixOfDesk, TICKET_PATTERN } from './tickets';

const ticketOf = (day: Scenario, appointmentId: string) => day.state.appointments[appointmentId]!.ticket;

describe('ticket numbers', () => {
  it('take the letter of the desk that checks the client in, from the number its id ends with', () => {
    expect(['MAA-D1', 'MAA-D2', 'desk-3', 'MAA-D26', 'MAA-D27'].map(ticketPrefixOfDesk)).toEqual(['A', 'B', 'C', 'Z', 'AA']);
    expect(ticketPrefixOfDesk('front-desk')).toMatch(/^[A-Z]$/);
  });

  it('a family that reports with its code shares one ticket, and the next client at that desk gets the next number', () => {
    const day = new Scenario();
    day.do('desk-1', '08:50:00', (state, context) => checkInBooking(state, { appointmentCode: 'HK7P2Q9', method: 'scan' }, context));
    day.do('desk-1', '08:51:00', (state, context) => checkIn(state, { appointmentIds: ['a-jan-bio'], method: 'manual' }, context));
    expect(['a-amira-bio', 'a-omar-bio', 'a-lina-bio'].map((id) => ticketOf(day, id))).toEqual(['A-001', 'A-001', 'A-001']);
    expect(ticketOf(day, 'a-jan-bio')).toBe('A-002');
    expect(day.log.every((event) => event.type !== 'checkedIn' || TICKET_PATTERN.test(event.payload.ticket ?? ''))).toBe(true);
  });

  it('two desks checking in while offline give tickets that never clash once both logs reach the server', () => {
    const online = new Scenario();
    online.do('desk-1', '08:50:00', (state, context) => checkInBooking(state, { appointmentCode: 'HK7P2Q9', method: 'scan' }, context));
    online.do('desk-1', '08:52:00', (state, context) => checkIn(state, { appointmentIds: ['a-jan-bio'], method: 'manual' }, context));
    // The second desk never saw the first one's check-ins: its network was down all morning.
    const offline = new Scenario();
    offline.desk('desk-1');
    offline.do('desk-2', '08:51:00', (state, context) => checkIn(state, { appointmentIds: ['a-priya-bio'], method: 'manual' }, context));
    offline.do('desk-2', '08:53:00', (state, context) => checkIn(state, { appointmentIds: ['a-carlos-doc'], method: 'scan' }, context));
    const merged = reduceEvents(testDay(), [...online.log, ...offline.log]);
    expect(merged.conflicts).toEqual([]);
    const tickets = ['a-amira-bio', 'a-jan-bio', 'a-priya-bio', 'a-carlos-doc'].map((id) => merged.appointments[id]!.ticket);
    expect(tickets).toEqual(['A-001', 'A-002', 'B-001', 'B-002']);
    // After the merge each desk goes on from its own highest number.
    expect(nextTicket(merged, 'desk-2')).toBe('B-003');
  });

  it('a check-in stored before tickets existed stays valid and leaves the ticket empty', () => {
    const day = new Scenario();
    const [event] = day.do('desk-1', '08:50:00', (state, context) => checkIn(state, { appointmentIds: ['a-mei-vaa'], method: 'manual' }, context));
    const { ticket: _dropped, ...oldPayload } = (event as Extract<typeof event, { type: 'checkedIn' }>).payload;
    const oldEvent = balieEventSchema.parse({ ...event, payload: oldPayload });
    const replayed = reduceEvents(testDay(), [oldEvent]);
    expect(replayed.appointments['a-mei-vaa']!.status).toBe('arrived');
    expect(replayed.appointments['a-mei-vaa']!.ticket).toBeNull();
  });

  it('a desk still holding states saved before tickets existed numbers from 1', () => {
    const day = testDay();
    const saved = Object.fromEntries(Object.entries(day.appointments).map(([id, appointment]) => [id, { ...appointment, ticket: undefined as unknown as null }]));
    expect(nextTicket({ ...day, appointments: saved }, 'MAA-D2')).toBe('B-001');
  });

  it('the next service of a one stop shop visit calls the same ticket', () => {
    const day = new Scenario();
    day.do('desk-1', '08:55:00', (state, context) => openDesk(state, context));
    day.do('desk-1', '09:25:00', (state, context) => checkIn(state, { appointmentIds: ['a-carlos-doc'], method: 'scan' }, context));
    day.do('desk-1', '09:30:00', (state, context) => callNext(state, { services: ['DOC'] }, context));
    day.do('desk-1', '09:31:00', (state, context) => startService(state, { appointmentId: 'a-carlos-doc' }, context));
    day.do('desk-1', '09:40:00', (state, context) => complete(state, { appointmentId: 'a-carlos-doc', outcome: 'partial', reason: 'kaart niet aanwezig' }, context));
    const sentOn = day.do('desk-1', '09:41:00', (state, context) => transfer(state, { appointmentId: 'a-carlos-doc', toService: 'BRP', toDeskId: null, reason: null }, context));
    const next = sentOn.find((event) => event.type === 'walkInRegistered')!;
    expect(day.state.appointments[next.appointmentId!]!.ticket).toBe('A-001');
  });

  it('a family member added at the desk shares the family ticket; a new walk-in gets a number of its own', () => {
    const day = new Scenario();
    day.do('desk-2', '08:50:00', (state, context) => checkInBooking(state, { appointmentCode: 'HK7P2Q9', method: 'scan' }, context));
    const person = { name: 'Sara Haddad', dateOfBirth: '2015-03-03', nationalityCategory: 'other', vNumber: null } as const;
    const [joined] = day.do('desk-2', '08:52:00', (state, context) => registerWalkIn(state, { person, service: 'BIO', reason: 'family-member', bookingId: 'b-haddad' }, context));
    const [invited] = day.do('desk-2', '08:53:00', (state, context) => registerWalkIn(state, { person: { ...person, name: 'Ali Yilmaz' }, service: 'DOC', reason: 'ind-invited', bookingId: null }, context));
    expect(day.state.appointments[joined!.appointmentId!]!.ticket).toBe('B-001');
    expect(day.state.appointments[invited!.appointmentId!]!.ticket).toBe('B-002');
  });
});
