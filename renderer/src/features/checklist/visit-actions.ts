/**
 * The clerk's actions on a visit as desk commands: each is one or more shared commands run in one
 * Dexie transaction by `act`, so e.g. "finish and send on to BRP" is stored whole or not at all.
 */
import type { StepValue } from '../../../../shared/checklists/step-value';
import type { OutcomeCode, ServiceCode } from '../../../../shared/domain/codes';
import { recall, markNoShow } from '../../../../shared/domain/commands-queue';
import { addNote, complete, park, recordStep, startService, transfer } from '../../../../shared/domain/commands-service';
import type { BalieEvent } from '../../../../shared/sync/events';
import type { DeskCommand } from '../../db/perform-command';

/** Runs commands one after the other on the day the previous one left; the first refusal is the answer. */
export function inSequence(commands: readonly DeskCommand[]): DeskCommand {
  return (state, context) => {
    let day = state;
    const events: BalieEvent[] = [];
    for (const command of commands) {
      const result = command(day, { ...context, nextDeviceSeq: context.nextDeviceSeq + events.length });
      if (!result.ok) return result;
      events.push(...result.events);
      day = result.state;
    }
    return { ok: true, events, state: day };
  };
}

/** Where the person goes after this service: another service of the visit, at one desk or any. */
export interface SendOn {
  readonly service: ServiceCode;
  readonly deskId: string | null;
}

export const visitCommands = {
  /** The called persons sat down at the desk: their service time starts (a family together). */
  start: (appointmentIds: readonly string[]): DeskCommand =>
    inSequence(appointmentIds.map((appointmentId): DeskCommand => (state, context) => startService(state, { appointmentId }, context))),
  /** `startedAt`: when the clerk turned to this person, so a family member's step is timed from then. */
  record: (appointmentId: string, stepId: string, value: StepValue, startedAt?: string): DeskCommand => (state, context) =>
    recordStep(state, { appointmentId, stepId, value, ...(startedAt ? { startedAt } : {}) }, context),
  finish: (appointmentId: string, outcome: Exclude<OutcomeCode, 'no-show'>, reason: string | null, sendOn: SendOn | null): DeskCommand => {
    const finishing: DeskCommand = (state, context) => complete(state, { appointmentId, outcome, reason }, context);
    if (!sendOn) return finishing;
    const sending: DeskCommand = (state, context) =>
      transfer(state, { appointmentId, toService: sendOn.service, toDeskId: sendOn.deskId, reason: null }, context);
    return inSequence([finishing, sending]);
  },
  toOtherDesk: (appointmentId: string, service: ServiceCode, deskId: string | null, reason: string | null): DeskCommand => (state, context) =>
    transfer(state, { appointmentId, toService: service, toDeskId: deskId, reason }, context),
  park: (appointmentId: string, reason: string | null): DeskCommand => (state, context) => park(state, { appointmentId, reason }, context),
  note: (appointmentId: string, text: string): DeskCommand => (state, context) => addNote(state, { appointmentId, text }, context),
  recall: (appointmentId: string): DeskCommand => (state, context) => recall(state, { appointmentId }, context),
  noShow: (appointmentId: string): DeskCommand => (state, context) => markNoShow(state, { appointmentId }, context),
};
