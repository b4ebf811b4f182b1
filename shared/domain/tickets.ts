/**
 * Ticket numbers: the short number a client gets at check-in ("A-017") and that the waiting-room
 * display calls instead of a name. A desk must give one while the network is down, so the number
 * cannot come from the server: the letter belongs to the desk that checks the client in (from the
 * number in its id: `MAA-D1` → A, `MAA-D2` → B), and the number is one more than the highest
 * ticket of that letter in the day the desk holds. Only that desk gives tickets of its letter, and
 * its own unsent check-ins are part of the day it holds, so its numbers never repeat, online or
 * not, and never clash with another desk's. The ticket travels in the check-in event's payload
 * (optional: events stored before tickets existed stay valid and leave the ticket null).
 */
import type { AppointmentState } from './appointment-state';
import { backAlongTrail, type Appointments } from './appointment-trail';
import type { DayState } from './day-state';

/** A ticket as shown on the display: one to three letters, a dash, three or four digits. */
export const TICKET_PATTERN = /^[A-Z]{1,3}-\d{3,4}$/;

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** 1 → A, 26 → Z, 27 → AA (bijective base 26, as spreadsheet columns). */
function lettersOf(position: number): string {
  let rest = position;
  let letters = '';
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = LETTERS[digit]! + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/**
 * The letter(s) of the tickets a desk gives: from the number its id ends with (`MAA-D3` → C).
 * A desk id without a number gets a letter from a hash of the id: two such desks may then share a
 * letter, and their tickets stay unique only while both are online (docs/architecture.md).
 */
export function ticketPrefixOfDesk(deskId: string): string {
  const number = /(\d+)$/.exec(deskId)?.[1];
  const position = number === undefined ? 0 : Number.parseInt(number, 10);
  if (position >= 1 && position <= 18_278) return lettersOf(position);
  let hash = 0;
  for (const character of deskId) hash = (hash * 31 + character.charCodeAt(0)) >>> 0;
  return LETTERS[hash % 26]!;
}

/** The number of a ticket with this prefix, or null when the ticket has another prefix. */
function numberOfTicket(ticket: string, prefix: string): number | null {
  if (!ticket.startsWith(`${prefix}-`)) return null;
  const number = Number.parseInt(ticket.slice(prefix.length + 1), 10);
  return Number.isNaN(number) ? null : number;
}

/**
 * The next ticket this desk gives today: one more than the highest ticket of its letter in the
 * day, written with at least three digits (`A-001`, ... `A-999`, `A-1000`).
 */
export function nextTicket(state: DayState, deskId: string): string {
  const prefix = ticketPrefixOfDesk(deskId);
  const highest = highestTicketNumber(state.appointments, prefix);
  return `${prefix}-${String(Math.min(highest + 1, 9999)).padStart(3, '0')}`;
}

/** The highest ticket number per prefix of appointments records already asked about. */
const highestKnown = new WeakMap<Appointments, Map<string, number>>();

function highestTicketNumber(appointments: Appointments, prefix: string): number {
  const known = highestKnown.get(appointments)?.get(prefix);
  if (known !== undefined) return known;
  const highest = highestAlongTrail(appointments, prefix) ?? highestOfAll(appointments, prefix);
  const perPrefix = highestKnown.get(appointments) ?? new Map<string, number>();
  perPrefix.set(prefix, highest);
  highestKnown.set(appointments, perPrefix);
  return highest;
}

function ticketNumberOf(appointment: AppointmentState | undefined, prefix: string): number | null {
  // A state stored before tickets existed may lack the field altogether.
  return appointment?.ticket ? numberOfTicket(appointment.ticket, prefix) : null;
}

function highestOfAll(appointments: Appointments, prefix: string): number {
  let highest = 0;
  for (const id in appointments) highest = Math.max(highest, ticketNumberOf(appointments[id], prefix) ?? 0);
  return highest;
}

/**
 * The highest number from an earlier record whose highest is known, and the few appointments
 * changed since (appointment-trail.ts). Null when there is no such record, or when a changed
 * appointment held that highest number and lost it (then only a look at every row can tell).
 */
function highestAlongTrail(appointments: Appointments, prefix: string): number | null {
  const trail = backAlongTrail(appointments, (record) => highestKnown.get(record)?.has(prefix) === true);
  if (!trail) return null;
  const before = highestKnown.get(trail.before)!.get(prefix)!;
  let highest = before;
  for (const id of trail.ids) {
    const now = ticketNumberOf(appointments[id], prefix);
    if (ticketNumberOf(trail.before[id], prefix) === before && now !== before) return null;
    highest = Math.max(highest, now ?? 0);
  }
  return highest;
}

/** The ticket an appointment keeps after an event that may carry one (null: keep the one it had). */
export function withTicket(appointment: AppointmentState, ticket: string | null | undefined): AppointmentState {
  return ticket ? { ...appointment, ticket } : appointment;
}
