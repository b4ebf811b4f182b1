/**
 * The fixed vocabularies of the counter: service codes, nationality categories and the statuses of
 * one person's appointment. Every other module takes its types from these lists.
 */

/** Services of the one stop shop (IND planner codes plus the municipality's and the Expat Centre's). */
export const SERVICE_CODES = ['BIO', 'DOC', 'VAA', 'TKV', 'BRP', 'INFO'] as const;
export type ServiceCode = (typeof SERVICE_CODES)[number];

/** Nationality categories that decide which checklist steps apply to a person. */
export const NATIONALITY_CATEGORIES = ['eu-eea-ch', 'eu-family-member', 'other'] as const;
export type NationalityCategory = (typeof NATIONALITY_CATEGORIES)[number];

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
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
