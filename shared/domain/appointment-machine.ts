/**
 * The lifecycle of one person's appointment for one service, as a pure function:
 * `transition(state, event, now)` returns the next state or an error a clerk can read.
 *
 *   expected → arrived → called ⟲ recall → in-service ⟲ steps → completed | partial
 *   in-service → parked → called (again) ;  called | in-service | parked → transferred → called
 *   completed | partial → (sends the person on to the next service's appointment)
 *   expected | called → no-show → arrived (late after all) ;  expected | arrived → cancelled
 *
 * The desk runs it before making an event; the reducer runs it again on every replay, on the desk
 * and on the server, so both decide alike.
 */
import type { StepValue } from '../checklists/step-value';
import type { AppointmentState } from './appointment-state';
import { amsterdamInstant } from './calendar-date';
import type { AppointmentStatus, OutcomeCode, ServiceCode } from './codes';
import { domainError, fail, type DomainError, type Failure } from './messages';

/** What can happen to one appointment. */
export type LifecycleEvent =
  | { readonly kind: 'check-in' }
  | { readonly kind: 'call'; readonly deskId: string; readonly clerkId: string }
  | { readonly kind: 'recall'; readonly deskId: string }
  | { readonly kind: 'start-service'; readonly deskId: string; readonly clerkId: string }
  | {
      readonly kind: 'record-step';
      readonly deskId: string;
      readonly clerkId: string;
      readonly stepId: string;
      readonly checklistId: string;
      readonly checklistVersion: number;
      readonly value: StepValue;
    }
  | { readonly kind: 'park'; readonly deskId: string; readonly reason: string | null }
  | { readonly kind: 'complete'; readonly deskId: string; readonly outcome: Exclude<OutcomeCode, 'no-show'>; readonly reason: string | null }
  | { readonly kind: 'no-show'; readonly deskId: string }
  | {
      readonly kind: 'transfer';
      readonly deskId: string;
      readonly toService: ServiceCode;
      readonly toDeskId: string | null;
      readonly toAppointmentId: string;
    }
  | { readonly kind: 'receive-transfer'; readonly fromAppointmentId: string; readonly checkedInAt: string | null; readonly toDeskId: string | null }
  | { readonly kind: 'cancel' }
  | { readonly kind: 'add-note'; readonly clerkId: string; readonly text: string };

/** The kinds of {@link LifecycleEvent}. */
export type LifecycleEventKind = LifecycleEvent['kind'];

/** Every lifecycle event kind, for tables and tests. */
export const LIFECYCLE_EVENT_KINDS = [
  'check-in', 'call', 'recall', 'start-service', 'record-step', 'park', 'complete',
  'no-show', 'transfer', 'receive-transfer', 'cancel', 'add-note',
] as const satisfies readonly LifecycleEventKind[];

/** The result of a transition. */
export type TransitionResult = { readonly ok: true; readonly state: AppointmentState } | Failure;

/** From which statuses each event may happen (further checks in the event's own rule). */
export const ALLOWED_FROM: Readonly<Record<LifecycleEventKind, readonly AppointmentStatus[]>> = {
  'check-in': ['expected', 'no-show'],
  call: ['arrived', 'transferred', 'parked'],
  recall: ['called'],
  'start-service': ['called'],
  'record-step': ['in-service'],
  park: ['in-service'],
  complete: ['in-service', 'parked'],
  'no-show': ['expected', 'called'],
  transfer: ['called', 'in-service', 'parked', 'completed', 'partial'],
  'receive-transfer': ['expected', 'arrived'],
  cancel: ['expected', 'arrived'],
  'add-note': ['expected', 'arrived', 'called', 'in-service', 'parked', 'transferred', 'completed', 'partial', 'no-show', 'cancelled'],
};

