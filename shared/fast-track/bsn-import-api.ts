/**
 * Wire format of the BSN-day import, `POST /api/v1/import/bsn-issued?location=MAA` with a CSV body
 * (docs/import.md): the municipality's list of fast-track registrations whose BSN was issued. A
 * row names the booking's appointment code, the person's date of birth (to tell a family apart) and
 * the day the BSN was issued; never the BSN itself (a column named so is refused).
 */
import { z } from 'zod';
import { importReasonSchema } from '../sync/import-api';

export const BSN_IMPORT_COLUMNS = ['appointment_code', 'date_of_birth', 'bsn_issued_on'] as const;

/** A row left out, with why; the reasons repeat no personal data. */
export const bsnImportBadRowSchema = z.object({
  line: z.int().min(2),
  appointmentCode: z.string().nullable(),
  reasons: z.array(importReasonSchema).min(1),
});

export const bsnImportReportSchema = z.object({
  locationId: z.string(),
  /** Data rows read (the header not counted). */
  rows: z.int().min(0),
  /** Registrations whose BSN day was recorded or changed. */
  recorded: z.int().min(0),
  /** Rows that say what is recorded already (a re-import). */
  unchanged: z.int().min(0),
  badRows: z.array(bsnImportBadRowSchema),
});
export type BsnImportReport = z.infer<typeof bsnImportReportSchema>;
