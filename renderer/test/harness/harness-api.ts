/**
 * What the browser suite's harness page exposes as `window.balieHarness`: the real desk code
 * (registration, sign-in, `act()` with the shared commands, the Dexie tables) reachable from
 * Playwright, so a test can make a clerk's day of 2,000 actions in seconds while the real App and
 * sync engine run on the same page. Only the harness page (e2e/harness/) installs it: the shipped
 * renderer build never contains it.
 */
import { addNote, complete, park, startService } from '../../../shared/domain/commands-service';
import { registerWalkIn } from '../../../shared/domain/commands-desk';
import { callAppointment, checkIn, markNoShow, recall } from '../../../shared/domain/commands-queue';
import type { AppointmentState } from '../../../shared/domain/appointment-state';
import type { DeskBridge } from '../../../shared/ipc/desk-bridge';
import type { BalieEvent } from '../../../shared/sync/events';
import { appointmentOf, serverStateOf } from '../../src/db/day-projection';
import { act, actorOf } from '../../src/db/desk-actor';
import type { DeskDatabase, StoredConflict } from '../../src/db/desk-db';
import { readMeta } from '../../src/db/desk-meta';
import type { DeskCommand } from '../../src/db/perform-command';
import { registerThisDesk, sessionToken, signInOnDesk } from '../../src/features/auth/desk-auth';

/** One clerk action, as a test names it. */
export type HarnessAction =
  | { kind: 'checkIn' | 'call' | 'startService' | 'noShow' | 'recall'; appointmentId: string }
  | { kind: 'note'; appointmentId: string; text: string }
  | { kind: 'park'; appointmentId: string; reason: string }
  | { kind: 'finish'; appointmentId: string; reason: string }
  | { kind: 'walkIn'; name: string };

export interface HarnessSnapshot {
  pending: number;
  rejected: number;
  cursor: string | null;
  nextDeviceSeq: number | null;
  conflicts: StoredConflict[];
  /** Every appointment as the desk shows it, without the desk-only fields. */
  shown: AppointmentState[];
  /** The server's state of every appointment as this desk last stored it. */
  base: AppointmentState[];
}

export interface BalieHarness {
  register(code: string, name: string): Promise<{ ok: boolean; reason?: string }>;
  signIn(username: string, password: string): Promise<{ ok: boolean; reason?: string }>;
  token(): Promise<string | null>;
  /** Performs the actions one after the other, each in its own transaction, as a clerk would. */
  perform(date: string, actions: HarnessAction[]): Promise<{ done: number; eventIds: string[]; refused: { index: number; code: string }[] }>;
  snapshot(): Promise<HarnessSnapshot>;
  /** The events waiting in the outbox, in device order (the bench gives PouchDB the same documents). */
  pendingEvents(): Promise<BalieEvent[]>;
  /**
   * Tells the page the network is back and waits until the outbox is empty and a sync finished
   * after that moment; answers how long it took (ms), measured in the page.
   */
  reconcile(): Promise<number>;
}

function commandOf(action: HarnessAction): DeskCommand {
  if (action.kind === 'walkIn') {
    const person = { name: action.name, dateOfBirth: '1990-01-01', nationalityCategory: 'other' as const, vNumber: null };
    return (state, context) => registerWalkIn(state, { person, service: 'INFO', reason: 'ind-invited', bookingId: null }, context);
  }
  const appointmentId = action.appointmentId;
  switch (action.kind) {
    case 'checkIn':
      return (state, context) => checkIn(state, { appointmentIds: [appointmentId], method: 'manual' }, context);
    case 'call':
      return (state, context) => callAppointment(state, { appointmentId }, context);
    case 'startService':
      return (state, context) => startService(state, { appointmentId }, context);
    case 'noShow':
      return (state, context) => markNoShow(state, { appointmentId }, context);
    case 'recall':
      return (state, context) => recall(state, { appointmentId }, context);
    case 'note':
      return (state, context) => addNote(state, { appointmentId, text: action.text }, context);
    case 'park':
      return (state, context) => park(state, { appointmentId, reason: action.reason }, context);
    case 'finish':
      return (state, context) => complete(state, { appointmentId, outcome: 'partial', reason: action.reason }, context);
  }
}

export function createHarness(db: DeskDatabase, bridge: DeskBridge): BalieHarness {
  return {
    async register(code, name) {
      const result = await registerThisDesk(db, bridge, { code, name });
      return result.ok ? { ok: true } : { ok: false, reason: `${result.reason}: ${result.detail}` };
    },
    async signIn(username, password) {
      const result = await signInOnDesk(db, bridge, { username, password });
      return result.ok ? { ok: true } : { ok: false, reason: `${result.reason}: ${result.detail}` };
    },
    token: () => sessionToken(bridge),
    async perform(date, actions) {
      const session = await readMeta(db.meta, 'session');
      if (!session) throw new Error('nobody is signed in on this desk');
      const actor = actorOf(session);
      const refused: { index: number; code: string }[] = [];
      const eventIds: string[] = [];
      for (const [index, action] of actions.entries()) {
        const result = await act(db, actor, date, commandOf(action));
        if (result.ok) eventIds.push(...result.events.map((event) => event.id));
        else refused.push({ index, code: result.error.code });
      }
      return { done: actions.length - refused.length, eventIds, refused };
    },
    async snapshot() {
      const rows = await db.appointments.toArray();
      return {
        pending: await db.outbox.where('state').equals('pending').count(),
        rejected: await db.outbox.where('state').equals('rejected').count(),
        cursor: (await readMeta(db.meta, 'pullCursor')) ?? null,
        nextDeviceSeq: (await readMeta(db.meta, 'nextDeviceSeq')) ?? null,
        conflicts: await db.conflicts.toArray(),
        shown: rows.map(appointmentOf),
        base: rows.flatMap((row) => serverStateOf(row) ?? []),
      };
    },
    async pendingEvents() {
      return (await db.outbox.orderBy('deviceSeq').filter((entry) => entry.state === 'pending').toArray()).map((entry) => entry.event);
    },
    async reconcile() {
      const started = performance.now();
      const since = new Date().toISOString();
      globalThis.dispatchEvent(new Event('online'));
      for (;;) {
        // Whether anything waits, not how much: counting 2,000 waiting events 200 times a second
        // would take turns with the push transactions this measures.
        const waiting = await db.outbox.where('state').equals('pending').limit(1).primaryKeys();
        const lastSyncAt = await readMeta(db.meta, 'lastSyncAt');
        if (waiting.length === 0 && lastSyncAt !== undefined && lastSyncAt >= since) return performance.now() - started;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
  };
}
