/**
 * The state of one person's appointment for one service, as the lifecycle (appointment-machine.ts)
 * moves it and the reducer (day-reducer.ts) keeps it. Instants are ISO strings, as in events.
 */
import type { StepValue } from '../checklists/step-value';
import type { Appointment } from './model';
import type { AppointmentStatus, OutcomeCode } from './codes';

/** One recorded checklist step, with the definition it followed. */
export interface RecordedStep {
  readonly checklistId: string;
  readonly checklistVersion: number;
  readonly value: StepValue;
  readonly recordedAt: string;
  readonly clerkId: string;
}

/** A clerk's note on the appointment (personal data). */
export interface AppointmentNote {
  readonly text: string;
  readonly at: string;
  readonly clerkId: string;
}

/**
 * The client's rating of the service (commands-rating.ts): the score only; the optional comment
 * stays in the event, where reports read it and the desk purges it with the day.
 */
export interface AppointmentRating {
  readonly score: number;
  readonly ratedAt: string;
  readonly deskId: string;
}

/** Where one person's appointment for one service stands. */
export interface AppointmentState extends Appointment {
  readonly status: AppointmentStatus;
  /** Desk the person is called to or served at; when `transferred`, the target desk (null: any desk). */
  readonly deskId: string | null;
  /** Clerk who called or serves the person. */
  readonly clerkId: string | null;
  readonly checkedInAt: string | null;
  /**
   * The ticket number given at check-in ("A-017", tickets.ts), called on the waiting-room display
   * instead of the name; a transfer to the next service keeps it. Null before check-in, or when the
   * check-in event came from a desk that gave no tickets yet.
   */
  readonly ticket: string | null;
  /**
   * When the current wait started, while the person waits in a queue: the later of check-in and the
   * booked slot, or the moment of a transfer. Null when not waiting.
   */
  readonly waitingSince: string | null;
  /** The last call (or recall). */
  readonly calledAt: string | null;
  /** Calls and recalls so far. */
  readonly callCount: number;
  /** First start of service. */
  readonly serviceStartedAt: string | null;
  /** When the appointment reached a final status. */
  readonly finishedAt: string | null;
  readonly outcome: OutcomeCode | null;
  readonly outcomeReason: string | null;
  readonly parkReason: string | null;
  /** Recorded steps by step id (the last value counts). */
  readonly steps: Readonly<Record<string, RecordedStep>>;
  /** The next service's appointment this person was sent on to. */
  readonly transferredTo: string | null;
  /** The appointment this one was sent on from. */
  readonly transferredFrom: string | null;
  readonly notes: readonly AppointmentNote[];
  /**
   * The client's rating, once given. Absent (not null) until then, so states stored or pulled
   * before ratings existed stay equal to the reducer's.
   */
  readonly rating?: AppointmentRating;
}

/** A booked appointment as it starts the day: expected, nothing happened yet. */
export function expectedAppointment(appointment: Appointment): AppointmentState {
  return {
    ...appointment,
    status: 'expected',
    deskId: null,
    clerkId: null,
    checkedInAt: null,
    ticket: null,
    waitingSince: null,
    calledAt: null,
    callCount: 0,
    serviceStartedAt: null,
    finishedAt: null,
    outcome: null,
    outcomeReason: null,
    parkReason: null,
    steps: {},
    transferredTo: null,
    transferredFrom: null,
    notes: [],
  };
}
