/**
 * Wire format of the administrator's routes: locations, their desks, and staff accounts.
 */
import { z } from 'zod';
import { SERVICE_CODES } from '../domain/codes';
import { accountSummarySchema, ROLES } from './auth-api';

/** A service point; its id is the IND desk code (`MAA` for Maastricht). */
export const newLocationSchema = z.object({
  id: z.string().regex(/^[A-Z]{3}$/, 'a location id is the three-letter desk code, such as MAA'),
  name: z.string().trim().min(1).max(200),
});
export type NewLocation = z.infer<typeof newLocationSchema>;

/** A counter of a location, with the services it serves. */
export const newDeskSchema = z.object({
  id: z.string().regex(/^[A-Z]{3}-[A-Z0-9]{1,12}$/, 'a desk id is the location id, a dash and a short name, such as MAA-D5'),
  name: z.string().trim().min(1).max(50),
  services: z.array(z.enum(SERVICE_CODES)).min(1).default([...SERVICE_CODES]),
});
export type NewDesk = z.infer<typeof newDeskSchema>;

export const deskSummarySchema = z.object({
  id: z.string(),
  locationId: z.string(),
  name: z.string(),
  services: z.array(z.enum(SERVICE_CODES)),
});

/** A staff account; admins have no location (they work everywhere), everyone else exactly one. */
export const newAccountSchema = z
  .object({
    username: z.string().trim().toLowerCase().min(2).max(64).regex(/^[a-z0-9._-]+$/, 'letters, digits, dot, dash or underscore'),
    displayName: z.string().trim().min(1).max(100),
    role: z.enum(ROLES),
    locationId: z.string().regex(/^[A-Z]{3}$/).nullable(),
    password: z.string().min(12, 'a password has at least 12 characters').max(512),
  })
  .refine((account) => (account.role === 'admin') === (account.locationId === null), {
    message: 'an admin has no location; a clerk or supervisor has one',
    path: ['locationId'],
  });
export type NewAccount = z.infer<typeof newAccountSchema>;

export const createdAccountSchema = accountSummarySchema;