const ACTION_TEXT: Readonly<Record<LifecycleEventKind, { nl: string; en: string }>> = {
  'check-in': { nl: 'Aanmelden', en: 'check in' },
  call: { nl: 'Oproepen', en: 'call' },
  recall: { nl: 'Opnieuw oproepen', en: 'call again' },
  'start-service': { nl: 'Starten', en: 'start the service' },
  'record-step': { nl: 'Een stap vastleggen', en: 'record a step' },
  park: { nl: 'Parkeren', en: 'park' },
  complete: { nl: 'Afronden', en: 'finish' },
  'no-show': { nl: 'Als niet verschenen markeren', en: 'mark as no-show' },
  transfer: { nl: 'Doorsturen', en: 'transfer' },
  'receive-transfer': { nl: 'Doorgestuurd ontvangen', en: 'receive a transfer' },
  cancel: { nl: 'Annuleren', en: 'cancel' },
  'add-note': { nl: 'Een notitie toevoegen', en: 'add a note' },
};

/** Why a status stops an action, in words a clerk reads. */
export const STATUS_TEXT: Readonly<Record<AppointmentStatus, { nl: string; en: string }>> = {
  expected: { nl: 'de klant is nog niet aangemeld', en: 'the client has not checked in yet' },
  arrived: { nl: 'de klant wacht en is nog niet opgeroepen', en: 'the client is waiting and has not been called' },
  called: { nl: 'de klant is opgeroepen maar nog niet aan de balie', en: 'the client has been called but is not at the desk yet' },
  'in-service': { nl: 'de klant wordt al geholpen', en: 'the client is already being served' },
  parked: { nl: 'de klant is geparkeerd en wacht om opnieuw opgeroepen te worden', en: 'the client is parked and waits to be called again' },
  transferred: { nl: 'de klant is doorgestuurd en wacht op een oproep', en: 'the client has been transferred and waits to be called' },
  completed: { nl: 'deze dienst is al afgerond', en: 'this service is already completed' },
  partial: { nl: 'deze dienst is al afgesloten (gedeeltelijk)', en: 'this service has already ended (partial)' },
  'no-show': { nl: 'de klant is als niet verschenen gemarkeerd', en: 'the client has been marked as a no-show' },
  cancelled: { nl: 'de boeking is geannuleerd', en: 'the booking has been cancelled' },
};

/** The error for an event that may not happen in this status. */
export function notAllowed(kind: LifecycleEventKind, status: AppointmentStatus): DomainError {
  const action = ACTION_TEXT[kind];
  const reason = STATUS_TEXT[status];
  return domainError(`${kind}-not-allowed-when-${status}`, `${action.nl} kan niet: ${reason.nl}.`, `Cannot ${action.en}: ${reason.en}.`);
}

const otherDesk = (kind: LifecycleEventKind): Failure =>
  fail(domainError(
    'other-desk',
    `${ACTION_TEXT[kind].nl} kan niet: deze klant is aan een andere balie opgeroepen of wordt daar geholpen.`,
    `Cannot ${ACTION_TEXT[kind].en}: this client was called to, or is served at, another desk.`,
  ));

