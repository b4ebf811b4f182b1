/**
 * How the steering page writes its figures in Dutch or English: counts with grouping (13.000 /
 * 13,000), a rating with one decimal, shares as whole percentages, times in seconds and minutes,
 * and the change against the previous period with its sign. A figure that does not exist (no
 * ratings, no day open) is a dash, never a misleading zero.
 */
import type { Language } from '../../i18n/i18n';

export const NO_FIGURE = '–';
const MINUS = '−';

/** What a figure counts, which decides how it and its change are written. */
export type FigureKind = 'count' | 'decimal' | 'share' | 'duration';

const locale = (language: Language) => (language === 'nl' ? 'nl-NL' : 'en-GB');
const usable = (value: number | null): value is number => value !== null && Number.isFinite(value);

function formatNumber(value: number, language: Language, decimals: number): string {
  return new Intl.NumberFormat(locale(language), { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/** `45 s`, `12 min`, `1 u 05 min` (en: `1 h 05 min`); seconds only under a minute. */
function formatSeconds(seconds: number, language: Language): string {
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} ${language === 'nl' ? 'u' : 'h'} ${String(minutes % 60).padStart(2, '0')} min`;
}

/** One figure as the page shows it. */
export function formatFigure(kind: FigureKind, value: number | null, language: Language): string {
  if (!usable(value)) return NO_FIGURE;
  switch (kind) {
    case 'count': return formatNumber(value, language, 0);
    case 'decimal': return formatNumber(value, language, 1);
    case 'share': return `${formatNumber(value * 100, language, 0)}%`;
    case 'duration': return formatSeconds(Math.max(0, value), language);
  }
}

/**
 * This period against the previous one: `+3`, `−0,4`, `+5 %-punt` (en `+5 pp`), `−1 min`; `0` when
 * equal as written, a dash when either period has no such figure.
 */
export function formatChange(kind: FigureKind, current: number | null, previous: number | null, language: Language): string {
  if (!usable(current) || !usable(previous)) return NO_FIGURE;
  const difference = current - previous;
  const size = Math.abs(difference);
  const written = {
    count: () => formatNumber(size, language, 0),
    decimal: () => formatNumber(size, language, 1),
    share: () => `${formatNumber(size * 100, language, 0)} ${language === 'nl' ? '%-punt' : 'pp'}`,
    duration: () => formatSeconds(size, language),
  }[kind]();
  // What rounds to nothing is no change, whatever its sign before rounding.
  if (/^0([,.]0)?( |$)/.test(written)) return kind === 'duration' ? '0 s' : written;
  return `${difference > 0 ? '+' : MINUS}${written}`;
}

/** A calendar date written out: `1 juli 2026`, `1 July 2026`. */
export function formatDate(date: string, language: Language): string {
  return new Intl.DateTimeFormat(locale(language), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}
