/**
 * A booking's sponsor is stored in three columns (migration 004); this turns them back into one
 * value for the import and the day route alike.
 */
import type { Sponsor } from '../../../shared/domain/model';

/** The sponsor from its columns; null when the booking has none (the columns are null together). */
export function sponsorOf(name: string | null, recognised: boolean | null, kvkNumber: string | null): Sponsor | null {
  return name === null || recognised === null ? null : { name, recognised, kvkNumber };
}
