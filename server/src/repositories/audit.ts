import type { Queryable } from '../db/database';

/** Appends to the audit log: who did what, from which device. Never secrets or personal data. */
export async function recordAudit(
  db: Queryable,
  entry: { accountId: string | null; deviceId: string | null; action: string; detail?: Record<string, unknown> },
): Promise<void> {
  await db.query('INSERT INTO audit_log (account_id, device_id, action, detail) VALUES ($1, $2, $3, $4)', [
    entry.accountId,
    entry.deviceId,
    entry.action,
    JSON.stringify(entry.detail ?? {}),
  ]);
}
