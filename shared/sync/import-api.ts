/**
 * Wire format of the appointment import, `POST /api/v1/import/appointments?location=MAA` with the
 * booking system's CSV export as a `text/csv` body (docs/import.md). The server fills these
 * schemas; an admin screen or a script parses the answer with them. The CLI prints the same report.
 */
import { z } from 'zod';

/** The largest export the import accepts (bytes). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** `?location=MAA`: the location whose appointment book the file fills. */
export const importQuerySchema = z.object({
  location: z.string().regex(/^[A-Z]{3}$/, 'expected a location code such as MAA'),
});
export type ImportQuery = z.infer<typeof importQuerySchema>;

/** Why something was not taken: a stable code and the sentence in Dutch and English. */
export const importReasonSchema = z.object({
  code: z.string().min(1),
  message: z.object({ nl: z.string().min(1), en: z.string().min(1) }),
});
export type ImportReason = z.infer<typeof importReasonSchema>;

/**
 * A row that was left out on its own (a bad field, a seventh person, a repeated position).
 * `booking` tells what became of the rest of its booking, so a family is never half-imported
 * silently:
 * - `without-this-row`: the booking's other rows were taken (imported, cancelled or already
 *   stored as they are), so the booking stands without this person;
 * - `not-imported`: no other row of its booking was taken (or the code itself was unreadable).
 */
export const badRowSchema = z.object({
  /** The file's line where the row starts (line 1 is the header). */
  line: z.int().min(2),
  /** The row's appointment code when it could be read, else null. */
  appointmentCode: z.string().nullable(),
  reasons: z.array(importReasonSchema).min(1),
  booking: z.enum(['without-this-row', 'not-imported']),
});
export type BadRow = z.infer<typeof badRowSchema>;

/**
 * A booking that was left out as a whole although its rows were good one by one: its rows disagree
 * (date, time, services, status), it differs from the stored booking, it was cancelled earlier, or
 * it can no longer be cancelled (past, or someone of it is already at the counter).
 */
export const refusedBookingSchema = z.object({
  appointmentCode: z.string().min(1),
  lines: z.array(z.int().min(2)).min(1),
  reasons: z.array(importReasonSchema).min(1),
});
export type RefusedBooking = z.infer<typeof refusedBookingSchema>;

/** What one import did. Counts are of bookings unless named otherwise. */
export const importReportSchema = z.object({
  locationId: z.string().min(1),
  /** Data rows read (the header not counted). */
  rows: z.int().min(0),
  /** New bookings stored, with their persons and appointments (one per person per service). */
  imported: z.object({ bookings: z.int().min(0), persons: z.int().min(0), appointments: z.int().min(0) }),
  /** Bookings already stored exactly as the file says (a re-import), or cancelled before we ever stored them. */
  unchanged: z.int().min(0),
  /**
   * Stored bookings that gained a client category or sponsor they lacked (imported before the
   * export carried them). Optional: servers before issue #10 leave it out.
   */
  filledIn: z.int().min(0).optional(),
  /** Stored bookings the file cancels now. */
  cancelled: z.int().min(0),
  badRows: z.array(badRowSchema),
  refusedBookings: z.array(refusedBookingSchema),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** The answer when the file as a whole cannot be read (400): nothing was imported. */
export const importFileErrorSchema = z.object({
  error: z.literal('bad-file'),
  reasons: z.array(importReasonSchema).min(1),
});
export type ImportFileError = z.infer<typeof importFileErrorSchema>;
