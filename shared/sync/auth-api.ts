/**
 * Wire format of sign-in and device registration (`/api/v1/auth/*`, `/api/v1/devices/*`).
 * A clerk signs in on a registered desk (its device id and secret travel with the password) and
 * gets a session token bound to that desk; supervisors and admins may sign in from a browser, the
 * municipality's back office from a browser only.
 */
import { z } from 'zod';

/** `municipality`: GemeenteLoket back office, who record the BSN of fast-track registrations (issue #10). */
export const ROLES = ['clerk', 'supervisor', 'admin', 'municipality'] as const;
export type Role = (typeof ROLES)[number];

const usernameSchema = z.string().trim().toLowerCase().min(2).max(64).regex(/^[a-z0-9._-]+$/, 'letters, digits, dot, dash or underscore');

/** A registered device's own credential. */
export const deviceCredentialSchema = z.object({
  deviceId: z.string().min(1).max(128),
  deviceSecret: z.string().min(32).max(128),
});
export type DeviceCredential = z.infer<typeof deviceCredentialSchema>;

export const signInRequestSchema = z.object({
  username: usernameSchema,
  password: z.string().min(1).max(512),
  /** Present when signing in on a registered desk: the session is then bound to it. */
  device: deviceCredentialSchema.optional(),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const accountSummarySchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  /** Null for an admin: every location. */
  locationId: z.string().nullable(),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

/** A PBKDF2-SHA256 verifier of a clerk's PIN: the desk checks a typed PIN against it offline. */
export const pinVerifierSchema = z.object({
  algorithm: z.literal('PBKDF2-SHA256'),
  salt: z.string(),
  iterations: z.int().min(100_000),
  hash: z.string(),
});
export type PinVerifier = z.infer<typeof pinVerifierSchema>;

/** Offline unlock material for one desk, until `validUntil` (then an online sign-in is needed). */
export const offlineUnlockSchema = pinVerifierSchema.extend({ validUntil: z.iso.datetime({ offset: true }) });
export type OfflineUnlock = z.infer<typeof offlineUnlockSchema>;

/** A clerk's PIN: 5 to 8 digits, not one digit repeated and not a run such as 12345 (the first guesses anyone tries). */
export const pinSchema = z
  .string()
  .regex(/^\d{5,8}$/, 'a PIN has 5 to 8 digits')
  .refine((pin) => !/^(\d)\1+$/.test(pin), 'a PIN is not one digit repeated')
  .refine((pin) => !'0123456789012345678'.includes(pin) && !'9876543210987654321'.includes(pin), 'a PIN is not a run of digits');

export const setPinRequestSchema = z.object({ pin: pinSchema });

export const signInResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
  account: accountSummarySchema,
  /** The desk this session works at, when signed in on a desk device. */
  device: z.object({ id: z.string(), locationId: z.string(), deskId: z.string().nullable() }).nullable(),
  /** Present when signed in on a desk and the clerk has set a PIN. */
  offlineUnlock: offlineUnlockSchema.nullable(),
});
export type SignInResponse = z.infer<typeof signInResponseSchema>;

export const registrationCodeRequestSchema = z.object({
  locationId: z.string().min(1).max(128),
  kind: z.enum(['desk', 'display']),
  deskId: z.string().min(1).max(128).nullable().default(null),
});

export const registrationCodeResponseSchema = z.object({
  /** Shown once to the admin, typed once on the new device. */
  code: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
});

export const deviceRegistrationRequestSchema = z.object({
  code: z.string().trim().min(8).max(64),
  name: z.string().trim().min(1).max(100),
});

export const deviceRegistrationResponseSchema = z.object({
  deviceId: z.string(),
  /** Shown once: the device keeps it in its secure storage. */
  deviceSecret: z.string(),
  locationId: z.string(),
  kind: z.enum(['desk', 'display']),
  deskId: z.string().nullable(),
});

/** Every error answer of the API: a code a program can act on and a message a person can read. */
export const apiErrorSchema = z.object({
  error: z.string(),
  message: z.string().optional(),
  problems: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
