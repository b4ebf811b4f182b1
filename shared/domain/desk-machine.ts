/**
 * The lifecycle of a desk: closed → open (a clerk signs in) ⇄ paused (with a reason) → closed.
 * Whether an open desk is idle or serving follows from the appointments at it (day-queries.ts).
 */
import type { PauseReason } from './codes';
import { domainError, fail, type Failure } from './messages';

/** A desk's state during the day. */
export interface DeskState {
  readonly id: string;
  readonly locationId: string;
  readonly status: 'closed' | 'open' | 'paused';
  /** The clerk signed in at the desk, while open or paused. */
  readonly clerkId: string | null;
  readonly openedAt: string | null;
  /** The current pause, while paused. */
  readonly pause: { readonly reason: PauseReason; readonly note: string | null; readonly since: string } | null;
}

/** What can happen to a desk. */
export type DeskEvent =
  | { readonly kind: 'open'; readonly clerkId: string }
  | { readonly kind: 'close' }
  | { readonly kind: 'start-pause'; readonly reason: PauseReason; readonly note: string | null }
  | { readonly kind: 'end-pause' };

/** The kinds of {@link DeskEvent}. */
export const DESK_EVENT_KINDS = ['open', 'close', 'start-pause', 'end-pause'] as const satisfies readonly DeskEvent['kind'][];

/** A desk nobody has opened yet today. */
export function closedDesk(id: string, locationId: string): DeskState {
  return { id, locationId, status: 'closed', clerkId: null, openedAt: null, pause: null };
}

/** The result of a desk transition. */
export type DeskTransitionResult = { readonly ok: true; readonly state: DeskState } | Failure;

const refusals = {
  'open-open': ['desk-already-open', 'De balie is al open; sluit eerst af.', 'The desk is already open; close it first.'],
  'open-paused': ['desk-already-open', 'De balie is al open (pauze); sluit eerst af.', 'The desk is already open (paused); close it first.'],
  'close-closed': ['desk-already-closed', 'De balie is al gesloten.', 'The desk is already closed.'],
  'start-pause-closed': ['desk-closed', 'Pauzeren kan niet: de balie is gesloten.', 'Cannot pause: the desk is closed.'],
  'start-pause-paused': ['desk-already-paused', 'De balie heeft al pauze.', 'The desk is already paused.'],
  'end-pause-closed': ['desk-closed', 'Hervatten kan niet: de balie is gesloten.', 'Cannot resume: the desk is closed.'],
  'end-pause-open': ['desk-not-paused', 'Hervatten kan niet: de balie heeft geen pauze.', 'Cannot resume: the desk is not paused.'],
} as const;

function refuse(key: keyof typeof refusals): Failure {
  const [code, nl, en] = refusals[key];
  return fail(domainError(code, nl, en));
}

/** Applies one desk event at `now` (ISO instant); pure, never mutates `state`. */
export function transitionDesk(state: DeskState, event: DeskEvent, now: string): DeskTransitionResult {
  switch (event.kind) {
    case 'open':
      if (state.status !== 'closed') return refuse(state.status === 'open' ? 'open-open' : 'open-paused');
      return { ok: true, state: { ...state, status: 'open', clerkId: event.clerkId, openedAt: now, pause: null } };
    case 'close':
      if (state.status === 'closed') return refuse('close-closed');
      return { ok: true, state: { ...state, status: 'closed', clerkId: null, openedAt: null, pause: null } };
    case 'start-pause':
      if (state.status !== 'open') return refuse(state.status === 'closed' ? 'start-pause-closed' : 'start-pause-paused');
      return { ok: true, state: { ...state, status: 'paused', pause: { reason: event.reason, note: event.note, since: now } } };
    case 'end-pause':
      if (state.status !== 'paused') return refuse(state.status === 'closed' ? 'end-pause-closed' : 'end-pause-open');
      return { ok: true, state: { ...state, status: 'open', pause: null } };
  }
}
