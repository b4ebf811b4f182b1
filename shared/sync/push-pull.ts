/**
 * Wire format of the sync protocol's push and pull (`/api/v1/sync/*`), v1. See
 * docs/sync-protocol.md for the guarantees. The desk's sync client and the server's routes both
 * use these schemas.
 */
import { z } from 'zod';

/** The most events one push may carry. */
export const MAX_PUSH_BATCH = 500;
/** The most changes one pull answers. */
export const MAX_PULL_LIMIT = 1000;

export const pushRequestSchema = z.object({
  deviceId: z.string().min(1).max(128),
  /** The desk's clock when it sent the batch: the server measures the clock offset from it. */
  clientTime: z.iso.datetime({ offset: true }),
  /** Events in device order. Each is validated on its own: one bad event does not block the rest. */
  events: z.array(z.unknown()).min(1).max(MAX_PUSH_BATCH),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/**
 * What happened to one pushed event:
 * - `accepted`: stored and applied;
 * - `duplicate`: this event id was stored before; `original` is what happened then (a success);
 * - `conflict`: stored and flagged; it did not change the day (the reason says why);
 * - `rejected`: malformed or not allowed; stored with its reason, it consumed its sequence number;
 * - `gap`: not stored: an earlier sequence number is missing; resend from `expectedSeq`.
 */
export const pushResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('accepted'), id: z.string(), serverSeq: z.string() }),
  z.object({
    status: z.literal('duplicate'),
    id: z.string(),
    original: z.enum(['accepted', 'conflict', 'rejected']),
    reason: z.unknown().optional(),
  }),
  z.object({ status: z.literal('conflict'), id: z.string(), serverSeq: z.string(), reason: z.unknown() }),
  z.object({ status: z.literal('rejected'), id: z.string().nullable(), reason: z.unknown() }),
  z.object({ status: z.literal('gap'), id: z.string().nullable(), expectedSeq: z.int() }),
]);
export type PushResult = z.infer<typeof pushResultSchema>;

export const pushResponseSchema = z.object({
  results: z.array(pushResultSchema),
  /** Server clock when the batch was committed. */
  serverTime: z.iso.datetime({ offset: true }),
  /** The highest device sequence the server holds for this device. */
  lastDeviceSeq: z.int(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** Pull cursors are decimal strings: server sequences outgrow JavaScript's safe integers in theory. */
export const cursorSchema = z.string().regex(/^\d{1,19}$/, 'expected a cursor: digits only');

export const pullQuerySchema = z.object({
  since: cursorSchema.default('0'),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(500),
});

export const CHANGE_ENTITIES = ['appointment', 'person', 'desk', 'conflict', 'checklist'] as const;

/** The new state of one entity; the desk replaces its copy with `data`. */
export const changeSchema = z.object({
  seq: cursorSchema,
  entity: z.enum(CHANGE_ENTITIES),
  id: z.string(),
  data: z.unknown(),
});
export type Change = z.infer<typeof changeSchema>;

export const pullResponseSchema = z.object({
  changes: z.array(changeSchema),
  /** Pass as `since` next time; store it in the same transaction as the changes. */
  nextCursor: cursorSchema,
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;
