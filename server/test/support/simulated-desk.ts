/**
 * A desk as the sync tests need it: it builds events with the shared commands against its own
 * copy of the day (as a real desk does offline) and pushes or pulls them over HTTP.
 */
import { randomBytes } from 'node:crypto';
import { addDays, amsterdamInstant } from '../../../shared/domain/calendar-date';
import type { CommandContext, CommandResult } from '../../../shared/domain/command-support';
import type { DayState } from '../../../shared/domain/day-state';
import { formatUuidV7 } from '../../../shared/domain/uuid-v7';
import type { BalieEvent } from '../../../shared/sync/events';
import { pullResponseSchema, pushResponseSchema, type PullResponse, type PushResponse } from '../../../shared/sync/push-pull';
import type { RunningServer } from '../../src/server';
import { rebuildDayState } from '../../src/sync/day-state-store';

export interface SimulatedDesk {
  deviceId: string;
  deskId: string;
  token: string;
  clerkId: string;
  state: DayState;
  nextSeq: number;
  /** Runs a command on the desk's copy of the day; returns its events (and keeps the new state). */
  act(command: (state: DayState, context: CommandContext) => CommandResult): BalieEvent[];
  push(events: readonly unknown[]): Promise<{ status: number; body: PushResponse }>;
  pull(since: string, limit?: number): Promise<PullResponse>;
}

export interface DeskIdentity {
  deviceId: string;
  deskId: string;
  token: string;
  clerkId: string;
  locationId: string;
  day: string;
}

/** A desk of a server running in this process: its day comes straight from the server's database. */
export async function simulatedDesk(server: RunningServer, desk: DeskIdentity): Promise<SimulatedDesk> {
  return simulatedRemoteDesk(server.url, desk, await rebuildDayState(server.db, desk.locationId, desk.day));
}

/** A desk of a server at `url` (e.g. a child process), starting from the given day. */
export function simulatedRemoteDesk(url: string, desk: DeskIdentity, day: DayState): SimulatedDesk {
  const now = deskClock(desk.day);
  const simulated: SimulatedDesk = {
    ...desk,
    state: day,
    nextSeq: 1,
    act(command) {
      const result = command(simulated.state, {
        now: now().toISOString(),
        deviceId: desk.deviceId,
        deskId: desk.deskId,
        clerkId: desk.clerkId,
        locationId: desk.locationId,
        nextDeviceSeq: simulated.nextSeq,
        newId: () => formatUuidV7(Date.now(), randomBytes(10)),
      });
      if (!result.ok) throw new Error(`command refused: ${result.error.message.en}`);
      simulated.state = result.state;
      simulated.nextSeq += result.events.length;
      return result.events;
    },
    async push(events) {
      const response = await fetch(`${url}/api/v1/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${desk.token}` },
        body: JSON.stringify({ deviceId: desk.deviceId, clientTime: new Date().toISOString(), events }),
      });
      const text = await response.text();
      if (response.status !== 200) return { status: response.status, body: JSON.parse(text) as PushResponse };
      return { status: response.status, body: pushResponseSchema.parse(JSON.parse(text)) };
    },
    async pull(since, limit = 500) {
      const response = await fetch(`${url}/api/v1/sync/pull?since=${since}&limit=${limit}`, {
        headers: { authorization: `Bearer ${desk.token}` },
      });
      if (response.status !== 200) throw new Error(`pull answered ${response.status}: ${await response.text()}`);
      return pullResponseSchema.parse(await response.json());
    },
  };
  return simulated;
}

/**
 * The real time, held at the last millisecond of the desk's day. The server files a desk's own
 * events (opening, pauses) under the Amsterdam day they happened on, so a run that crosses
 * midnight would otherwise move half its events to a day the test does not look at.
 */
function deskClock(day: string): () => Date {
  const lastInstantOfDay = amsterdamInstant(addDays(day, 1), '00:00') - 1;
  return () => new Date(Math.min(Date.now(), lastInstantOfDay));
}
