import { describe, expect, it } from 'vitest';
import { formatChange, formatDate, formatFigure, NO_FIGURE } from './steering-format';

describe("the steering page's figures in words", () => {
  it('writes counts, ratings, shares and times the Dutch and the English way', () => {
    expect(formatFigure('count', 13000, 'nl')).toBe('13.000');
    expect(formatFigure('count', 13000, 'en')).toBe('13,000');
    expect(formatFigure('decimal', 9.14, 'nl')).toBe('9,1');
    expect(formatFigure('decimal', 9.14, 'en')).toBe('9.1');
    expect(formatFigure('share', 0.954, 'nl')).toBe('95%');
    expect(formatFigure('duration', 754, 'nl')).toBe('12 min');
    expect(formatFigure('duration', 3900, 'nl')).toBe('1 u 05 min');
    expect(formatFigure('duration', 3900, 'en')).toBe('1 h 05 min');
    expect(formatFigure('share', null, 'en')).toBe(NO_FIGURE);
  });

  it('gives the change with its sign, shares in percentage points, and no change where the written figures agree', () => {
    expect(formatChange('count', 1200, 1000, 'nl')).toBe('+200');
    expect(formatChange('count', 900, 1000, 'en')).toBe('−100');
    expect(formatChange('decimal', 8.62, 9.04, 'nl')).toBe('−0,4');
    expect(formatChange('share', 0.95, 0.9, 'nl')).toBe('+5 %-punt');
    expect(formatChange('share', 0.9, 0.95, 'en')).toBe('−5 pp');
    expect(formatChange('duration', 300, 360, 'nl')).toBe('−1 min');
    expect(formatChange('count', 7, 7, 'nl')).toBe('0');
    expect(formatChange('decimal', 8.01, 8.02, 'en')).toBe('0.0');
    expect(formatChange('duration', 300, 300.2, 'en')).toBe('0 s');
    expect(formatChange('decimal', 8, null, 'nl')).toBe(NO_FIGURE);
  });

  it('writes a date out with its month name', () => {
    expect(formatDate('2026-07-01', 'nl')).toBe('1 juli 2026');
    expect(formatDate('2026-07-01', 'en')).toBe('1 July 2026');
  });
});
