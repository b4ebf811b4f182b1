/**
 * Served days for the steering page's tests, over HTTP only: a location of the test file's own
 * (other files work at MAA at the same time), its desk, clerk and supervisor, and days on which
 * the desk opens and serves walk-ins for the advice talk (INFO), each checked in, called after 5
 * minutes, served for 10 minutes and rated, played with the desk's own domain commands and pushed
 * as the desk would. What the steering report must say follows from the plan by construction.
 */
import { expect } from 'vitest';
import type { CommandContext, CommandResult } from '../../../../../shared/domain/command-support';
import { openDesk, registerWalkIn } from '../../../../../shared/domain/commands-desk';
import { callAppointment } from '../../../../../shared/domain/commands-queue';
import { giveRating } from '../../../../../shared/domain/commands-rating';
import { complete, recordStep, startService } from '../../../../../shared/domain/commands-service';
import { amsterdamInstant } from '../../../../../shared/domain/calendar-date';
import { initialDayState, type DayState } from '../../../../../shared/domain/day-state';
import { formatUuidV7 } from '../../../../../shared/domain/uuid-v7';
import type { BalieEvent } from '../../../../../shared/sync/events';

const PASSWORD = 'steering page test password';
const MINUTE = 60_000;

export interface OwnLocation {
  readonly locationId: string;
  /** A supervisor of this location, signed in from a browser. */
  readonly supervisorToken: string;
  /** A supervisor of another location: the server refuses them this one. */
  readonly strangerToken: string;
  readonly desk: { deskId: string; deviceId: string; clerkId: string; token: string; seq: number };
}

/** One client of a served day: the score they give (null: none), and whether the talk ends partial. */
export interface PlannedClient {
  readonly score: number | null;
  readonly partial?: boolean;
}

function postJson(serverUrl: string, path: string, body: unknown, token?: string, method = 'POST'): Promise<Response> {
  return fetch(`${serverUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

async function account(serverUrl: string, admin: string, username: string, role: 'clerk' | 'supervisor', locationId: string, device?: { deviceId: string; deviceSecret: string }) {
  expect((await postJson(serverUrl, '/api/v1/accounts', { username, displayName: username, role, locationId, password: PASSWORD }, admin)).status).toBe(201);
  const signIn = await postJson(serverUrl, '/api/v1/auth/sign-in', { username, password: PASSWORD, device });
  expect(signIn.status).toBe(200);
  return (await signIn.json()) as { token: string; account: { id: string } };
}

/** A new location (`Z` and two random letters), its desk device with a clerk, a supervisor, and a sponsor list. */
export async function ownLocation(serverUrl: string, admin: string, sponsorList: readonly { name: string; kvk: string | null }[]): Promise<OwnLocation> {
  for (;;) {
    const letters = crypto.getRandomValues(new Uint8Array(2));
    const locationId = `Z${String.fromCharCode(65 + (letters[0]! % 26))}${String.fromCharCode(65 + (letters[1]! % 26))}`;
    const created = await postJson(serverUrl, '/api/v1/locations', { id: locationId, name: `Stuurlocatie ${locationId}` }, admin);
    if (created.status === 409) continue;
    expect(created.status).toBe(201);
    const deskId = `${locationId}-D1`;
    expect((await postJson(serverUrl, `/api/v1/locations/${locationId}/desks`, { id: deskId, name: `Balie ${locationId}` }, admin)).status).toBe(201);
    const code = await postJson(serverUrl, '/api/v1/devices/registration-codes', { locationId, kind: 'desk', deskId }, admin);
    expect(code.status).toBe(201);
    const registered = await postJson(serverUrl, '/api/v1/devices/register', { code: ((await code.json()) as { code: string }).code, name: `test ${deskId}` });
    expect(registered.status).toBe(201);
    const device = (await registered.json()) as { deviceId: string; deviceSecret: string };
    const lower = locationId.toLowerCase();
    const clerk = await account(serverUrl, admin, `balie-${lower}`, 'clerk', locationId, device);
    const supervisor = await account(serverUrl, admin, `stuur-${lower}`, 'supervisor', locationId);
    const stranger = await account(serverUrl, admin, `vreemd-${lower}`, 'supervisor', 'MAA');
    expect((await postJson(serverUrl, `/api/v1/locations/${locationId}/sponsors`, { sponsors: sponsorList }, admin, 'PUT')).status).toBe(200);
    return {
      locationId,
      supervisorToken: supervisor.token,
      strangerToken: stranger.token,
      desk: { deskId, deviceId: device.deviceId, clerkId: clerk.account.id, token: clerk.token, seq: 1 },
    };
  }
}

/** The desk opens at 09:00 on `date` and serves `clients` one after another, each a walk-in for an advice talk. */
export async function serveDay(serverUrl: string, own: OwnLocation, date: string, clients: readonly PlannedClient[]): Promise<void> {
  const { desk, locationId } = own;
  let state: DayState = initialDayState({ appointments: [], persons: [], desks: [{ id: desk.deskId, locationId, name: desk.deskId, services: ['INFO'], active: true }] });
  const events: BalieEvent[] = [];
  const act = (at: number, command: (state: DayState, context: CommandContext) => CommandResult): BalieEvent[] => {
    const context: CommandContext = {
      now: new Date(at).toISOString(), deviceId: desk.deviceId, deskId: desk.deskId, clerkId: desk.clerkId, locationId,
      nextDeviceSeq: desk.seq, newId: () => formatUuidV7(at, crypto.getRandomValues(new Uint8Array(10))),
    };
    const result = command(state, context);
    if (!result.ok) throw new Error(`the desk refused at ${context.now}: ${result.error.code}`);
    state = result.state;
    desk.seq += result.events.length;
    events.push(...result.events);
    return result.events;
  };
  const start = amsterdamInstant(date, '09:00');
  act(start, openDesk);
  clients.forEach((client, index) => {
    const arrived = start + index * 20 * MINUTE;
    const [walkIn] = act(arrived, (s, c) => registerWalkIn(s, { person: { name: `Klant ${index + 1}`, dateOfBirth: '1990-01-01', nationalityCategory: 'other', vNumber: null }, service: 'INFO', reason: 'ind-invited', bookingId: null }, c));
    const appointmentId = walkIn!.appointmentId!;
    act(arrived + 5 * MINUTE, (s, c) => callAppointment(s, { appointmentId }, c));
    act(arrived + 5 * MINUTE, (s, c) => startService(s, { appointmentId }, c));
    act(arrived + 7 * MINUTE, (s, c) => recordStep(s, { appointmentId, stepId: 'topics', value: { kind: 'choice', optionIds: ['housing'] } }, c));
    act(arrived + 9 * MINUTE, (s, c) => recordStep(s, { appointmentId, stepId: 'follow-up', value: { kind: 'choice', optionIds: ['none'] } }, c));
    act(arrived + 15 * MINUTE, (s, c) => complete(s, { appointmentId, outcome: client.partial ? 'partial' : 'completed', reason: client.partial ? 'tijd op' : null }, c));
    if (client.score !== null) act(arrived + 16 * MINUTE, (s, c) => giveRating(s, { appointmentId, score: client.score!, comment: null }, c));
  });
  const pushed = await postJson(serverUrl, '/api/v1/sync/push', { deviceId: desk.deviceId, clientTime: new Date().toISOString(), events }, desk.token);
  expect(pushed.status).toBe(200);
  const { results } = (await pushed.json()) as { results: { status: string }[] };
  expect(results.map((result) => result.status)).toEqual(events.map(() => 'accepted'));
}
