/**
 * How the supervisor's screens write durations, shares and rates: short, the same everywhere, and
 * a dash for a figure that does not exist (no calls, no services) rather than a misleading zero.
 */
import type { Language } from '../../i18n/i18n';

export const NO_FIGURE = '–';

/** `45 s`, `12 min`, `1 u 05 min` (en: `1 h 05 min`); seconds only under a minute. */
export function formatDuration(seconds: number | null, language: Language): string {
  if (seconds === null || !Number.isFinite(seconds)) return NO_FIGURE;
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return `${hours} ${language === 'nl' ? 'u' : 'h'} ${String(minutes % 60).padStart(2, '0')} min`;
}

/** A share (0…1) as a whole percentage. */
export function formatShare(share: number | null, language: Language): string {
  if (share === null || !Number.isFinite(share)) return NO_FIGURE;
  return `${new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 0 }).format(share * 100)}%`;
}

/** A rate such as services per desk-hour, one decimal. */
export function formatRate(rate: number | null, language: Language): string {
  if (rate === null || !Number.isFinite(rate)) return NO_FIGURE;
  return new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(rate);
}

/** Seconds between an ISO instant and `now` (ms), never negative. */
export function secondsSince(iso: string, now: number): number {
  return Math.max(0, (now - Date.parse(iso)) / 1000);
}
