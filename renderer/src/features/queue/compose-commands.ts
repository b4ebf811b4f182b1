import type { CommandResult } from '../../../../shared/domain/command-support';
import type { BalieEvent } from '../../../../shared/sync/events';
import type { DeskCommand } from '../../db/perform-command';

/**
 * One clerk action over several persons (a family recalled together): the commands run one after
 * the other on the day the previous one left, numbering their events on, and all of them are
 * stored in one transaction or none (the first refusal is the answer).
 */
export function allOf(commands: readonly DeskCommand[]): DeskCommand {
  return (state, context): CommandResult => {
    let day = state;
    const events: BalieEvent[] = [];
    for (const command of commands) {
      const result = command(day, { ...context, nextDeviceSeq: context.nextDeviceSeq + events.length });
      if (!result.ok) return result;
      day = result.state;
      events.push(...result.events);
    }
    return { ok: true, events, state: day };
  };
}
