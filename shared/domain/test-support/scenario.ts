/**
 * Plays a day command by command, the way a desk does: each command sees the current state, its
 * events are appended to the log and applied. Tests read like a clerk's day.
 */
import type { BalieEvent } from '../../sync/events';
import type { CommandContext, CommandResult } from '../command-support';
import type { DayState } from '../day-state';
import type { DomainError } from '../messages';
import { testDay, TestDesk } from './day-fixtures';

/** One day played by several desks. */
export class Scenario {
  state: DayState;
  readonly log: BalieEvent[] = [];
  private readonly desks = new Map<string, TestDesk>();

  constructor(initial: DayState = testDay()) {
    this.state = initial;
  }

  desk(deskId: string, clerkId = `clerk-${deskId}`): TestDesk {
    let desk = this.desks.get(deskId);
    if (!desk) {
      desk = new TestDesk(deskId, clerkId, this.desks.size + 1);
      this.desks.set(deskId, desk);
    }
    return desk;
  }

  /** Runs a command that must succeed; returns its events. */
  do(deskId: string, time: string, command: (state: DayState, context: CommandContext) => CommandResult): BalieEvent[] {
    const desk = this.desk(deskId);
    const result = command(this.state, desk.at(time));
    if (!result.ok) throw new Error(`command refused at ${deskId} ${time}: ${result.error.code}: ${result.error.message.en}`);
    desk.advance(result.events.length);
    this.log.push(...result.events);
    this.state = result.state;
    return result.events;
  }

  /** Runs a command that must be refused; returns the error. */
  refused(deskId: string, time: string, command: (state: DayState, context: CommandContext) => CommandResult): DomainError {
    const result = command(this.state, this.desk(deskId).at(time));
    if (result.ok) throw new Error(`command accepted at ${deskId} ${time}, expected a refusal`);
    return result.error;
  }
}