function later(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

/** When the wait clock starts at check-in: the later of the check-in and the booked slot. */
export function waitStartAtCheckIn(state: AppointmentState, checkedInAt: string): string {
  const slot = new Date(amsterdamInstant(state.date, state.slotStart)).toISOString();
  return later(checkedInAt, slot);
}

type Rule<Kind extends LifecycleEventKind> = (
  state: AppointmentState,
  event: Extract<LifecycleEvent, { kind: Kind }>,
  now: string,
) => TransitionResult;

const ok = (state: AppointmentState): TransitionResult => ({ ok: true, state });
const atThisDesk = (state: AppointmentState, deskId: string) => state.deskId === deskId;

const RULES: { readonly [Kind in LifecycleEventKind]: Rule<Kind> } = {
  'check-in': (state, _event, now) =>
    ok({ ...state, status: 'arrived', checkedInAt: now, waitingSince: waitStartAtCheckIn(state, now), finishedAt: null, outcome: null }),
  call: (state, event, now) => {
    if (state.status === 'transferred' && state.deskId !== null && state.deskId !== event.deskId) {
      return fail(domainError('transferred-to-other-desk', 'Oproepen kan niet: de klant is naar een andere balie doorgestuurd.', 'Cannot call: the client was transferred to another desk.'));
    }
    return ok({ ...state, status: 'called', deskId: event.deskId, clerkId: event.clerkId, calledAt: now, callCount: state.callCount + 1, waitingSince: null, parkReason: null });
  },
  recall: (state, event, now) =>
    atThisDesk(state, event.deskId) ? ok({ ...state, calledAt: now, callCount: state.callCount + 1 }) : otherDesk('recall'),
  'start-service': (state, event, now) =>
    atThisDesk(state, event.deskId)
      ? ok({ ...state, status: 'in-service', clerkId: event.clerkId, serviceStartedAt: state.serviceStartedAt ?? now })
      : otherDesk('start-service'),
  'record-step': (state, event, now) => {
    if (!atThisDesk(state, event.deskId)) return otherDesk('record-step');
    const step = { checklistId: event.checklistId, checklistVersion: event.checklistVersion, value: event.value, recordedAt: now, clerkId: event.clerkId };
    return ok({ ...state, steps: { ...state.steps, [event.stepId]: step } });
  },
  park: (state, event) => (atThisDesk(state, event.deskId) ? ok({ ...state, status: 'parked', parkReason: event.reason }) : otherDesk('park')),
  complete: (state, event, now) => {
    if (!atThisDesk(state, event.deskId)) return otherDesk('complete');
    if (state.status === 'parked' && event.outcome === 'completed') {
      return fail(domainError('completed-while-parked', 'Afronden kan niet: roep de geparkeerde klant eerst opnieuw op.', 'Cannot finish as completed: call the parked client back first.'));
    }
    const status = event.outcome === 'completed' ? 'completed' : 'partial';
    return ok({ ...state, status, outcome: event.outcome, outcomeReason: event.reason, finishedAt: now, parkReason: null });
  },
  'no-show': (state, event, now) =>
    state.status === 'called' && !atThisDesk(state, event.deskId)
      ? otherDesk('no-show')
      : ok({ ...state, status: 'no-show', outcome: 'no-show', finishedAt: now, waitingSince: null }),
  transfer: transferRule,
  'receive-transfer': (state, event, now) =>
    ok({
      ...state,
      status: 'transferred',
      deskId: event.toDeskId,
      clerkId: null,
      checkedInAt: state.checkedInAt ?? event.checkedInAt ?? now,
      waitingSince: now,
      transferredFrom: event.fromAppointmentId,
    }),
  cancel: (state, _event, now) => ok({ ...state, status: 'cancelled', finishedAt: now, waitingSince: null }),
  'add-note': (state, event, now) => ok({ ...state, notes: [...state.notes, { text: event.text, at: now, clerkId: event.clerkId }] }),
};

function transferRule(state: AppointmentState, event: Extract<LifecycleEvent, { kind: 'transfer' }>, now: string): TransitionResult {
  const finished = state.status === 'completed' || state.status === 'partial';
  if (event.toService === state.service) {
    if (finished) return fail(notAllowed('transfer', state.status));
    if (!atThisDesk(state, event.deskId)) return otherDesk('transfer');
    if (event.toAppointmentId !== state.id) {
      return fail(domainError('transfer-same-service', 'Doorsturen naar een andere balie houdt dezelfde afspraak.', 'A transfer to another desk keeps the same appointment.'));
    }
    return ok({ ...state, status: 'transferred', deskId: event.toDeskId, clerkId: null, waitingSince: now, parkReason: null });
  }
  if (!finished) {
    return fail(domainError(
      'transfer-before-finished',
      'Doorsturen naar een volgende dienst kan pas als deze dienst is afgerond of afgesloten.',
      'Sending the client on to the next service is possible only once this service has ended.',
    ));
  }
  if (state.transferredTo !== null) {
    return fail(domainError('already-sent-on', 'Deze klant is al naar een volgende dienst doorgestuurd.', 'This client has already been sent on to a next service.'));
  }
  return ok({ ...state, transferredTo: event.toAppointmentId });
}

/**
 * Applies one lifecycle event to one appointment at `now` (an ISO instant: the event's time).
 * Returns the next state, or `{ ok: false, error }` with a reason in Dutch and English when the
 * event may not happen now. Never mutates `state`.
 */
export function transition(state: AppointmentState, event: LifecycleEvent, now: string): TransitionResult {
  if (!ALLOWED_FROM[event.kind].includes(state.status)) return fail(notAllowed(event.kind, state.status));
  const rule = RULES[event.kind] as Rule<LifecycleEventKind>;
  return rule(state, event, now);
}
