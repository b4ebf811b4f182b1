/**
 * A location's list of recognised sponsors in its region (issue #10): the denominator of "share of
 * the sponsors served". An administrator replaces the whole list at once (`PUT`), as it comes from
 * the IND's public register; a supervisor may read it.
 */
import { z } from 'zod';

export const MAX_SPONSOR_LIST = 20_000;

export const sponsorListEntrySchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    kvk: z.string().regex(/^\d{8}$/, 'a KvK number has 8 digits').nullable().default(null),
  })
  .strict();

export const sponsorListSchema = z.object({ sponsors: z.array(sponsorListEntrySchema).max(MAX_SPONSOR_LIST) }).strict();
export type SponsorList = z.infer<typeof sponsorListSchema>;

/** The answer to a replacement: how many distinct sponsors the list now holds (doubles counted once). */
export const sponsorListStoredSchema = z.object({ locationId: z.string(), size: z.number().int().nonnegative() });
