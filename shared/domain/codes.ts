/**
 * The fixed vocabularies of the counter: service codes, nationality categories and the statuses of
 * one person's appointment. Every other module takes its types from these lists.
 */

/** Services of the one stop shop (IND planner codes plus the municipality's and the Expat Centre's). */
export const SERVICE_CODES = ['BIO', 'DOC', 'VAA', 'TKV', 'BRP', 'INFO'] as const;
/** A service of the one stop shop. */
export type ServiceCode = (typeof SERVICE_CODES)[number];

/** Nationality categories that decide which checklist steps apply to a person. */
export const NATIONALITY_CATEGORIES = ['eu-eea-ch', 'eu-family-member', 'other'] as const;
/** A nationality category. */
export type NationalityCategory = (typeof NATIONALITY_CATEGORIES)[number];

/**
 * Why a client comes to the one stop shop (their residence purpose), for the partners' figures by
 * category. Unknown (null) for persons imported before the booking system exported it.
 */
export const CLIENT_CATEGORIES = ['knowledge-migrant', 'researcher', 'student', 'family-member', 'start-up', 'other'] as const;
/** A client category. */
export type ClientCategory = (typeof CLIENT_CATEGORIES)[number];

/** What a user reads for each client category, in Dutch and English. */
export const CLIENT_CATEGORY_LABELS = {
  'knowledge-migrant': { nl: 'Kennismigrant', en: 'Knowledge migrant' },
  researcher: { nl: 'Wetenschappelijk onderzoeker', en: 'Researcher' },
  student: { nl: 'Student', en: 'Student' },
  'family-member': { nl: 'Gezinslid', en: 'Family member' },
  'start-up': { nl: 'Start-up', en: 'Start-up' },
  other: { nl: 'Overig', en: 'Other' },
} as const satisfies Record<ClientCategory, { nl: string; en: string }>;

/** Where one person's appointment stands in the day. */
export const APPOINTMENT_STATUSES = [
  'expected',
  'arrived',
  'called',
  'in-service',
  'parked',
  'transferred',
  'completed',
  'partial',
  'no-show',
  'cancelled',
] as const;
/** A status of one person's appointment. */
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** Statuses in which a person is waiting in a queue (checked in, or sent on by another desk). */
export const QUEUED_STATUSES = ['arrived', 'transferred'] as const satisfies readonly AppointmentStatus[];

/** Statuses in which a desk is busy with the person (called to the desk, or being served). */
export const AT_DESK_STATUSES = ['called', 'in-service'] as const satisfies readonly AppointmentStatus[];

/** Statuses after which nothing more happens to this person's appointment for this service. */
export const FINAL_STATUSES = ['completed', 'partial', 'no-show', 'cancelled'] as const satisfies readonly AppointmentStatus[];

/**
 * Outcome codes of one service for one person (DOMAIN.md §3, "Outcome codes"). They feed
 * first-time-right: only `completed` is first time right. `no-show` is recorded by the no-show
 * event, never as the outcome of a service that was started.
 */
export const OUTCOME_CODES = [
  'completed',
  'partial',
  'missing-document',
  'not-in-ind-system',
  'not-the-holder',
  'equipment-failure',
  'client-left',
  'no-show',
] as const;
/** An outcome of one service for one person. */
export type OutcomeCode = (typeof OUTCOME_CODES)[number];

/** Why a desk is paused. `other` asks for a note. */
export const PAUSE_REASONS = ['break', 'lunch', 'meeting', 'technical', 'back-office', 'other'] as const;
/** A reason for a desk pause. */
export type PauseReason = (typeof PAUSE_REASONS)[number];

/** Why a person was added at the desk without a booking of their own. */
export const WALK_IN_REASONS = ['family-member', 'ind-invited', 'next-service', 'other'] as const;
/** A reason for a walk-in. */
export type WalkInReason = (typeof WALK_IN_REASONS)[number];

/** How a person was checked in. */
export const CHECK_IN_METHODS = ['scan', 'manual'] as const;
/** A way of checking in. */
export type CheckInMethod = (typeof CHECK_IN_METHODS)[number];

/** What a desk is doing, as the supervisor's live view shows it (`offline` is the server's call). */
export const DESK_STATUSES = ['closed', 'idle', 'serving', 'paused', 'offline'] as const;
/** A desk status in the live view. */
export type DeskStatus = (typeof DESK_STATUSES)[number];
